package org.stargatekg.queries;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.ExpectedTable;
import org.stargatekg.support.RunningServer;

/** Runs every hygiene query {@code queries/hygiene/*.rq} against the running endpoint: each names a fault and must find none. */
class HygieneQueriesTest {

    private static final String FOLDER = "queries/hygiene";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    static List<String> queries() {
        return ClasspathFolder.fileNames(FOLDER, ".rq");
    }

    @Test
    void hygiene_queries_are_on_the_classpath() {
        assertFalse(queries().isEmpty(), "no hygiene queries on the classpath under " + FOLDER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void hygiene_query_finds_no_faults(String file) {
        String query = ClasspathFolder.read(FOLDER + "/" + file);
        String firstLine = query.lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("#"), () -> file + " must open with a comment saying what it forbids");
        RunningServer.Results results = server.select(query);
        assertTrue(results.rows().isEmpty(), () -> file + " (" + firstLine + ") found " + results.rows().size() + " fault(s):\n"
                + String.join("\t", results.vars()) + "\n"
                + results.rows().stream()
                         .map(r -> results.vars().stream().map(v -> ExpectedTable.render(r.get(v), server.base()))
                                          .collect(Collectors.joining("\t")))
                         .collect(Collectors.joining("\n")));
    }
}

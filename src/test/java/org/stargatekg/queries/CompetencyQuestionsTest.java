package org.stargatekg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stargatekg.support.ClasspathFolder;
import org.stargatekg.support.ExpectedTable;
import org.stargatekg.support.RunningServer;

/**
 * Runs every competency query {@code queries/competency/cq-NN.rq} against the running endpoint and compares the
 * answer with {@code cq-NN.expected.tsv} beside it. The answers live only in those files.
 */
class CompetencyQuestionsTest {

    private static final String FOLDER = "queries/competency";
    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    static List<String> queries() {
        return ClasspathFolder.fileNames(FOLDER, ".rq");
    }

    private static String expectedFileOf(String query) {
        return query.substring(0, query.length() - ".rq".length()) + ".expected.tsv";
    }

    @Test
    void every_competency_query_has_its_expected_answer_beside_it() {
        List<String> queries = queries();
        List<String> expected = ClasspathFolder.fileNames(FOLDER, ".expected.tsv");
        assertFalse(queries.isEmpty(), "no competency queries on the classpath under " + FOLDER);
        assertEquals(queries.stream().map(CompetencyQuestionsTest::expectedFileOf).toList(), expected,
                     "each cq-NN.rq needs exactly one cq-NN.expected.tsv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void competency_query_returns_the_expected_answer(String file) {
        String query = ClasspathFolder.read(FOLDER + "/" + file);
        String firstLine = query.lines().findFirst().orElse("");
        String id = file.substring(0, file.length() - ".rq".length()).toUpperCase();
        assertTrue(firstLine.startsWith("# " + id + ":"), () -> file + " must open with '# " + id + ": question', not: " + firstLine);

        String expectedFile = expectedFileOf(file);
        ExpectedTable expected = ExpectedTable.parse(ClasspathFolder.read(FOLDER + "/" + expectedFile), expectedFile);
        RunningServer.Results results = server.select(query);
        assertNull(expected.differences(results, server.base()), () -> firstLine + "\n" + expected.differences(results, server.base()));
    }
}

package org.stargatekg.queries;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stargatekg.support.RunningServer;
import org.stargatekg.web.Examples;

/** Every example the editor offers runs as it stands (absolute prefixes, no BASE needed) and finds something. */
class ExampleQueriesTest {

    @RegisterExtension
    static final RunningServer server = RunningServer.extension();

    static Stream<String> examples() {
        return Examples.shipped().stream().map(Examples.Example::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void editor_example_runs_as_offered_and_finds_rows(String id) {
        List<Examples.Example> all = Examples.shipped();
        Examples.Example example = all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertFalse(example.query().contains("<ontology/>") || example.query().contains("<id/>"),
                    "relative prefix left in " + id);
        var response = server.get("/sparql?query=" + RunningServer.encode(example.query()), RunningServer.JSON);
        assertTrue(response.statusCode() == 200, () -> id + " -> HTTP " + response.statusCode() + "\n" + response.body());
        assertTrue(response.body().contains("\"bindings\"") && !response.body().matches("(?s).*\"bindings\"\\s*:\\s*\\[\\s*\\].*"),
                   () -> id + " found no rows:\n" + response.body());
    }
}

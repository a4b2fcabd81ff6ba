package org.stargatekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stargatekg.support.Fixtures;

import picocli.CommandLine;

/** Every option's bad value ends the run before loading with exit code 2 and a message that names the option. */
class OptionValuesTest {

    static Stream<Arguments> badValues() {
        String file = Fixtures.path("extra-valid/article.txt").toString();
        String notAStore = Fixtures.path("extra-valid").toString();
        return Stream.of(
                Arguments.of("--port", "-1"),
                Arguments.of("--port", "65536"),
                Arguments.of("--port", "http"),
                Arguments.of("--host", ""),
                Arguments.of("--host", "   "),
                Arguments.of("--base-url", "ftp://example.org/"),
                Arguments.of("--base-url", "not a url/"),
                Arguments.of("--data", "/no/such/folder/stargate"),
                Arguments.of("--data", file),
                Arguments.of("--timeout", "0"),
                Arguments.of("--timeout", "-5"),
                Arguments.of("--timeout", "soon"),
                Arguments.of("--store", file),
                Arguments.of("--store", file + "/below-a-file"),
                Arguments.of("--store", notAStore));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badValues")
    void bad_option_value_exits_2_naming_the_option(String option, String value) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("--validate", option, value);
        String shown = "exit " + code + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        assertEquals(2, code, shown);
        assertTrue(err.toString().contains(option), shown);
    }
}

package org.stargatekg.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * What a client sends (a query, a path, a header quoted in a message) never starts a line of its own in the server
 * log, nor reaches it as a raw control character: the console layout of log4j2.xml writes CR and LF as {@code \r}, {@code \n} and other control
 * characters as {@code ?} (issue 23, finding 4: {@code afn:print("INJECTED\nFAKE LOG LINE")} wrote two lines).
 */
class LogForgingTest {

    private static String formatted(String logger, String message) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Layout<?> layout = context.getConfiguration().getAppender("console").getLayout();
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(Level.WARN).setMessage(new SimpleMessage(message)).build();
        return new String(layout.toByteArray(event), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertOneCleanLine(String line) {
        assertEquals(1, line.lines().count(), "more than one line: " + line);
        String body = line.substring(0, line.length() - System.lineSeparator().length());
        assertTrue(body.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029), "a control character in: " + body);
    }

    @Test
    void a_message_with_line_breaks_and_escapes_is_one_line() {
        String line = formatted("org.stargatekg.test", "INJECTED\nFAKE LOG LINE\r\n12:00:00 WARN  StoreCheck - forged\u001b[31m\u2028x");
        assertOneCleanLine(line);
        assertTrue(line.contains("INJECTED\\nFAKE LOG LINE"), line);
    }
}

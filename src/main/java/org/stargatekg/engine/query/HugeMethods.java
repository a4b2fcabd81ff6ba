package org.stargatekg.engine.query;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once, when the JVM will not compile ARQ's query lexer. HotSpot leaves any method over 8,000 bytes of bytecode
 * to the interpreter ({@code -XX:+DontCompileHugeMethods}, on by default), and the lexer's {@code jjMoveNfa_0} has
 * 14,779: every query's text is read by interpreted code, which took a third of the server's CPU on fresh queries
 * (history entry 9). The flag can only be given when the JVM starts, so the server can only suggest it.
 */
public final class HugeMethods {

    private static final Logger LOG = LoggerFactory.getLogger(HugeMethods.class);
    private static volatile boolean told;

    private HugeMethods() {}

    /** Whether huge methods are compiled in this JVM ({@code -XX:-DontCompileHugeMethods}); true where the JVM does not say. */
    public static boolean compiled() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null || !Boolean.parseBoolean(hotspot.getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException | LinkageError ex) {
            return true;
        }
    }

    /** Logs how to start the JVM so that queries are parsed by compiled code, unless it already is (once per process). */
    public static void adviseOnce() {
        if (told || compiled())
            return;
        told = true;
        LOG.info("Queries are parsed by interpreted code (ARQ's lexer is over HotSpot's 8,000-byte limit): start java with "
                 + "-XX:-DontCompileHugeMethods to parse them two to three times as fast");
    }
}

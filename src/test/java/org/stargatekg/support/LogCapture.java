package org.stargatekg.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Everything logged in this JVM (at the configured levels) while it is open, for tests about what reaches the log. */
public final class LogCapture implements AutoCloseable {

    /** One logged event: logger, level, message and the stack trace's class, if one came with it. */
    public record Line(String logger, String level, String message, String thrown) {
        @Override
        public String toString() {
            return level + " " + logger + " - " + message + (thrown == null ? "" : " [" + thrown + "]");
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerContext context;

    /** Starts capturing. */
    public LogCapture() {
        context = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Throwable t = event.getThrown();
                lines.add(new Line(event.getLoggerName(), event.getLevel().name(), event.getMessage().getFormattedMessage(),
                                   t == null ? null : t.getClass().getName()));
            }
        };
        appender.start();
        // Every logger of the configuration passes its events on to the root's appenders.
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    /** What was logged so far, except the access log. */
    public List<Line> lines() {
        return lines.stream().filter(l -> !l.logger().equals("org.stargatekg.access")).toList();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}

package dev.frontdesk.server.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The {@code logFormat} setting: {@code text} keeps {@code logback.xml}; {@code json} swaps in
 * {@code logback-json.xml} (Logback's own {@code JsonEncoder}: one JSON object per line, the access log's
 * fields as key-value pairs). Applied once, right after the configuration is read and before the server
 * starts, so only the lines of the configuration step itself come out as text.
 */
public final class LogFormat {
    private LogFormat() {
    }

    public static void apply(String format) {
        if (!"json".equals(format)) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            throw new IllegalStateException("logFormat json needs Logback, found " + factory.getClass().getName());
        }
        URL json = LogFormat.class.getClassLoader().getResource("logback-json.xml");
        if (json == null) {
            throw new IllegalStateException("logback-json.xml is missing from the class path");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(json);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure JSON logging: " + e.getMessage(), e);
        }
    }
}

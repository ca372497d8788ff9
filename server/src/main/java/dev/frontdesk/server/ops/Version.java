package dev.frontdesk.server.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Frontdesk's version, from the build. */
public final class Version {
    private static final String VALUE = load();

    private Version() {
    }

    public static String value() {
        return VALUE;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/frontdesk-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}

package io.neuralworkbench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, from the build (the engine jar's Maven metadata), or "dev" when run from sources. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/io/neuralworkbench/engine/version.properties")) {
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

package org.ddict.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version, as Maven built it. */
public final class SuiteVersion {

    private static final String VERSION = load();

    private SuiteVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SuiteVersion.class.getResourceAsStream("/org/ddict/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}

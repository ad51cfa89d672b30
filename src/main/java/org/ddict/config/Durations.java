package org.ddict.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as {@code 10s}, {@code 500ms}, {@code 2m} or ISO-8601 ({@code PT10S}). */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new ConfigException("'" + text + "' is not a duration (write e.g. 10s, 500ms, 2m)");
        }
    }

    public static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}

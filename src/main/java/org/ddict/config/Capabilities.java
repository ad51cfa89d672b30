package org.ddict.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Feature;

/**
 * The optional features (catalogue §0.1) a run treats as offered by the server: the operator's answer, changed by the
 * user's {@code --capabilities}. The override is a comma- or line-separated list, or {@code @file} holding one:
 * {@code +CBOR,-PNP} adds and removes, a list without signs ({@code TOKEN,RANGE}) replaces the operator's answer.
 */
public final class Capabilities {

    private Capabilities() {
    }

    public static Set<Feature> apply(Set<Feature> declared, String override) {
        Set<Feature> result = declared.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(declared);
        if (override == null || override.isBlank()) {
            return result;
        }
        String[] items = Arrays.stream(read(override).split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .filter(s -> !s.startsWith("#")).toArray(String[]::new);
        boolean replace = Arrays.stream(items).noneMatch(s -> s.startsWith("+") || s.startsWith("-"));
        if (replace) {
            result.clear();
        }
        for (String item : items) {
            boolean remove = item.startsWith("-");
            String name = item.replaceFirst("^[+-]", "").replaceFirst("(?i)^opt:", "").toUpperCase();
            Feature f;
            try {
                f = Feature.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--capabilities: unknown feature '" + item + "' (known: "
                        + Arrays.stream(Feature.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
            if (remove) {
                result.remove(f);
            } else {
                result.add(f);
            }
        }
        return result;
    }

    /** Validates an override without an operator (for the command line's early checks). */
    public static void validate(String override) {
        apply(EnumSet.noneOf(Feature.class), override);
    }

    private static String read(String override) {
        if (!override.startsWith("@")) {
            return override;
        }
        Path file = Path.of(override.substring(1));
        try {
            return Files.readString(file).lines().map(l -> l.replaceAll("#.*", "")).collect(Collectors.joining(","));
        } catch (IOException e) {
            throw new ConfigException("--capabilities: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }
}

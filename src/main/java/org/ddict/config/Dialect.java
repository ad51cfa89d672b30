package org.ddict.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the run judges hawkBit's known divergences from the published DDI mapping table ({@link org.ddict.catalogue.Divergence}):
 * either reading passes under {@link #HAWKBIT}; only the published table's passes under {@link #PUBLISHED}.
 */
public enum Dialect {
    HAWKBIT("judge as hawkBit 1.x behaves: hawkBit's reading and the published table's both pass (default)"),
    PUBLISHED("judge by the published mapping table: hawkBit's reading of a divergence fails the requirement");

    private final String description;

    Dialect(String description) {
        this.description = description;
    }

    /** The name used with {@code --dialect}. */
    public String key() {
        return name().toLowerCase();
    }

    public String description() {
        return description;
    }

    /** {@code null} or blank → the default {@link #HAWKBIT}. */
    public static Dialect parse(String value) {
        if (value == null || value.isBlank()) {
            return HAWKBIT;
        }
        return Arrays.stream(values()).filter(d -> d.key().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new ConfigException("--dialect: unknown dialect '" + value.trim() + "' (known: "
                        + Arrays.stream(values()).map(Dialect::key).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public String toString() {
        return key();
    }
}

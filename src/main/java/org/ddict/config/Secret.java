package org.ddict.config;

/** A credential: its {@link #toString()} is masked, so it cannot leak into a log line or a report by accident. */
public record Secret(String value) {

    public Secret {
        Redaction.register(value);
    }

    public static final String MASK = "****";

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}

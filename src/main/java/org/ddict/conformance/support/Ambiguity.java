package org.ddict.conformance.support;

import org.ddict.catalogue.Divergence;

/** What the server did at one of hawkBit's known divergences from the published table, and which reading that follows. */
public record Ambiguity(Divergence divergence, Divergence.Reading followed, String observed) {

    /** Report-entry key prefix under which observations travel from a check to the result collector. */
    public static final String ENTRY_PREFIX = "ddict.ambiguity.";

    /** The report-entry value: {@code READING|observed}. */
    String entryValue() {
        return followed.name() + "|" + observed;
    }

    /** Parses a report entry published by {@link CheckContext#divergence}. */
    public static java.util.Optional<Ambiguity> fromEntry(String key, String value) {
        if (!key.startsWith(ENTRY_PREFIX) || value == null || !value.contains("|")) {
            return java.util.Optional.empty();
        }
        int bar = value.indexOf('|');
        return Divergence.byId(key.substring(ENTRY_PREFIX.length())).map(d -> new Ambiguity(d,
                Divergence.Reading.valueOf(value.substring(0, bar)), value.substring(bar + 1)));
    }
}

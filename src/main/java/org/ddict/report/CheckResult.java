package org.ddict.report;

import java.util.List;
import java.util.Set;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Ambiguity;
import org.ddict.conformance.support.Warning;

/**
 * The outcome of one check: which requirements it names, which it found broken ({@code charged}), why it failed or
 * was skipped, and the warnings it raised, and what the server did at known divergences from the published table.
 */
public record CheckResult(String name, String displayName, Area area, List<Req> requirements, Outcome outcome,
        Set<Req> charged, String reason, List<Warning> warnings, long millis, List<Ambiguity> ambiguities) {

    /** A check that met none of hawkBit's known divergences. */
    public CheckResult(String name, String displayName, Area area, List<Req> requirements, Outcome outcome, Set<Req> charged,
            String reason, List<Warning> warnings, long millis) {
        this(name, displayName, area, requirements, outcome, charged, reason, warnings, millis, List.of());
    }

    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }
}

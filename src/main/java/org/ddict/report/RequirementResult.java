package org.ddict.report;

import java.util.List;

import org.ddict.catalogue.Req;

/** The verdict on one catalogue requirement, derived from the checks that name it or found it broken. */
public record RequirementResult(Req requirement, Status status, List<String> checks, String reason) {

    public enum Status {
        PASS, FAIL, WARN, SKIP,
        /** Broken, but the server holds an unexpired waiver for it: reported, and does not make it non-conformant. */
        WAIVED
    }
}

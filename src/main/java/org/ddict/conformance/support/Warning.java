package org.ddict.conformance.support;

import org.ddict.catalogue.Req;

/** A SHOULD-level deviation or a known hawkBit divergence: reported as WARN, never as a failure. */
public record Warning(Req requirement, String message) {

    /** Report-entry key prefix under which warnings travel from a check to the result collector. */
    public static final String ENTRY_PREFIX = "ddict.warn.";
}

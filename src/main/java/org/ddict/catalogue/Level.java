package org.ddict.catalogue;

/** RFC 2119 level of a requirement: only a failed MUST makes a server non-conformant. */
public enum Level {
    MUST, SHOULD, MAY
}

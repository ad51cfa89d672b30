package org.ddict.catalogue;

/** Release priority of a requirement (catalogue §3). */
public enum Priority {
    P0, P1, P2
}

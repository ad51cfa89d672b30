package org.ddict.catalogue;

/**
 * Requirement areas: the catalogue's, in its order, then the suite's own (requirements the suite adds beyond the
 * catalogue, IDs {@code SUITE-…}): {@link #CLIENT} (what real device clients depend on) and {@link #SECURITY}.
 */
public enum Area {
    BASE, SCHEMA, DEPLOY, STATE, CANCEL, HISTORY, CTRLID, AUTH, DOWNLOAD, CONFIG, INSTALLED, CONFIRM, ERROR,
    /** Client-compatibility lint: each requirement names the device client it protects; SHOULD, so a failure warns. */
    CLIENT,
    /** Security checks of the server beyond the catalogue's AUTH and CTRLID areas. */
    SECURITY;

    /** {@code true} for the areas of {@code REQUIREMENTS.md}; {@code false} for the suite's own. */
    public boolean catalogue() {
        return this != CLIENT && this != SECURITY;
    }
}

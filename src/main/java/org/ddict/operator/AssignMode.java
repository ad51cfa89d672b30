package org.ddict.operator;

/** How an update is assigned (hawkBit's action types). */
public enum AssignMode {
    SOFT("soft"), FORCED("forced"), DOWNLOAD_ONLY("downloadonly"), TIME_FORCED("timeforced");

    private final String hawkbitType;

    AssignMode(String hawkbitType) {
        this.hawkbitType = hawkbitType;
    }

    public String hawkbitType() {
        return hawkbitType;
    }
}

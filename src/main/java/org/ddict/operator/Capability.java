package org.ddict.operator;

/**
 * Back-office steps beyond the basics that an operator may or may not be able to take (catalogue "operator
 * capability"). A check that needs one the operator lacks is skipped with the reason.
 */
public enum Capability {
    /** Change and restore tenant-wide settings ({@link TenantSetting}): polling time, auth schemes, consent flow. */
    TENANT_SETTINGS,
    /** Read the back office's state word of a controller ({@code registered}, {@code in_sync}, …). */
    TARGET_STATE,
    /** Ask a controller for its attributes again (R-REQ-ATTR) and read them back (R-ATTR-READ). */
    REQUEST_ATTRIBUTES,
    /** Record a set as installed without device work (R-ASSIGN-OFFLINE). */
    OFFLINE_ASSIGN,
    /** Switch an open soft action to forced (R-FORCE-SWITCH). */
    FORCE_SWITCH,
    /** Confirm or deny an action and switch auto-confirmation on the controller's behalf (R-CONFIRM-MGMT). */
    CONSENT,
    /** Target-visible software-module metadata (R-SM-META). */
    MODULE_METADATA,
    /** A distribution set marked as a required migration step, so that two actions stay open (R-TWO-ACTIVE). */
    MIGRATION_STEP
}

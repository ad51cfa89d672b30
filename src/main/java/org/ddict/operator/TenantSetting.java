package org.ddict.operator;

/**
 * Tenant-wide settings some checks must change (catalogue §4.2). A check that changes one runs in isolation
 * ({@code @Isolated}) and restores the previous value.
 */
public enum TenantSetting {
    /** {@code HH:mm:ss}; hawkBit key {@code pollingTime}. */
    POLLING_TIME("pollingTime"),
    /** {@code true|false}; hawkBit key {@code authentication.targettoken.enabled}. */
    TARGET_TOKEN_AUTH("authentication.targettoken.enabled"),
    /** {@code true|false}; hawkBit key {@code authentication.gatewaytoken.enabled}. */
    GATEWAY_TOKEN_AUTH("authentication.gatewaytoken.enabled"),
    /** {@code true|false}; hawkBit key {@code authentication.header.enabled}. */
    CERTIFICATE_HEADER_AUTH("authentication.header.enabled"),
    /** The trusted authority hash(es); hawkBit key {@code authentication.header.authority}. */
    CERTIFICATE_AUTHORITY("authentication.header.authority"),
    /** {@code true|false}; hawkBit key {@code user.confirmation.flow.enabled}. */
    CONSENT_FLOW("user.confirmation.flow.enabled");

    private final String hawkbitKey;

    TenantSetting(String hawkbitKey) {
        this.hawkbitKey = hawkbitKey;
    }

    public String hawkbitKey() {
        return hawkbitKey;
    }
}

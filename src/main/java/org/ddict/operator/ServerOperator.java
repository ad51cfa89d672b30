package org.ddict.operator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ddict.catalogue.Feature;
import org.ddict.config.Secret;

/**
 * The only way the suite touches the server's back office: it arranges the state a check needs and reads back
 * what the server recorded. One instance serves one run; {@link #close()} deletes exactly what the instance created.
 * A step the operator cannot take throws {@link OperatorException}; the check that needed it is skipped, not failed.
 */
public interface ServerOperator extends AutoCloseable {

    String name();

    /** Verifies that the back office is reachable and accepts the credentials, and that devices can authenticate. */
    void preflight();

    /** The optional features (catalogue §0.1) the server offers and this operator can arrange. */
    Set<Feature> features();

    /** The tenant-wide gateway token, when the server has one enabled and the operator may read it. */
    Optional<Secret> gatewayToken();

    /** R-TARGET: creates a controller with a fresh target token. */
    ControllerRegistration registerController(String controllerId);

    /** Takes responsibility for a controller the server registered itself (plug-and-play), so cleanup removes it. */
    void adopt(String controllerId);

    /** R-TARGET-READ: the controller as the back office knows it, or empty when it does not. */
    Optional<ControllerInfo> controller(String controllerId);

    /** R-SM, R-ARTIFACT, R-DS: software modules with artifacts, bundled into a new distribution set. */
    SoftwareSet createSoftware(SoftwareSpec spec);

    /** Back-office steps beyond the basics that this operator can take. */
    Set<Capability> capabilities();

    /** R-ASSIGN: assigns the set to the controller; returns the new action id. */
    default long assign(String controllerId, SoftwareSet set, AssignMode mode) {
        return assign(controllerId, set, Assignment.of(mode));
    }

    /** R-ASSIGN with all options (force time, maintenance window, consent, weight); returns the new action id. */
    long assign(String controllerId, SoftwareSet set, Assignment assignment);

    /** R-ASSIGN-OFFLINE: records {@code set} as installed on the controller without device work ({@link Capability#OFFLINE_ASSIGN}). */
    void assignOffline(String controllerId, SoftwareSet set);

    /** R-FORCE-SWITCH: an open soft action becomes forced ({@link Capability#FORCE_SWITCH}). */
    void switchToForced(String controllerId, long actionId);

    /** R-REQ-ATTR: the server asks the controller for its attributes again ({@link Capability#REQUEST_ATTRIBUTES}). */
    void requestAttributes(String controllerId);

    /** R-ATTR-READ: the controller's attributes as stored (empty when none). */
    java.util.Map<String, String> attributes(String controllerId);

    /** R-CONFIRM-MGMT: the operator confirms or denies an action awaiting consent ({@link Capability#CONSENT}). */
    void confirm(String controllerId, long actionId, boolean confirmed);

    /** R-AUTOCONF-MGMT: switches auto-confirmation of the controller on or off ({@link Capability#CONSENT}). */
    void setAutoConfirm(String controllerId, boolean active);

    /** The current value of a tenant setting ({@link Capability#TENANT_SETTINGS}). */
    String tenantSetting(TenantSetting setting);

    /** Changes a tenant setting; the caller restores it (with {@link #tenantSetting} read before). */
    void setTenantSetting(TenantSetting setting, String value);

    /** R-CANCEL, or R-CANCEL followed by R-FORCE-CANCEL when {@code force}. Refusals are answers, not errors. */
    CancelOutcome cancel(String controllerId, long actionId, boolean force);

    /** R-ACTION: whether the action is open, and the server's own status words for it. */
    ActionState action(String controllerId, long actionId);

    /** R-STATUS: the action's status history, newest first. */
    List<StatusEntry> statusHistory(String controllerId, long actionId);

    /** Deletes everything this operator created, best effort; never throws. */
    @Override
    void close();
}

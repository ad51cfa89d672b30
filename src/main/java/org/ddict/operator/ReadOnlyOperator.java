package org.ddict.operator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ddict.catalogue.Feature;
import org.ddict.config.Secret;

/**
 * The operator of a read-only run ({@code --read-only}): reads (preflight, features, the gateway token, controllers,
 * actions, status histories, attributes, tenant settings) go to the wrapped operator; every step that would change the
 * server's data throws {@link ReadOnlyException}, so the check that needs it is skipped. Taking responsibility for a
 * plug-and-play controller ({@link #adopt}) is refused too: the device's first poll would create a target.
 */
public final class ReadOnlyOperator implements ServerOperator {

    private final ServerOperator delegate;

    public ReadOnlyOperator(ServerOperator delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void preflight() {
        delegate.preflight();
    }

    @Override
    public Set<Feature> features() {
        return delegate.features();
    }

    @Override
    public Optional<Secret> gatewayToken() {
        return delegate.gatewayToken();
    }

    @Override
    public ControllerRegistration registerController(String controllerId) {
        throw ReadOnlyException.step("R-TARGET (creating a controller)");
    }

    @Override
    public void adopt(String controllerId) {
        throw new ReadOnlyException("read-only run: needs a plug-and-play registration (the device's first poll creates"
                + " a target on the server)");
    }

    @Override
    public Optional<ControllerInfo> controller(String controllerId) {
        return delegate.controller(controllerId);
    }

    @Override
    public SoftwareSet createSoftware(SoftwareSpec spec) {
        throw ReadOnlyException.step("R-SM/R-ARTIFACT/R-DS (creating software)");
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public long assign(String controllerId, SoftwareSet set, Assignment assignment) {
        throw ReadOnlyException.step("R-ASSIGN (assigning a distribution set)");
    }

    @Override
    public void assignOffline(String controllerId, SoftwareSet set) {
        throw ReadOnlyException.step("R-ASSIGN-OFFLINE (an offline assignment)");
    }

    @Override
    public void switchToForced(String controllerId, long actionId) {
        throw ReadOnlyException.step("R-FORCE-SWITCH (switching an action to forced)");
    }

    @Override
    public void requestAttributes(String controllerId) {
        throw ReadOnlyException.step("R-REQ-ATTR (requesting attributes)");
    }

    @Override
    public Map<String, String> attributes(String controllerId) {
        return delegate.attributes(controllerId);
    }

    @Override
    public void confirm(String controllerId, long actionId, boolean confirmed) {
        throw ReadOnlyException.step("R-CONFIRM-MGMT (confirming an action)");
    }

    @Override
    public void setAutoConfirm(String controllerId, boolean active) {
        throw ReadOnlyException.step("R-AUTOCONF-MGMT (switching auto-confirmation)");
    }

    @Override
    public String tenantSetting(TenantSetting setting) {
        return delegate.tenantSetting(setting);
    }

    @Override
    public void setTenantSetting(TenantSetting setting, String value) {
        throw ReadOnlyException.step("R-CFG " + setting.hawkbitKey() + " (changing a tenant setting)");
    }

    @Override
    public CancelOutcome cancel(String controllerId, long actionId, boolean force) {
        throw ReadOnlyException.step((force ? "R-FORCE-CANCEL" : "R-CANCEL") + " (cancelling an action)");
    }

    @Override
    public ActionState action(String controllerId, long actionId) {
        return delegate.action(controllerId, actionId);
    }

    @Override
    public List<StatusEntry> statusHistory(String controllerId, long actionId) {
        return delegate.statusHistory(controllerId, actionId);
    }

    /** A read-only run created nothing, so there is nothing to delete. */
    @Override
    public void close() {
        delegate.close();
    }
}

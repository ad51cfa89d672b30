package org.ddict.conformance;

import static org.ddict.catalogue.Req.DDI_BASE_10;

import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.ddi.ControllerBase;
import org.ddict.operator.Capability;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.TenantSetting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The polling sleep of the controller base {@code GET {ddi}/{tenant}/controller/v1/{controllerId}} under a tenant-wide interval. */
@DdiChecks
@Isolated
@DisplayName("BASE — polling interval set by the back office")
class PollingIntervalChecks {

    @Test
    @Requirement(DDI_BASE_10)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void reportsTheConfiguredPollingInterval(Device device) {
        CheckContext check = device.check();
        ServerOperator operator = check.run().operator();
        String previous = operator.tenantSetting(TenantSetting.POLLING_TIME);
        String wanted = previous.equals("00:02:00") ? "00:03:00" : "00:02:00";
        try {
            operator.setTenantSetting(TenantSetting.POLLING_TIME, wanted);
            ControllerBase poll = device.poll();
            check.require(DDI_BASE_10, poll.sleep().equals(wanted), "config.polling.sleep \"" + wanted + "\" (the tenant's interval)",
                    poll::sleep, poll.exchange());
        } finally {
            operator.setTenantSetting(TenantSetting.POLLING_TIME, previous);
        }
    }
}

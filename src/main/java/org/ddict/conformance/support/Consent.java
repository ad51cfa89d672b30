package org.ddict.conformance.support;

import org.ddict.operator.AssignMode;
import org.ddict.operator.Assignment;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.TenantSetting;

/** Arranging the consent flow: the tenant-wide switch (R-CFG-CONFIRM) and assignments that require consent. */
public final class Consent {

    private Consent() {
    }

    /** R-ASSIGN of a new standard set with {@code confirmationRequired} sent explicitly; nothing is polled. */
    public static Action assign(Device device, AssignMode mode, boolean confirmationRequired) {
        ServerOperator operator = device.check().run().operator();
        SoftwareSet set = operator.createSoftware(Software.standard(device));
        long id = operator.assign(device.controllerId(), set, Assignment.of(mode).withConfirmationRequired(confirmationRequired));
        return new Action(device, id, set);
    }

    /** Runs {@code body} with the consent flow switched {@code on}, then restores the previous value. */
    public static void withFlow(CheckContext check, boolean on, Runnable body) {
        ServerOperator operator = check.run().operator();
        String before = operator.tenantSetting(TenantSetting.CONSENT_FLOW);
        boolean wasOn = Boolean.parseBoolean(before.trim());
        if (wasOn == on) {
            body.run();
            return;
        }
        operator.setTenantSetting(TenantSetting.CONSENT_FLOW, Boolean.toString(on));
        try {
            body.run();
        } finally {
            operator.setTenantSetting(TenantSetting.CONSENT_FLOW, Boolean.toString(wasOn));
        }
    }
}

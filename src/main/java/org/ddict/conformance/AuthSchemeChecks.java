package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.HttpCall;
import org.ddict.operator.Capability;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.TenantSetting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Tenant-wide authentication schemes switched off and on for {@code {ddi}/{tenant}/controller/v1/{controllerId}} (§1.4). */
@DdiChecks
@Isolated
@DisplayName("AUTH — authentication schemes switched by the operator")
class AuthSchemeChecks {

    @Test
    @Requirement(DDI_AUTH_04)
    @RequiresFeature(Feature.TOKEN)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void rejectsValidTargetTokensWhileTheSchemeIsSwitchedOff(Device device) {
        CheckContext check = device.check();
        ServerOperator operator = check.run().operator();
        device.poll();
        Device sameToken = device.withAuthorization(device.authorization());
        String before = operator.tenantSetting(TenantSetting.TARGET_TOKEN_AUTH);
        Exchange e;
        try {
            operator.setTenantSetting(TenantSetting.TARGET_TOKEN_AUTH, "false");
            e = sameToken.send(sameToken.call("GET", ""));
        } finally {
            operator.setTenantSetting(TenantSetting.TARGET_TOKEN_AUTH, before);
        }
        check.refused(DDI_AUTH_04, e, "no 5xx", s -> true, null);
        check.should(DDI_AUTH_04, e.status() == 401 || e.status() == 403,
                "HTTP 401 for a correct target token while target-token authentication is off", () -> "HTTP " + e.status(), e);
        device.poll();
    }

    @Test
    @Requirement(DDI_AUTH_07)
    @RequiresFeature(Feature.CERTHDR)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void mayAuthenticateCertificateHeadersOfATrustedProxy(Device device) {
        CheckContext check = device.check();
        ServerOperator operator = check.run().operator();
        String enabledBefore = operator.tenantSetting(TenantSetting.CERTIFICATE_HEADER_AUTH);
        String authorityBefore = operator.tenantSetting(TenantSetting.CERTIFICATE_AUTHORITY);
        String authority = "ddict-ca-" + RunPrefix.random(12).toLowerCase(java.util.Locale.ROOT);
        Device proxied = device.withAuthorization(null);
        String id = device.controllerId();
        Exchange trusted;
        Exchange otherController;
        Exchange unknownAuthority;
        try {
            operator.setTenantSetting(TenantSetting.CERTIFICATE_AUTHORITY, authority);
            operator.setTenantSetting(TenantSetting.CERTIFICATE_HEADER_AUTH, "true");
            trusted = proxied.send(headers(proxied, id, authority));
            otherController = proxied.send(headers(proxied, id + "-other", authority));
            unknownAuthority = proxied.send(headers(proxied, id, "ddict-unknown-" + RunPrefix.random(8)));
        } finally {
            operator.setTenantSetting(TenantSetting.CERTIFICATE_HEADER_AUTH, enabledBefore);
            operator.setTenantSetting(TenantSetting.CERTIFICATE_AUTHORITY, authorityBefore);
        }
        check.refused(DDI_AUTH_07, trusted, "no 5xx", s -> true, null);
        check.should(DDI_AUTH_07, trusted.status() == 200, "HTTP 200 for X-Controller-Id " + id + " and a trusted X-Authority",
                () -> "HTTP " + trusted.status(), trusted);
        rejected(check, DDI_AUTH_07, otherController, "X-Controller-Id that is not the path controllerId");
        rejected(check, DDI_AUTH_07, unknownAuthority, "an X-Authority that is not configured");
    }

    private static HttpCall headers(Device device, String controllerId, String authority) {
        return device.call("GET", "").header("X-Controller-Id", controllerId).header("X-Authority", authority);
    }

    private static void rejected(CheckContext check, Req req, Exchange e, String what) {
        check.refused(req, e, "no 5xx", s -> true, null);
        check.should(req, e.status() == 401 || e.status() == 403, "HTTP 401 for " + what, () -> "HTTP " + e.status(), e);
    }
}

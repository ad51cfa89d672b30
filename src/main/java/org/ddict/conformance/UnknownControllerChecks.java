package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * {@code {ddi}/{tenant}/controller/v1/{controllerId}/**} of a controller nobody registered, without valid credentials:
 * refused with 401 before the server tells whether the controller exists (§1.4). These checks change nothing on a
 * conforming server, so they also run in a read-only run.
 */
@DdiChecks
@DisplayName("AUTH — a controller the server does not know")
class UnknownControllerChecks {

    @Test
    @Requirement(DDI_AUTH_01)
    void rejectsRequestsWithoutCredentialsForAnUnknownController(CheckContext check) {
        if (check.run().offers(Feature.ANON)) {
            throw new TestAbortedException("the server declares Opt:ANON (anonymous device access): DDI-AUTH-01 does not apply");
        }
        Device anonymous = Device.unknown(check, check.run().newControllerId(), null);
        for (HttpCall call : probes(anonymous)) {
            rejected(anonymous, DDI_AUTH_01, call);
        }
    }

    @Test
    @Requirement(DDI_AUTH_03)
    @RequiresFeature(Feature.TOKEN)
    void rejectsATargetTokenForAnUnknownController(CheckContext check) {
        Device stranger = Device.unknown(check, check.run().newControllerId(), "TargetToken " + RunPrefix.random(32));
        for (HttpCall call : probes(stranger)) {
            rejected(stranger, DDI_AUTH_03, call);
        }
    }

    /** Sub-resources only: a poll authenticated by a broken server would register the controller (plug-and-play). */
    @Test
    @Requirement(DDI_AUTH_06)
    @RequiresFeature(Feature.GWTOKEN)
    void rejectsAWrongGatewayTokenForAnUnknownController(CheckContext check) {
        Device stranger = Device.unknown(check, check.run().newControllerId(), "GatewayToken " + RunPrefix.random(32));
        for (HttpCall call : probes(stranger).subList(1, 3)) {
            rejected(stranger, DDI_AUTH_06, call);
        }
    }

    @Test
    @Requirement(DDI_AUTH_09)
    void rejectsUnknownSchemesForAnUnknownController(CheckContext check) {
        String operator = check.run().config().mgmtUser() + ":" + check.run().config().mgmtPassword().reveal();
        Secret basic = new Secret(Base64.getEncoder().encodeToString(operator.getBytes(StandardCharsets.UTF_8)));
        for (String authorization : List.of("Basic " + basic.reveal(), "Bearer " + RunPrefix.random(32))) {
            Device other = Device.unknown(check, check.run().newControllerId(), authorization);
            Exchange e = other.send(other.call("GET", ""));
            check.refused(DDI_AUTH_09, e, "no 5xx", s -> true, null);
            check.should(DDI_AUTH_09, e.status() == 401 || e.status() == 403,
                    "HTTP 401: " + authorization.substring(0, authorization.indexOf(' ')) + " does not authenticate a device"
                            + " (controller " + other.controllerId() + " unknown)", () -> "HTTP " + e.status(), e);
        }
    }

    /** The poll, an action, its feedback, the attributes and an artifact list: what a device would reach. */
    private static List<HttpCall> probes(Device device) {
        return List.of(device.call("GET", ""), device.call("GET", "/deploymentBase/1"),
                device.call("POST", "/deploymentBase/1/feedback").body("application/json", Feedback.of(CLOSED, SUCCESS).json()),
                device.call("PUT", "/configData").body("application/json", "{\"data\":{\"ddict-attribute\":\"x\"}}"),
                device.call("GET", "/softwaremodules/1/artifacts"),
                device.call("GET", "/softwaremodules/1/artifacts/ddict.bin").header("Accept", "*/*"));
    }

    /** 401 (403 accepted) — never 2xx, 404 or 5xx. */
    private static void rejected(Device device, Req req, HttpCall call) {
        Exchange e = device.send(call);
        device.check().refused(req, e, "HTTP 401 (403 accepted; never 2xx, 404 or 5xx) for controller " + device.controllerId()
                + ", which the server does not know", s -> s == 401 || s == 403, 401);
    }
}

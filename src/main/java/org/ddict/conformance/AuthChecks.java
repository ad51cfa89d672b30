package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.*;
import static org.ddict.ddi.Feedback.Finished.*;
import static org.ddict.operator.AssignMode.SOFT;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.conformance.support.ConformanceFailure;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import tools.jackson.databind.JsonNode;

/** Device authentication on {@code {ddi}/{tenant}/controller/v1/{controllerId}/**}, artifact downloads included (§1.4). */
@DdiChecks
@DisplayName("AUTH — device authentication")
class AuthChecks {

    @Test
    @Requirement(DDI_AUTH_01)
    void rejectsEveryRequestWithoutCredentials(Device device) {
        CheckContext check = device.check();
        if (check.run().offers(Feature.ANON)) {
            throw new TestAbortedException("the server declares Opt:ANON (anonymous device access): DDI-AUTH-01 does not apply");
        }
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        JsonNode links = deployment.path("deployment").path("chunks").path(0).path("artifacts").path(0).path("_links");
        Link download = link(links, "download", "download-http")
                .orElseThrow(() -> check.fail(DDI_DEPLOY_09, "an artifact with a download or download-http link",
                        "_links " + links, null));
        Optional<Link> md5sum = link(links, "md5sum", "md5sum-http");

        Device anonymous = device.withAuthorization(null);
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        rejected(anonymous, DDI_AUTH_01, anonymous.call("GET", ""));
        rejected(anonymous, DDI_AUTH_01, anonymous.call("GET", "/deploymentBase/" + action.id()));
        rejected(anonymous, DDI_AUTH_01, anonymous.call("POST", "/deploymentBase/" + action.id() + "/feedback")
                .body("application/json", close.json()));
        rejected(anonymous, DDI_AUTH_01, anonymous.call("PUT", "/configData")
                .body("application/json", "{\"data\":{\"ddict-attribute\":\"" + close.marker() + "\"}}"));
        rejected(anonymous, DDI_AUTH_01, anonymous.follow("GET", download).header("Accept", "*/*"));
        md5sum.ifPresent(l -> rejected(anonymous, DDI_AUTH_01, anonymous.follow("GET", l).header("Accept", "*/*")));

        check.require(DDI_AUTH_01, !action.hasEntryFor(close), "nothing recorded for the unauthenticated feedback",
                () -> "an entry carries its marker " + close.marker(), null);
        action.expectOpen(DDI_AUTH_01);
    }

    @Test
    @Requirement(DDI_AUTH_02)
    @RequiresFeature(Feature.TOKEN)
    void acceptsTheControllersOwnTargetToken(Device device) {
        // Device answers 401/403 to its own target token as a DDI-AUTH-02 failure; other statuses go to their requirements.
        device.poll();
        Action action = device.openAction(SOFT);
        device.deployment(action.id());
        device.sendFeedback(action, Feedback.of(PROCEEDING, NONE));
    }

    @Test
    @Requirement(DDI_AUTH_03)
    @RequiresFeature(Feature.TOKEN)
    void rejectsATargetTokenThatIsNotTheControllers(Device device) {
        Action action = device.openAction(SOFT);
        Device stranger = device.withAuthorization("TargetToken " + RunPrefix.random(32));
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        rejected(stranger, DDI_AUTH_03, stranger.call("GET", ""));
        rejected(stranger, DDI_AUTH_03, stranger.call("GET", "/deploymentBase/" + action.id()));
        rejected(stranger, DDI_AUTH_03, stranger.call("POST", "/deploymentBase/" + action.id() + "/feedback")
                .body("application/json", close.json()));
        device.check().require(DDI_AUTH_03, !action.hasEntryFor(close), "nothing recorded for the refused feedback",
                () -> "an entry carries its marker " + close.marker(), null);
        action.expectOpen(DDI_AUTH_03);
    }

    @Test
    @Requirement(DDI_AUTH_05)
    @RequiresFeature(Feature.GWTOKEN)
    void theGatewayTokenActsForAnyController(CheckContext check) {
        Secret gateway = check.run().gatewayToken().orElseThrow();
        for (Device device : List.of(check.newDevice(), check.newDevice())) {
            Device viaGateway = device.withAuthorization("GatewayToken " + gateway.reveal());
            Exchange e = viaGateway.send(viaGateway.call("GET", ""));
            // judged on authentication alone: what the poll answers beyond that belongs to the BASE checks
            check.require(DDI_AUTH_05, e.is2xx(), "the gateway token accepted for " + device.controllerId() + " (2xx)",
                    e::describe, e);
        }
        if (check.run().offers(Feature.PNP)) {
            // an unknown id is accepted by registering it: that part is plug-and-play's (DDI-CTRLID-01)
            String id = check.run().newControllerId();
            check.run().operator().adopt(id);
            Device.unregistered(check, id, gateway).poll(DDI_CTRLID_01);
        }
    }

    @Test
    @Requirement(DDI_AUTH_06)
    @RequiresFeature(Feature.GWTOKEN)
    void rejectsAGatewayTokenThatIsNotTheTenantKey(Device device) {
        Action action = device.openAction(SOFT);
        Device stranger = device.withAuthorization("GatewayToken " + RunPrefix.random(32));
        rejected(stranger, DDI_AUTH_06, stranger.call("GET", ""));
        rejected(stranger, DDI_AUTH_06, stranger.call("GET", "/deploymentBase/" + action.id()));
        action.expectOpen(DDI_AUTH_06);
    }

    @Test
    @Requirement(DDI_AUTH_08)
    @RequiresFeature(Feature.ANON)
    void mayServeDevicesWithoutCredentials(Device device) {
        Device anonymous = device.withAuthorization(null);
        Exchange e = anonymous.send(anonymous.call("GET", ""));
        CheckContext check = device.check();
        check.refused(DDI_AUTH_08, e, "no 5xx", s -> true, null);
        check.should(DDI_AUTH_08, e.status() == 200, "HTTP 200 for an unauthenticated poll (Opt:ANON declared)", e::describe, e);
    }

    @Test
    @Requirement(DDI_AUTH_09)
    void rejectsUnknownAuthorizationSchemes(Device device) {
        CheckContext check = device.check();
        String token = device.authorization().substring(device.authorization().indexOf(' ') + 1);
        String operator = check.run().config().mgmtUser() + ":" + check.run().config().mgmtPassword().reveal();
        Secret basic = new Secret(Base64.getEncoder().encodeToString(operator.getBytes(StandardCharsets.UTF_8)));
        for (String authorization : List.of("Basic " + basic.reveal(), "Bearer " + token)) {
            Device other = device.withAuthorization(authorization);
            Exchange e = other.send(other.call("GET", ""));
            check.refused(DDI_AUTH_09, e, "no 5xx", s -> true, null);
            check.should(DDI_AUTH_09, e.status() == 401 || e.status() == 403,
                    "HTTP 401: " + authorization.substring(0, authorization.indexOf(' ')) + " does not authenticate a device",
                    () -> "HTTP " + e.status(), e);
        }
        // RFC 9110 scheme names are case-insensitive, hawkBit's are not (§5 Q-12): INFO only
        Device lowerCase = device.withAuthorization("targettoken " + token);
        Exchange e = lowerCase.send(lowerCase.call("GET", ""));
        check.refused(DDI_AUTH_09, e, "no 5xx", s -> true, null);
    }

    @Test
    @Requirement(DDI_AUTH_10)
    @RequiresFeature(Feature.TOKEN)
    void aTargetTokenDoesNotOpenItsControllerUnderAnotherTenant(Device device) {
        CheckContext check = device.check();
        String tenant = "OTHER-" + RunPrefix.random(8);
        if (tenant.equalsIgnoreCase(device.tenant())) {
            throw new ConformanceFailure(DDI_AUTH_10, "a tenant name other than " + device.tenant(), tenant, null);
        }
        URI url = URI.create(check.run().config().ddiUrl() + "/" + tenant + "/controller/v1/" + device.controllerId());
        Exchange e = device.send(HttpCall.of("GET", url).header("Accept", "application/hal+json")
                .header("Authorization", device.authorization()));
        check.refused(DDI_AUTH_10, e, "no 5xx", s -> true, null);
        check.should(DDI_AUTH_10, e.is4xx(), "a 4xx status: the token belongs to tenant " + device.tenant(),
                () -> "HTTP " + e.status(), e);
        if (e.is4xx()) {
            check.should(DDI_AUTH_10, e.status() == 401, "HTTP 401", () -> "HTTP " + e.status(), e);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** 401 (403 accepted) — never 2xx, 404 or 5xx. */
    private static void rejected(Device device, Req req, HttpCall call) {
        Exchange e = device.send(call);
        device.check().refused(req, e, "HTTP 401 (403 accepted; never 2xx, 404 or 5xx)", s -> s == 401 || s == 403, 401);
    }

    /** The first of {@code rels} that the artifact's {@code _links} carry. */
    private static Optional<Link> link(JsonNode links, String... rels) {
        for (String rel : rels) {
            JsonNode href = links.path(rel).path("href");
            if (href.isString()) {
                return Optional.of(new Link(rel, href.asString()));
            }
        }
        return Optional.empty();
    }
}

package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.SOFT;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.TransportException;
import org.ddict.operator.ActionState;
import org.ddict.operator.SoftwareSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Hostile requests on {@code {ddi}/{tenant}/controller/v1/{controllerId}/**}: foreign tokens, traversal, size, query credentials. */
@DdiChecks
@DisplayName("SECURITY — isolation and hostile requests")
class SecurityChecks {

    private static final String JSON = "application/json";

    @Test
    @Requirement(SUITE_SEC_01)
    @RequiresFeature(Feature.TOKEN)
    void anotherControllersTokenOpensNoneOfItsResources(CheckContext check) {
        Device a = check.newDevice();
        Device b = check.newDevice();
        Action installed = a.openAction(SOFT);
        StateChecks.closeSuccessfully(a, installed);
        Action open = a.openAction(SOFT);
        String marker = "ddict-sec-" + RunPrefix.random(8);
        SoftwareSet.Module module = open.software().module("os");
        String artifacts = "/softwaremodules/" + module.id() + "/artifacts";
        String file = artifacts + "/" + module.artifacts().get(0).filename();

        Device bOnA = a.withAuthorization(b.authorization());
        Feedback progress = Feedback.of(PROCEEDING, NONE);
        List<HttpCall> calls = List.of(bOnA.call("GET", ""),
                bOnA.call("GET", "/deploymentBase/" + open.id()),
                bOnA.call("POST", "/deploymentBase/" + open.id() + "/feedback").body(JSON, progress.json()),
                bOnA.call("GET", "/installedBase/" + installed.id()),
                bOnA.call("PUT", "/installedBase").body(JSON, "{\"name\":\"" + open.software().name() + "\",\"version\":\""
                        + open.software().version() + "\"}"),
                bOnA.call("PUT", "/configData").body(JSON, "{\"data\":{\"ddict-sec\":\"" + marker + "\"}}"),
                bOnA.call("GET", artifacts),
                bOnA.call("GET", file).header("Accept", "*/*"),
                bOnA.call("GET", file + ".MD5SUM").header("Accept", "*/*"),
                bOnA.call("GET", "/confirmationBase"),
                bOnA.call("GET", "/confirmationBase/" + open.id()),
                bOnA.call("POST", "/confirmationBase/activateAutoConfirm")
                        .body(JSON, "{\"initiator\":\"ddict\",\"remark\":\"" + marker + "\"}"));
        calls.forEach(call -> refusedForeignToken(bOnA, call, b));

        open.requestCancel();
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        refusedForeignToken(bOnA, bOnA.call("GET", "/cancelAction/" + open.id()), b);
        refusedForeignToken(bOnA, bOnA.call("POST", "/cancelAction/" + open.id() + "/feedback").body(JSON, close.json()), b);

        check.require(SUITE_SEC_01, !open.hasEntryFor(progress) && !open.hasEntryFor(close),
                "nothing recorded on action " + open.id() + " of " + a.controllerId() + " for the feedback sent with "
                        + b.controllerId() + "'s token", () -> open.history().toString(), null);
        ActionState state = open.state();
        check.require(SUITE_SEC_01, state.active(), "action " + open.id() + " still open (being cancelled)", state::toString, null);
        Map<String, String> attributes = check.run().operator().attributes(a.controllerId());
        check.require(SUITE_SEC_01, !attributes.containsValue(marker), "the attributes of " + a.controllerId()
                + " unchanged by the configData sent with another controller's token", attributes::toString, null);
        if (check.run().offers(Feature.CONFIRM)) {
            Exchange e = a.send(a.call("GET", "/confirmationBase"));
            boolean active = e.status() == 200 && e.jsonIfParsable().map(j -> j.path("autoConfirm").path("active").asBoolean(false))
                    .orElse(false);
            check.require(SUITE_SEC_01, !active, "auto-confirmation of " + a.controllerId()
                    + " not activated by another controller's token", e::describe, e);
        }
    }

    @Test
    @Requirement(SUITE_SEC_02)
    void pathTraversalAndEncodedSeparatorsReachNothing(CheckContext check) {
        Device a = check.newDevice();
        Device b = check.newDevice();
        Action own = a.openAction(SOFT);
        Action foreign = b.openAction(SOFT);
        String idA = a.controllerId();
        String idB = b.controllerId();
        long moduleA = own.software().module("os").id();
        SoftwareSet.Module moduleB = foreign.software().module("os");
        String fileB = moduleB.artifacts().get(0).filename();
        String root = check.run().config().ddiUrl() + "/" + a.tenant() + "/controller/v1/";

        for (String id : List.of(idA + "/../" + idB, idA + "/%2e%2e/" + idB, idA + "%2F..%2F" + idB, idA + "%5C..%5C" + idB,
                idB + ";" + idA, "%2e%2e", "..%2F" + idB)) {
            reachesNothing(a, root + id);
            reachesNothing(a, root + id + "/deploymentBase/" + foreign.id());
        }
        String artifacts = root + idA + "/softwaremodules/" + moduleA + "/artifacts/";
        String up4 = "%2e%2e%2F%2e%2e%2F%2e%2e%2F%2e%2e%2F";
        for (String name : List.of("../../" + moduleB.id() + "/artifacts/" + fileB,
                "..%2F..%2F" + moduleB.id() + "%2Fartifacts%2F" + fileB,
                up4 + idB + "%2Fsoftwaremodules%2F" + moduleB.id() + "%2Fartifacts%2F" + fileB,
                "..%5C..%5C..%5C..%5C" + idB + "%5Csoftwaremodules%5C" + moduleB.id() + "%5Cartifacts%5C" + fileB,
                "..;/..;/..;/..;/" + idB + "/softwaremodules/" + moduleB.id() + "/artifacts/" + fileB,
                "..%2F".repeat(10) + "etc%2Fpasswd")) {
            reachesNothing(a, artifacts + name);
        }
        // a closed connection counts as a refusal above: the server must still be there
        a.poll();
    }

    @Test
    @Requirement(SUITE_SEC_03)
    void refusesOversizedHeadersAndBodiesCleanly(Device device) {
        CheckContext check = device.check();
        device.poll(); // the controller is served before the probes (a first-poll problem is DDI-CTRLID-03's, not this check's)
        oversized(device, device.call("GET", "").header("X-Ddict-Padding", "a".repeat(64 * 1024)), "a 64 KiB header");
        String body = "{\"data\":{\"ddict-oversized\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}";
        oversized(device, device.call("PUT", "/configData").body(JSON, body), "a 10 MiB configData body");
        Exchange poll = answer(check, SUITE_SEC_03, device.call("GET", ""))
                .orElseThrow(() -> check.fail(SUITE_SEC_03, "the next poll answered", "the connection was closed", null));
        check.require(SUITE_SEC_03, !poll.is5xx(), "no 5xx: the server still answers the controller after the oversized requests",
                poll::describe, poll);
        device.poll(); // and still serves it (a poll that is not the controller base is charged to the poll's requirements)
    }

    @Test
    @Requirement(SUITE_SEC_04)
    @RequiresFeature(Feature.TOKEN)
    void ignoresCredentialsInTheQueryString(Device device) {
        CheckContext check = device.check();
        if (check.run().offers(Feature.ANON)) {
            throw new TestAbortedException("the server declares Opt:ANON (anonymous device access): SUITE-SEC-04 does not apply");
        }
        Secret token = new Secret(device.authorization().substring(device.authorization().indexOf(' ') + 1));
        Device anonymous = device.withAuthorization(null);
        for (String parameter : List.of("token", "TargetToken", "access_token")) {
            Exchange e = anonymous.send(anonymous.call("GET", "?" + parameter + "=" + token.reveal()));
            check.require(SUITE_SEC_04, !e.is5xx(), "no 5xx for ?" + parameter + "=<token> without Authorization", e::describe, e);
            check.should(SUITE_SEC_04, e.status() == 401 || e.status() == 403,
                    "HTTP 401 (403 accepted): a token in the query string (?" + parameter + "=) does not authenticate",
                    () -> "HTTP " + e.status(), e);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** 401, 403 or 404 for a request on A's path with B's own token; a 2xx served or changed A's data with it. */
    private static void refusedForeignToken(Device bOnA, HttpCall call, Device b) {
        Exchange e = bOnA.send(call);
        bOnA.check().require(SUITE_SEC_01, e.status() == 401 || e.status() == 403 || e.status() == 404,
                "a refusal (401, 403 or 404): the TargetToken belongs to controller " + b.controllerId() + ", not "
                        + bOnA.controllerId(), e::describe, e);
    }

    /** Never 2xx (a leak) nor 5xx; a 4xx (or a closed connection) is the refusal expected, anything else warns. */
    private static void reachesNothing(Device a, String url) {
        CheckContext check = a.check();
        HttpCall call = HttpCall.of("GET", URI.create(url)).header("Accept", "*/*").header("Authorization", a.authorization());
        Optional<Exchange> answer = answer(check, SUITE_SEC_02, call);
        if (answer.isEmpty()) {
            return;
        }
        Exchange e = answer.get();
        check.require(SUITE_SEC_02, !e.is2xx() && !e.is5xx(), "a refusal: with " + a.controllerId()
                + "'s token this path names nothing it may read (never 2xx, never 5xx)", e::describe, e);
        check.should(SUITE_SEC_02, e.is4xx(), "a 4xx refusal", () -> "HTTP " + e.status(), e);
    }

    private static void oversized(Device device, HttpCall call, String what) {
        CheckContext check = device.check();
        Optional<Exchange> answer = answer(check, SUITE_SEC_03, call);
        if (answer.isEmpty()) {
            return;
        }
        Exchange e = answer.get();
        check.require(SUITE_SEC_03, !e.is5xx(), "no 5xx for " + what, e::describe, e);
        check.should(SUITE_SEC_03, e.is4xx(), "a 4xx refusal (400, 413, 431) of " + what, () -> "HTTP " + e.status(), e);
    }

    /**
     * The server's answer, or empty when it closed the connection without one (an accepted way to refuse a hostile
     * request). No answer within the timeout is a hang and breaks {@code req}.
     */
    private static Optional<Exchange> answer(CheckContext check, Req req, HttpCall call) {
        try {
            return Optional.of(check.run().http().send(call));
        } catch (TransportException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw check.fail(req, "an answer (or a closed connection) within the timeout of " + check.timeout(),
                        e.getMessage(), null);
            }
            return Optional.empty();
        }
    }
}

package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.ConformanceFailure;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.operator.ActionState;
import org.ddict.operator.ControllerInfo;
import org.ddict.operator.OperatorException;
import org.ddict.operator.SoftwareSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The controllerId path segment of {@code {ddi}/{tenant}/controller/v1/{controllerId}}: registration, isolation, form. */
@DdiChecks
@DisplayName("CTRLID — controllerId semantics and isolation")
class ControllerIdChecks {

    @Test
    @Requirement(DDI_CTRLID_01)
    @RequiresFeature(Feature.PNP)
    void registersAnUnknownControllerOnItsFirstPoll(CheckContext check) {
        String id = check.run().newControllerId();
        Device device = Device.unregistered(check, id, gatewayToken(check));
        check.run().operator().adopt(id);
        ControllerBase poll = device.poll(DDI_CTRLID_01);
        check.require(DDI_CTRLID_01, poll.link("configData").isPresent(), "configData offered to the new controller",
                poll::describeLinks, poll.exchange());
        Optional<ControllerInfo> known = check.run().operator().controller(id);
        check.require(DDI_CTRLID_01, known.map(c -> c.controllerId().equals(id)).orElse(false),
                "the back office knows controller " + id, known::toString, null);
        check.require(DDI_CTRLID_01, known.get().state().equals("registered"), "state registered", known.get()::toString, null);
    }

    @Test
    @Requirement(DDI_CTRLID_02)
    @RequiresFeature(Feature.GWTOKEN)
    void subResourcesNeverRegisterAController(CheckContext check) {
        String id = check.run().newControllerId();
        Device device = Device.unregistered(check, id, gatewayToken(check));
        check.run().operator().adopt(id);
        String feedback = Feedback.of(CLOSED, SUCCESS).json();
        List<HttpCall> calls = List.of(device.call("GET", "/deploymentBase/1"), device.call("GET", "/cancelAction/1"),
                device.call("GET", "/installedBase/1"),
                device.call("POST", "/deploymentBase/1/feedback").body("application/json", feedback),
                device.call("POST", "/cancelAction/1/feedback").body("application/json", feedback),
                device.call("PUT", "/configData").body("application/json", "{\"data\":{\"k\":\"v\"}}"),
                device.call("GET", "/softwaremodules/1/artifacts"));
        for (HttpCall call : calls) {
            Exchange e = device.send(call);
            check.refused(DDI_CTRLID_02, e, "HTTP 404 for an unknown controller", s -> s == 404, null);
        }
        Optional<ControllerInfo> known = check.run().operator().controller(id);
        check.require(DDI_CTRLID_02, known.isEmpty(), "the back office does not know " + id, known::toString, null);
    }

    @Test
    @Requirement(DDI_CTRLID_03)
    void servesAPreCommissionedControllerOnItsFirstPoll(Device device) {
        device.poll();
    }

    @Test
    @Requirement(DDI_CTRLID_04)
    @RequiresFeature(Feature.TOKEN)
    void aTargetTokenOpensOnlyItsOwnController(CheckContext check) {
        Device a = check.newDevice();
        Device b = check.newDevice();
        Action action = b.openAction(SOFT);
        Device aOnB = b.withAuthorization(a.authorization());
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        List<HttpCall> calls = List.of(aOnB.call("GET", ""), aOnB.call("GET", "/deploymentBase/" + action.id()),
                aOnB.call("POST", "/deploymentBase/" + action.id() + "/feedback").body("application/json", close.json()));
        for (HttpCall call : calls) {
            Exchange e = aOnB.send(call);
            check.refused(DDI_CTRLID_04, e, "HTTP 401 (or 403): another controller's token", s -> s == 401 || s == 403, 401);
        }
        ActionState state = action.state();
        check.require(DDI_CTRLID_04, state.active() && !action.hasEntryFor(close), "controller " + b.controllerId()
                + "'s action untouched", state::toString, null);
        String unknown = check.run().newControllerId();
        check.run().operator().adopt(unknown);
        Exchange e = a.as(unknown).send(a.as(unknown).call("GET", ""));
        check.refused(DDI_CTRLID_04, e, "HTTP 401 (or 403): a target token for an unknown controller", s -> s == 401 || s == 403, 401);
        check.require(DDI_CTRLID_04, check.run().operator().controller(unknown).isEmpty(), "nothing registered for " + unknown,
                () -> "the back office knows " + unknown, e);
    }

    @Test
    @Requirement(DDI_CTRLID_05)
    void controllersCannotReachEachOthersActions(CheckContext check) {
        Device a = check.newDevice();
        Device b = check.newDevice();
        Action foreign = b.openAction(SOFT);
        a.poll();
        Feedback proceeding = Feedback.of(PROCEEDING, NONE);
        expectNotFound(check, a, a.call("GET", "/deploymentBase/" + foreign.id()));
        expectNotFound(check, a, a.call("POST", "/deploymentBase/" + foreign.id() + "/feedback").body("application/json", proceeding.json()));
        foreign.requestCancel();
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        expectNotFound(check, a, a.call("GET", "/cancelAction/" + foreign.id()));
        expectNotFound(check, a, a.call("POST", "/cancelAction/" + foreign.id() + "/feedback").body("application/json", close.json()));
        check.require(DDI_CTRLID_05, !foreign.hasEntryFor(proceeding) && !foreign.hasEntryFor(close),
                "nothing recorded on controller " + b.controllerId() + "'s action", () -> foreign.history().toString(), null);
        ActionState state = foreign.state();
        check.require(DDI_CTRLID_05, state.active(), "controller " + b.controllerId() + "'s action still open", state::toString, null);
    }

    @Test
    @Requirement(DDI_CTRLID_06)
    void controllersCannotDownloadEachOthersArtifacts(CheckContext check) {
        Device a = check.newDevice();
        Device b = check.newDevice();
        Action foreign = b.openAction(SOFT);
        a.poll();
        SoftwareSet.Module module = foreign.software().module("os");
        String file = module.artifacts().get(0).filename();
        String path = "/softwaremodules/" + module.id() + "/artifacts";
        for (HttpCall call : List.of(a.call("GET", path), a.call("GET", path + "/" + file), a.call("GET", path + "/" + file + ".MD5SUM"),
                a.call("GET", path + "/" + file).header("Range", "bytes=0-9"))) {
            Exchange e = a.send(call);
            check.refused(DDI_CTRLID_06, e, "HTTP 404 (or 403): the module is assigned to another controller",
                    s -> s == 404 || s == 403, 404);
        }
    }

    @Test
    @Requirement(DDI_CTRLID_07)
    void servesControllerIdsOf256Characters(CheckContext check) {
        String prefix = check.run().config().runPrefix() + "-";
        String id = prefix + RunPrefix.random(256 - prefix.length());
        sameAsAnyOtherController(check, id, DDI_CTRLID_07);
        Optional<Secret> gateway = check.run().gatewayToken();
        if (gateway.isPresent()) {
            String tooLong = id + "x";
            check.run().operator().adopt(tooLong);
            Exchange e = Device.unregistered(check, tooLong, gateway.get()).send(
                    Device.unregistered(check, tooLong, gateway.get()).call("GET", ""));
            check.refused(DDI_CTRLID_07, e, "a refusal of a 257-character controllerId", s -> true, 400);
            check.should(DDI_CTRLID_07, check.run().operator().controller(tooLong).isEmpty(), "the 257-character id not registered",
                    () -> "registered", e);
        }
    }

    @Test
    @Requirement(DDI_CTRLID_08)
    void servesControllerIdsFromThePortableAlphabet(CheckContext check) {
        String id = check.run().config().runPrefix() + "-Ab.c_d-9-" + RunPrefix.random(6);
        sameAsAnyOtherController(check, id, DDI_CTRLID_08);
        Optional<Secret> gateway = check.run().gatewayToken();
        if (gateway.isPresent()) {
            String spaced = check.run().newControllerId() + "%20one";
            Device probe = Device.unregistered(check, spaced, gateway.get());
            Exchange e = probe.send(probe.call("GET", ""));
            check.refused(DDI_CTRLID_08, e, "no 5xx for a controllerId with whitespace", s -> true, 400);
            check.should(DDI_CTRLID_08, e.is4xx(), "a 4xx refusal of a controllerId with whitespace", () -> "HTTP " + e.status(), e);
        }
    }

    @Test
    @Requirement(DDI_CTRLID_09)
    void preservesTheCaseOfTheControllerId(CheckContext check) {
        String id = check.run().config().runPrefix() + "-DdiCt-MiXeD-" + RunPrefix.random(6);
        Device device = check.device(id);
        device.poll();
        Optional<ControllerInfo> known = check.run().operator().controller(id);
        check.require(DDI_CTRLID_09, known.map(c -> c.controllerId().equals(id)).orElse(false),
                "the back office reports the controllerId " + id + " byte for byte", known::toString, null);
    }

    @Test
    @Requirement(DDI_CTRLID_10)
    void idsThatDifferOnlyInCaseAreTwoControllers(CheckContext check) {
        String random = RunPrefix.random(6);
        String prefix = check.run().config().runPrefix();
        String lower = prefix + "-abc-" + random.toLowerCase(Locale.ROOT);
        String upper = prefix + "-ABC-" + random.toUpperCase(Locale.ROOT);
        Device small = check.device(lower);
        Device big;
        try {
            big = check.device(upper);
        } catch (OperatorException e) {
            // INFO: the back office treats the ids as one (case-insensitive database collation, catalogue D-14)
            return;
        }
        Action action = small.openAction(SOFT);
        ControllerBase poll = big.poll();
        check.should(DDI_CTRLID_10, poll.actionLinks().isEmpty(),
                "no action link for " + upper + " (action " + action.id() + " belongs to " + lower + ")", poll::describeLinks,
                poll.exchange());
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /**
     * The ordinary device flow (poll, deployment, download, feedback) must work for {@code id} as it works for a plain
     * id: the flow runs first on a plain control controller (failures there are charged as usual), then on {@code id},
     * where any failure is charged to {@code req}.
     */
    private static void sameAsAnyOtherController(CheckContext check, String id, Req req) {
        flow(check.newDevice());
        try {
            flow(check.device(id));
        } catch (ConformanceFailure f) {
            throw new ConformanceFailure(req, "controllerId " + id + " served like any other (" + f.expected() + ")", f.received(),
                    f.evidence().orElse(null));
        }
    }

    private static void flow(Device device) {
        device.poll();
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        SoftwareSet.Module module = action.software().module("os");
        SoftwareSet.Artifact artifact = module.artifacts().get(0);
        JsonNode chunk = DeployChecks.chunk(device, deployment, module);
        JsonNode links = DeployChecks.artifact(device, chunk, artifact).path("_links");
        JsonNode download = links.has("download") ? links.path("download") : links.path("download-http");
        Exchange bytes = device.send(device.follow("GET", new org.ddict.ddi.Link("download", download.path("href").asString(""))));
        device.check().require(DDI_DEPLOY_09, bytes.status() == 200 && java.util.Arrays.equals(bytes.bytes(), artifact.bytes()),
                "the artifact bytes", bytes::describe, bytes);
        StateChecks.closeSuccessfully(device, action);
    }

    private static void expectNotFound(CheckContext check, Device device, HttpCall call) {
        Exchange e = device.send(call);
        check.refused(DDI_CTRLID_05, e, "HTTP 404: the action belongs to another controller", s -> s == 404, null);
    }

    private static Secret gatewayToken(CheckContext check) {
        return check.run().gatewayToken().orElseThrow();
    }
}

package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.List;
import java.util.Optional;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.config.RunPrefix;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.Consent;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.ConfirmationFeedback;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.Link;
import org.ddict.operator.ActionState;
import org.ddict.operator.Capability;
import org.ddict.operator.StatusEntry;
import org.ddict.schema.DdiDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consent flow: {@code GET {base}/confirmationBase}, {@code GET {base}/confirmationBase/{A}},
 * {@code POST {base}/confirmationBase/{A}/feedback} and {@code POST {base}/confirmationBase/activateAutoConfirm|deactivateAutoConfirm}.
 */
@DdiChecks
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
@DisplayName("CONFIRM — consent flow and auto-confirmation")
class ConfirmationChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Requirement(DDI_CONFIRM_01)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void offersConfirmationBaseInsteadOfDeploymentWhileConsentIsPending(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            ControllerBase poll = device.poll();
            device.check().require(DDI_CONFIRM_01, poll.link("deploymentBase").isEmpty(),
                    "no deploymentBase while action " + action.id() + " awaits consent", poll::describeLinks, poll.exchange());
        });
    }

    @Test
    @Requirement({DDI_CONFIRM_02, DDI_SCHEMA_06})
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void servesTheActionAwaitingConsentAsConsentDocument(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, FORCED);
            CheckContext check = device.check();
            Exchange e = device.send(device.follow("GET", consentLink(device, action)));
            check.require(DDI_CONFIRM_02, e.status() == 200, "HTTP 200 with the consent document", e::describe, e);
            JsonNode doc = device.document(e, DdiDocument.CONFIRMATION_BASE_ACTION, DDI_SCHEMA_06);
            String id = Long.toString(action.id());
            check.require(DDI_CONFIRM_02, doc.path("id").asString("").equals(id), "id \"" + id + "\"",
                    () -> "id " + doc.path("id"), e);
            JsonNode confirmation = doc.path("confirmation");
            check.require(DDI_CONFIRM_02, confirmation.path("download").asString("").equals("forced"),
                    "confirmation.download \"forced\" for a forced assignment", () -> "download " + confirmation.path("download"), e);
            List<String> chunks = confirmation.path("chunks").valueStream()
                    .map(c -> c.path("name").asString("") + ":" + c.path("version").asString("")).sorted().toList();
            List<String> modules = action.software().modules().stream().map(m -> m.name() + ":" + m.version()).sorted().toList();
            check.require(DDI_CONFIRM_02, chunks.equals(modules), "one chunk per module of the assigned set " + modules,
                    chunks::toString, e);
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_03)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void servesNoDeploymentAndRefusesFeedbackBeforeConsent(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            CheckContext check = device.check();
            device.expectNotFound(DDI_CONFIRM_03, "/deploymentBase/" + action.id(), "the action awaits consent");
            Feedback proceeding = Feedback.of(PROCEEDING, NONE);
            Exchange answer = device.postFeedback(action.id(), proceeding);
            check.refused(DDI_CONFIRM_03, answer, "a 4xx status: the action awaits consent", s -> s >= 400 && s < 500, null);
            check.require(DDI_CONFIRM_03, !action.hasEntryFor(proceeding), "nothing recorded for the refused feedback",
                    () -> "an entry carries " + proceeding.marker(), answer);
            device.actionLink(DDI_CONFIRM_03, "confirmationBase", action.id());
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_04)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void confirmedMovesTheActionIntoTheUpdateFlow(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            ConfirmationFeedback confirmed = ConfirmationFeedback.confirmed().code(7);
            confirm(device, action, confirmed);
            device.expectNotFound(DDI_CONFIRM_04, "/confirmationBase/" + action.id(), "the action was confirmed");
            expectRecorded(DDI_CONFIRM_04, action, confirmed, "running");
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_05)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void deniedKeepsTheActionAwaitingConsent(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            CheckContext check = device.check();
            ConfirmationFeedback denied = ConfirmationFeedback.denied().code(13);
            Exchange answer = sendConfirmation(device, action, denied);
            check.require(DDI_CONFIRM_05, answer.is2xx(), "HTTP 2xx: the denial is accepted", answer::describe, answer);
            expectRecorded(DDI_CONFIRM_05, action, denied, "wait_for_confirmation");
            ActionState state = action.state();
            check.require(DDI_CONFIRM_05, state.active(), "the action still open after the denial", state::toString, answer);
            device.actionLink(DDI_CONFIRM_05, "confirmationBase", action.id());
            device.expectNotFound(DDI_CONFIRM_05, "/deploymentBase/" + action.id(), "the action still awaits consent");
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_06)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void deniedAfterConsentMayReturnTheActionToTheConsentState(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            confirm(device, action, ConfirmationFeedback.confirmed());
            CheckContext check = device.check();
            Exchange answer = sendConfirmation(device, action, ConfirmationFeedback.denied());
            check.require(DDI_ERROR_10, !answer.is5xx(), "no 5xx for a denial of a confirmed action", answer::describe, answer);
            check.should(DDI_CONFIRM_06, answer.is2xx(), "HTTP 2xx: the consent is revoked", answer::describe, answer);
            if (answer.is2xx()) {
                ControllerBase poll = device.poll();
                check.should(DDI_CONFIRM_06, offers(poll, "confirmationBase", action.id()),
                        "confirmationBase offered again for action " + action.id(), poll::describeLinks, poll.exchange());
            }
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_07)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void refusesConfirmationFeedbackForAClosedAction(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            confirm(device, action, ConfirmationFeedback.confirmed());
            StateChecks.closeSuccessfully(device, action);
            ActionState before = action.state();
            ConfirmationFeedback late = ConfirmationFeedback.confirmed();
            Exchange answer = sendConfirmation(device, action, late);
            refusedWithoutEffect(device, action, late, answer, 410);
            ActionState after = action.state();
            device.check().require(DDI_CONFIRM_07, !after.active() && after.status().equals(before.status()),
                    "the closed action unchanged (" + before + ")", after::toString, answer);
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_07)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void refusesASecondConsentForAnActionInTheUpdateFlow(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            confirm(device, action, ConfirmationFeedback.confirmed());
            ConfirmationFeedback again = ConfirmationFeedback.confirmed();
            Exchange answer = sendConfirmation(device, action, again);
            refusedWithoutEffect(device, action, again, answer, 404);
            action.expectOpen(DDI_CONFIRM_07);
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_07)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void refusesADenialForAnActionBeingCancelled(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            confirm(device, action, ConfirmationFeedback.confirmed());
            action.requestCancel();
            CancelChecks.cancelLink(device, action);
            ConfirmationFeedback denied = ConfirmationFeedback.denied();
            Exchange answer = sendConfirmation(device, action, denied);
            refusedWithoutEffect(device, action, denied, answer, 404);
            action.expectOffered(DDI_CONFIRM_07, "cancelAction");
        });
    }

    @Test
    @Requirement(DDI_CANCEL_15)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void cancellingAnActionAwaitingConsentOffersCancelActionInstead(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            action.requestCancel();
            CheckContext check = device.check();
            ControllerBase poll = device.poll();
            check.should(DDI_CANCEL_15, offers(poll, "cancelAction", action.id()) && !offers(poll, "confirmationBase", action.id()),
                    "cancelAction (and no confirmationBase) for action " + action.id(), poll::describeLinks, poll.exchange());
            Exchange answer = sendConfirmation(device, action, ConfirmationFeedback.denied());
            check.require(DDI_ERROR_10, !answer.is5xx(), "a 4xx client error for a denial of an action being cancelled",
                    answer::describe, answer);
            check.should(DDI_CANCEL_15, answer.is4xx(), "a 4xx status: a denial cannot bring the action back", answer::describe,
                    answer);
            ControllerBase after = device.poll();
            check.should(DDI_CANCEL_15, offers(after, "cancelAction", action.id()),
                    "cancelAction still offered for action " + action.id() + " after the denial", after::describeLinks,
                    after.exchange());
        });
    }

    @Test
    @Requirement({DDI_CONFIRM_08, DDI_SCHEMA_05})
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void servesTheConfirmationBaseWithTheActionAwaitingConsent(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            CheckContext check = device.check();
            JsonNode doc = confirmationBase(device, DDI_CONFIRM_08);
            JsonNode active = doc.path("autoConfirm").path("active");
            check.require(DDI_CONFIRM_08, active.isBoolean() && !active.asBoolean(), "autoConfirm.active == false",
                    doc::toString, null);
            JsonNode links = doc.path("_links");
            check.require(DDI_CONFIRM_08, links.has("activateAutoConfirm") && !links.has("deactivateAutoConfirm"),
                    "an activateAutoConfirm link and no deactivateAutoConfirm", links::toString, null);
            Link waiting = new Link("confirmationBase", links.path("confirmationBase").path("href").asString(""));
            check.require(DDI_CONFIRM_08, waiting.actionId().orElse(-1) == action.id(),
                    "a confirmationBase link for action " + action.id(), links::toString, null);
        });
    }

    @Test
    @Requirement({DDI_CONFIRM_09, DDI_SCHEMA_05})
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void activatingAutoConfirmationConfirmsWaitingAndLaterActions(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            CheckContext check = device.check();
            String remark = "ddict-" + RunPrefix.random(8);
            activateAutoConfirm(device, "ddict", remark);
            JsonNode doc = confirmationBase(device, DDI_CONFIRM_09);
            JsonNode auto = doc.path("autoConfirm");
            check.require(DDI_CONFIRM_09, auto.path("active").asBoolean(false)
                            && auto.path("initiator").asString("").equals("ddict") && auto.path("remark").asString("").equals(remark)
                            && auto.path("activatedAt").isIntegralNumber(),
                    "autoConfirm active with initiator \"ddict\", remark \"" + remark + "\" and an integer activatedAt",
                    auto::toString, null);
            check.require(DDI_CONFIRM_09, doc.path("_links").has("deactivateAutoConfirm"), "a deactivateAutoConfirm link",
                    () -> doc.path("_links").toString(), null);
            expectUpdateFlow(device, action, DDI_CONFIRM_09, "the waiting action confirmed automatically");
            StateChecks.closeSuccessfully(device, action);
            Action next = Consent.assign(device, SOFT, true);
            expectUpdateFlow(device, next, DDI_CONFIRM_09, "a new assignment requiring consent goes straight to the update flow");
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_10)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void refusesToActivateAutoConfirmationTwice(Device device) {
        withFlow(device, () -> {
            CheckContext check = device.check();
            String remark = "ddict-" + RunPrefix.random(8);
            activateAutoConfirm(device, "ddict", remark);
            Exchange second = postAutoConfirm(device, "activateAutoConfirm", "{\"initiator\":\"ddict-again\",\"remark\":\"again\"}");
            check.refused(DDI_CONFIRM_10, second, "a 4xx status: auto-confirmation is already active",
                    s -> s >= 400 && s < 500, 409);
            JsonNode auto = confirmationBase(device, DDI_CONFIRM_10).path("autoConfirm");
            check.should(DDI_CONFIRM_10, auto.path("active").asBoolean(false) && auto.path("remark").asString("").equals(remark),
                    "auto-confirmation unchanged (active, remark \"" + remark + "\")", auto::toString, second);
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_11)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void deactivatingAutoConfirmationMakesNewActionsWaitAgain(Device device) {
        withFlow(device, () -> {
            CheckContext check = device.check();
            activateAutoConfirm(device, "ddict", "ddict-" + RunPrefix.random(8));
            Exchange answer = device.send(device.call("POST", "/confirmationBase/deactivateAutoConfirm"));
            check.require(DDI_CONFIRM_11, answer.is2xx(), "HTTP 2xx for deactivateAutoConfirm", answer::describe, answer);
            JsonNode doc = confirmationBase(device, DDI_CONFIRM_11);
            check.require(DDI_CONFIRM_11, !doc.path("autoConfirm").path("active").asBoolean(true)
                            && doc.path("_links").has("activateAutoConfirm"),
                    "autoConfirm.active == false and an activateAutoConfirm link", doc::toString, null);
            Action next = Consent.assign(device, SOFT, true);
            ControllerBase poll = device.poll();
            check.require(DDI_CONFIRM_11, !offers(poll, "deploymentBase", next.id()),
                    "the new action " + next.id() + " waits for consent (no deploymentBase)", poll::describeLinks, poll.exchange());
            consentLink(device, next);
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_12)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void refusesConfirmationFeedbackWithAnUnknownOrMissingValue(Device device) {
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            CheckContext check = device.check();
            for (ConfirmationFeedback invalid : List.of(ConfirmationFeedback.raw("ok"), ConfirmationFeedback.raw(null))) {
                Exchange answer = sendConfirmation(device, action, invalid);
                check.refused(DDI_CONFIRM_12, answer, "HTTP 400 for " + invalid, s -> s == 400, null);
                check.require(DDI_CONFIRM_12, entryFor(action, invalid).isEmpty(), "nothing recorded for " + invalid,
                        () -> "an entry carries " + invalid.marker(), answer);
            }
            device.actionLink(DDI_CONFIRM_12, "confirmationBase", action.id());
        });
    }

    @Test
    @Requirement(DDI_CONFIRM_13)
    void offersNoConsentLinksForAnActionCreatedWithoutConsentRequirement(Device device) {
        CheckContext check = device.check();
        Runnable body = () -> {
            Action action = device.openAction(SOFT);
            ControllerBase poll = device.poll();
            check.require(DDI_CONFIRM_13, poll.link("confirmationBase").isEmpty(), "no confirmationBase link",
                    poll::describeLinks, poll.exchange());
            device.expectNotFound(DDI_CONFIRM_13, "/confirmationBase/" + action.id(),
                    "the action was created without consent requirement");
        };
        if (check.run().offers(Feature.CONFIRM) && check.run().can(Capability.TENANT_SETTINGS)) {
            Consent.withFlow(check, false, body);
        } else {
            body.run();
        }
    }

    @Test
    @Requirement(DDI_CONFIRM_14)
    @RequiresFeature(Feature.CONFIRM)
    @RequiresCapability(Capability.TENANT_SETTINGS)
    void keepsWaitingActionsConfirmableAfterTheFlowIsSwitchedOff(Device device) {
        CheckContext check = device.check();
        withFlow(device, () -> {
            Action action = awaitingConsent(device, SOFT);
            Consent.withFlow(check, false, () -> {
                ControllerBase poll = device.poll();
                check.should(DDI_CONFIRM_14, offers(poll, "confirmationBase", action.id()),
                        "confirmationBase still offered for action " + action.id(), poll::describeLinks, poll.exchange());
                Exchange answer = sendConfirmation(device, action, ConfirmationFeedback.confirmed());
                check.require(DDI_ERROR_10, !answer.is5xx(), "no 5xx for a confirmation", answer::describe, answer);
                check.should(DDI_CONFIRM_14, answer.is2xx(), "HTTP 2xx: the waiting action can still be confirmed",
                        answer::describe, answer);
                ControllerBase after = device.poll();
                check.should(DDI_CONFIRM_14, offers(after, "deploymentBase", action.id()),
                        "deploymentBase offered for action " + action.id() + " after the consent", after::describeLinks,
                        after.exchange());
            });
        });
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    private static void withFlow(Device device, Runnable body) {
        Consent.withFlow(device.check(), true, body);
    }

    /** Area default: an assignment that requires consent; the poll must offer confirmationBase for it (DDI-CONFIRM-01). */
    static Action awaitingConsent(Device device, org.ddict.operator.AssignMode mode) {
        Action action = Consent.assign(device, mode, true);
        consentLink(device, action);
        return action;
    }

    static Link consentLink(Device device, Action action) {
        return device.actionLink(DDI_CONFIRM_01, "confirmationBase", action.id());
    }

    static Exchange sendConfirmation(Device device, Action action, ConfirmationFeedback feedback) {
        return device.send(device.call("POST", "/confirmationBase/" + action.id() + "/feedback")
                .body("application/json", feedback.json()));
    }

    /** The device consents: 2xx, then the poll offers deploymentBase and no confirmationBase (DDI-CONFIRM-04). */
    static void confirm(Device device, Action action, ConfirmationFeedback confirmed) {
        Exchange answer = sendConfirmation(device, action, confirmed);
        device.check().require(DDI_CONFIRM_04, answer.is2xx(), "HTTP 2xx: the consent is accepted", answer::describe, answer);
        expectUpdateFlow(device, action, DDI_CONFIRM_04, "the confirmed action moves to the update flow");
    }

    /** The poll offers no confirmationBase but a deploymentBase (whose V-ID is checked under DDI-BASE-04). */
    private static void expectUpdateFlow(Device device, Action action, Req req, String why) {
        ControllerBase poll = device.poll();
        CheckContext check = device.check();
        check.require(req, !offers(poll, "confirmationBase", action.id()) && poll.link("deploymentBase").isPresent(),
                why + ": deploymentBase and no confirmationBase for action " + action.id(), poll::describeLinks, poll.exchange());
        device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
    }

    private static void activateAutoConfirm(Device device, String initiator, String remark) {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("initiator", initiator).put("remark", remark));
        Exchange answer = postAutoConfirm(device, "activateAutoConfirm", body);
        device.check().require(DDI_CONFIRM_09, answer.is2xx(), "HTTP 2xx for activateAutoConfirm", answer::describe, answer);
    }

    private static Exchange postAutoConfirm(Device device, String what, String body) {
        return device.send(device.call("POST", "/confirmationBase/" + what).body("application/json", body));
    }

    private static JsonNode confirmationBase(Device device, Req req) {
        return device.getDocument(req, "/confirmationBase", DdiDocument.CONFIRMATION_BASE, DDI_SCHEMA_05);
    }

    private static boolean offers(ControllerBase poll, String rel, long actionId) {
        return poll.link(rel).map(l -> l.actionId().orElse(-1) == actionId).orElse(false);
    }

    private static Optional<StatusEntry> entryFor(Action action, ConfirmationFeedback feedback) {
        return action.history().stream().filter(s -> s.mentions(feedback.marker())).findFirst();
    }

    /** V-STATUS for confirmation feedback (the newest entry when the details were dropped, warned under DDI-STATE-14). */
    private static void expectRecorded(Req req, Action action, ConfirmationFeedback feedback, String type) {
        CheckContext check = action.device().check();
        StatusEntry entry = entryFor(action, feedback).orElseGet(() -> {
            List<StatusEntry> history = action.history();
            check.require(req, !history.isEmpty(), "a status entry for " + feedback, () -> "an empty status history", null);
            check.warn(DDI_STATE_14, "no status entry carries the details sent with " + feedback + "; judged by the newest entry "
                    + history.get(0));
            return history.get(0);
        });
        check.require(req, entry.type().equals(type), feedback + " recorded as " + type,
                () -> "recorded as '" + entry.type() + "' (" + entry + ")", null);
    }

    /** Confirmation feedback outside the consent state: 4xx ({@code preferred} ideally), nothing recorded. */
    private static void refusedWithoutEffect(Device device, Action action, ConfirmationFeedback feedback, Exchange answer,
            int preferred) {
        CheckContext check = device.check();
        check.refused(DDI_CONFIRM_07, answer, "a 4xx status: the action does not await consent", s -> s >= 400 && s < 500,
                preferred);
        check.require(DDI_CONFIRM_07, entryFor(action, feedback).isEmpty(), "nothing recorded for the refused " + feedback,
                () -> "an entry carries " + feedback.marker(), answer);
    }
}

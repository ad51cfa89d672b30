package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.*;
import static org.ddict.ddi.Feedback.Finished.*;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import org.ddict.catalogue.Divergence;
import org.ddict.catalogue.Feature;
import java.time.Duration;
import org.ddict.operator.Assignment;
import org.ddict.operator.MaintenanceWindow;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.Link;
import org.ddict.operator.ActionState;
import org.ddict.operator.CancelOutcome;
import org.ddict.operator.StatusEntry;
import org.ddict.schema.DdiDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;

/** Cancellation: {@code GET {base}/cancelAction/{A}} and {@code POST {base}/cancelAction/{A}/feedback} (§1.8 cancel channel). */
@DdiChecks
@DisplayName("CANCEL — cancellation handling")
class CancelChecks {

    @Test
    @Requirement(DDI_CANCEL_01)
    void offersCancelActionAfterTheOperatorCancels(Device device) {
        Action action = cancelling(device);
        ControllerBase poll = device.poll();
        CheckContext check = device.check();
        check.require(DDI_CANCEL_01, poll.link("cancelAction").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                "the poll offers cancelAction for action " + action.id(), poll::describeLinks, poll.exchange());
        check.require(DDI_CANCEL_01, poll.link("deploymentBase").map(l -> l.actionId().orElse(-1) != action.id()).orElse(true),
                "no deploymentBase for the action being cancelled", poll::describeLinks, poll.exchange());
        ActionState state = action.state();
        check.require(DDI_CANCEL_01, state.active(), "the action still open until the device answers", state::toString, null);
    }

    @Test
    @Requirement({DDI_CANCEL_02, DDI_SCHEMA_03})
    void servesTheCancelInstruction(Device device) {
        Action action = cancelling(device);
        cancelInstruction(device, action);
    }

    @Test
    @Requirement(DDI_CANCEL_03)
    void servesNoDeploymentWhileCancelling(Device device) {
        Action action = device.openAction(SOFT);
        Link before = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        action.requestCancel();
        cancelLink(device, action);
        CheckContext check = device.check();
        Exchange direct = device.send(device.call("GET", "/deploymentBase/" + action.id()));
        check.refused(DDI_CANCEL_03, direct, "HTTP 404 while the action is being cancelled", s -> s == 404, null);
        Exchange followed = device.send(device.follow("GET", before));
        check.refused(DDI_CANCEL_03, followed, "HTTP 404 for the deploymentBase link taken before the cancel", s -> s == 404, null);
    }

    @Test
    @Requirement(DDI_CANCEL_04)
    void closedSuccessOnTheCancelChannelAcceptsTheCancellation(Device device) {
        acceptsCancellation(device, SUCCESS);
    }

    @Test
    @Requirement(DDI_CANCEL_04)
    void closedNoneOnTheCancelChannelAcceptsTheCancellation(Device device) {
        acceptsCancellation(device, NONE);
    }

    @Test
    @Requirement(DDI_CANCEL_05)
    void rejectedOnTheCancelChannelKeepsTheUpdate(Device device) {
        Action action = cancelling(device);
        cancelLink(device, action);
        Feedback rejected = Feedback.of(REJECTED, NONE);
        device.sendCancelFeedback(DDI_CANCEL_05, action, rejected);
        StatusEntry entry = action.recorded(rejected);
        CheckContext check = device.check();
        check.require(DDI_CANCEL_05, entry.type().equals("warning") || entry.type().equals("cancel_rejected"),
                "the refusal recorded as warning (hawkBit: cancel_rejected)", entry::toString, null);
        check.divergence(Divergence.HB_DEV_02, entry.type().equals("warning"), entry.type().equals("cancel_rejected"),
                () -> "recorded as '" + entry.type() + "'", null);
        action.expectOpen(DDI_CANCEL_05);
        Exchange deployment = device.send(device.call("GET", "/deploymentBase/" + action.id()));
        check.require(DDI_CANCEL_05, deployment.status() == 200, "HTTP 200: the update is offered again", deployment::describe,
                deployment);
        StateChecks.closeSuccessfully(device, action);
        StateChecks.expectInstalled(device, action, DDI_STATE_01);
    }

    @Test
    @Requirement(DDI_CANCEL_06)
    void closedFailureOnTheCancelChannelDoesNotCancel(Device device) {
        Action action = cancelling(device);
        cancelLink(device, action);
        Feedback failure = Feedback.of(CLOSED, FAILURE);
        device.sendCancelFeedback(DDI_CANCEL_06, action, failure);
        action.expectRecorded(DDI_CANCEL_06, failure, "error");
        ActionState state = action.state();
        CheckContext check = device.check();
        check.require(DDI_CANCEL_06, !state.status().equals("canceled"), "the action not cancelled", state::toString, null);
        ControllerBase poll = device.poll();
        check.should(DDI_CANCEL_06, poll.link("deploymentBase").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                "the update flow resumes: deploymentBase offered for action " + action.id(), poll::describeLinks, poll.exchange());
    }

    @Test
    @Requirement(DDI_CANCEL_07)
    void canceledOnTheCancelChannelIsAcceptedAndNotAnError(Device device) {
        Action action = cancelling(device);
        cancelLink(device, action);
        Feedback canceled = Feedback.of(CANCELED, NONE);
        device.sendCancelFeedback(DDI_CANCEL_07, action, canceled);
        StatusEntry entry = action.recorded(canceled);
        CheckContext check = device.check();
        check.require(DDI_CANCEL_07, !entry.type().equals("error"), "not recorded as error", entry::toString, null);
        check.divergence(Divergence.HB_DEV_01, entry.type().equals("canceled"), entry.type().equals("warning"),
                () -> "recorded as '" + entry.type() + "'", null);
        ActionState state = action.state();
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        Exchange answer = device.postCancelFeedback(action.id(), close);
        if (state.active()) {
            check.require(DDI_CANCEL_04, answer.is2xx(), "HTTP 2xx for closed on the cancel channel", answer::describe, answer);
            action.expectRecorded(DDI_CANCEL_04, close, "canceled");
        }
        ActionState after = action.state();
        check.require(state.active() ? DDI_CANCEL_04 : DDI_CANCEL_07, !after.active() && after.status().equals("canceled"),
                "the action cancelled and closed", after::toString, answer);
    }

    @ParameterizedTest(name = "{0} keeps the cancellation pending")
    @EnumSource(value = Feedback.Execution.class, names = {"PROCEEDING", "SCHEDULED", "RESUMED", "DOWNLOAD", "DOWNLOADED"})
    @Requirement(DDI_CANCEL_08)
    void intermediateFeedbackOnTheCancelChannelKeepsTheCancellationPending(Feedback.Execution execution, Device device) {
        Action action = cancelling(device);
        cancelLink(device, action);
        Feedback feedback = Feedback.of(execution, NONE);
        device.sendCancelFeedback(DDI_CANCEL_08, action, feedback);
        action.expectOffered(DDI_CANCEL_08, "cancelAction");
        StatusEntry entry = action.recorded(feedback);
        String expected = switch (execution) {
            case DOWNLOAD -> "download";
            case DOWNLOADED -> "downloaded";
            default -> "running";
        };
        if (execution == DOWNLOAD || execution == DOWNLOADED) {
            device.check().divergence(Divergence.HB_DEV_03, entry.type().equals(expected), entry.type().equals("running"),
                    () -> execution.name().toLowerCase() + " recorded as '" + entry.type() + "'", null);
        } else {
            device.check().should(DDI_CANCEL_08, entry.type().equals(expected), "recorded as " + expected,
                    () -> "'" + entry.type() + "'", null);
        }
    }

    @Test
    @Requirement(DDI_CANCEL_09)
    void refusesCancelFeedbackForAnActionThatIsNotBeingCancelled(Device device) {
        Action action = device.openAction(SOFT);
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        Exchange answer = device.postCancelFeedback(action.id(), close);
        CheckContext check = device.check();
        check.refused(DDI_CANCEL_09, answer, "a 4xx status: the action is not being cancelled", s -> s >= 400 && s < 500, 405);
        action.expectOpen(DDI_CANCEL_09);
        check.require(DDI_CANCEL_09, !action.hasEntryFor(close), "nothing recorded for the refused feedback",
                () -> "an entry carries " + close.marker(), answer);
    }

    @Test
    @Requirement(DDI_CANCEL_10)
    void cancelFeedbackLeavesAFinishedActionFinished(Device device) {
        Action action = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, action);
        ActionState before = action.state();
        Exchange answer = device.postCancelFeedback(action.id(), Feedback.of(CLOSED, SUCCESS));
        CheckContext check = device.check();
        check.refused(DDI_CANCEL_10, answer, "no 5xx", s -> true, null);
        check.should(DDI_CANCEL_10, answer.is4xx(), "a 4xx status (405)", () -> "HTTP " + answer.status(), answer);
        ActionState after = action.state();
        check.require(DDI_CANCEL_10, !after.active() && after.status().equals(before.status()),
                "the finished action unchanged (" + before + ")", after::toString, answer);
        StateChecks.expectInstalled(device, action, DDI_CANCEL_10);
    }

    @Test
    @Requirement(DDI_CANCEL_10)
    void cancelFeedbackLeavesACancelledActionCancelled(Device device) {
        Action action = cancelling(device);
        confirmCancellation(device, action);
        Exchange answer = device.postCancelFeedback(action.id(), Feedback.of(CLOSED, SUCCESS));
        device.check().refused(DDI_CANCEL_10, answer, "no 5xx", s -> true, null);
        ActionState after = action.state();
        device.check().require(DDI_CANCEL_10, !after.active() && after.status().equals("canceled"),
                "the action still cancelled and closed", after::toString, answer);
    }

    @Test
    @Requirement(DDI_CANCEL_11)
    void servesNoCancelInstructionForAnOpenAction(Device device) {
        Action action = device.openAction(SOFT);
        device.expectNotFound(DDI_CANCEL_11, "/cancelAction/" + action.id(), "the action is not being cancelled");
    }

    @Test
    @Requirement(DDI_CANCEL_11)
    void servesNoCancelInstructionForAFinishedAction(Device device) {
        Action action = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, action);
        device.expectNotFound(DDI_CANCEL_11, "/cancelAction/" + action.id(), "the action finished");
    }

    @Test
    @Requirement(DDI_CANCEL_12)
    void aClosedActionCannotBeCancelled(Device device) {
        Action action = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, action);
        CheckContext check = device.check();
        CancelOutcome outcome = check.run().operator().cancel(device.controllerId(), action.id(), false);
        check.require(DDI_CANCEL_12, !outcome.accepted(), "the back office refuses to cancel a finished action",
                outcome::evidence, null);
        ControllerBase poll = device.poll();
        check.require(DDI_CANCEL_12, poll.link("cancelAction").isEmpty(), "no cancelAction link", poll::describeLinks,
                poll.exchange());
    }

    @Test
    @Requirement(DDI_CANCEL_12)
    void anActionBeingCancelledCannotBeCancelledAgain(Device device) {
        Action action = cancelling(device);
        CheckContext check = device.check();
        CancelOutcome outcome = check.run().operator().cancel(device.controllerId(), action.id(), false);
        check.require(DDI_CANCEL_12, !outcome.accepted(), "the back office refuses a second cancel", outcome::evidence, null);
    }

    @Test
    @Requirement(DDI_CANCEL_13)
    @RequiresFeature(Feature.FORCEQUIT)
    void forceCancelClosesTheActionWithoutTheDevice(Device device) {
        Action action = cancelling(device);
        cancelLink(device, action);
        CheckContext check = device.check();
        CancelOutcome outcome = check.run().operator().cancel(device.controllerId(), action.id(), true);
        check.require(DDI_CANCEL_13, outcome.accepted(), "the back office force-cancels an action being cancelled",
                outcome::evidence, null);
        action.expectClosed(DDI_CANCEL_13);
        ActionState state = action.state();
        check.require(DDI_CANCEL_13, state.status().equals("canceled"), "the action closed as canceled", state::toString, null);
        Exchange late = device.postFeedback(action.id(), Feedback.of(PROCEEDING, NONE));
        check.refused(DDI_STATE_12, late, "a 4xx status for deployment feedback on a force-cancelled action",
                s -> s >= 400 && s < 500, 410);
    }

    @Test
    @Requirement(DDI_CANCEL_14)
    void aSupersedingAssignmentCancelsTheOpenAction(Device device) {
        Action first = device.openAction(SOFT);
        device.assign(Software.standard(device), SOFT);
        ControllerBase poll = device.poll();
        CheckContext check = device.check();
        check.should(DDI_CANCEL_14, poll.link("cancelAction").map(l -> l.actionId().orElse(-1) == first.id()).orElse(false),
                "cancelAction for the superseded action " + first.id(), poll::describeLinks, poll.exchange());
        ActionState state = first.state();
        check.should(DDI_CANCEL_14, state.active() && state.status().equals("canceling"),
                "the superseded action open and being cancelled (canceling)", state::toString, null);
    }

    @Test
    @Requirement(DDI_CANCEL_17)
    void mayAcceptClosedOnTheDeploymentChannelWhileCancelling(Device device) {
        // INFO only (MAY): 2xx (hawkBit finishes the action) and 4xx are both conformant
        Action action = cancelling(device);
        cancelLink(device, action);
        Exchange answer = device.postFeedback(action.id(), Feedback.of(CLOSED, SUCCESS));
        // valid feedback, so a 5xx is a server error answering accepted feedback (DDI-STATE-13), not a client error
        device.check().require(DDI_STATE_13, !answer.is5xx(), "no 5xx for valid feedback", answer::describe, answer);
    }

    @Test
    @Requirement(DDI_CANCEL_16)
    @RequiresFeature(Feature.MW)
    void mayCancelAnActionWhoseOnlyMaintenanceWindowHasPassed(Device device) {
        // a one-shot window that opened two minutes ago and closes three seconds from now
        MaintenanceWindow closing = MaintenanceWindow.oneShot(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(2),
                Duration.ofMinutes(2).plusSeconds(3));
        Action action = device.assign(Software.standard(device), Assignment.of(FORCED).withMaintenanceWindow(closing));
        CheckContext check = device.check();
        ControllerBase last = check.await(device::poll,
                poll -> poll.link("cancelAction").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                Duration.ofSeconds(10));
        // MAY (informational): a server that keeps the action is not wrong, the observation is reported
        check.should(DDI_CANCEL_16, last != null && last.link("cancelAction").isPresent(),
                "cancelAction for action " + action.id() + " once its only maintenance window has passed (informational)",
                () -> last == null ? "no poll" : last.describeLinks(), last == null ? null : last.exchange());
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** Area default: an open action the device has polled once, then cancelled by the operator. */
    static Action cancelling(Device device) {
        Action action = device.openAction(SOFT);
        action.requestCancel();
        return action;
    }

    /** The device sees the cancellation (DDI-CANCEL-01 charged when it does not). */
    static Link cancelLink(Device device, Action action) {
        return device.actionLink(DDI_CANCEL_01, "cancelAction", action.id());
    }

    /** GET of the cancel link: 200 with the cancel document, both ids equal to the action id (as strings). */
    static JsonNode cancelInstruction(Device device, Action action) {
        Link link = cancelLink(device, action);
        Exchange e = device.send(device.follow("GET", link));
        CheckContext check = device.check();
        check.require(DDI_CANCEL_02, e.status() == 200, "HTTP 200 with the cancel instruction", e::describe, e);
        JsonNode doc = device.document(e, DdiDocument.CANCEL, DDI_SCHEMA_03);
        String id = Long.toString(action.id());
        check.require(DDI_CANCEL_02, doc.path("id").asString("").equals(id) && doc.path("cancelAction").path("stopId").asString("").equals(id),
                "id \"" + id + "\" and cancelAction.stopId \"" + id + "\"", doc::toString, e);
        return doc;
    }

    /** The device accepts the cancellation with closed/success; the action must end cancelled (DDI-CANCEL-04). */
    static void confirmCancellation(Device device, Action action) {
        cancelLink(device, action);
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        device.sendCancelFeedback(DDI_CANCEL_04, action, close);
        action.expectRecorded(DDI_CANCEL_04, close, "canceled");
        action.expectClosed(DDI_CANCEL_04);
    }

    private static void acceptsCancellation(Device device, Feedback.Finished finished) {
        Action action = cancelling(device);
        cancelLink(device, action);
        Feedback close = Feedback.of(CLOSED, finished);
        device.sendCancelFeedback(DDI_CANCEL_04, action, close);
        action.expectRecorded(DDI_CANCEL_04, close, "canceled");
        action.expectClosed(DDI_CANCEL_04);
        ActionState state = action.state();
        CheckContext check = device.check();
        check.require(DDI_CANCEL_04, state.status().equals("canceled"), "the action closed as canceled", state::toString, null);
        StateChecks.expectNotInstalled(device, action, DDI_CANCEL_04);
        Exchange late = device.postFeedback(action.id(), Feedback.of(PROCEEDING, NONE));
        check.refused(DDI_STATE_12, late, "a 4xx status for deployment feedback on a cancelled action", s -> s >= 400 && s < 500, 410);
    }

}

package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.*;
import static org.ddict.ddi.Feedback.Finished.*;
import static org.ddict.operator.AssignMode.DOWNLOAD_ONLY;
import static org.ddict.operator.AssignMode.SOFT;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.operator.ActionState;
import org.ddict.operator.Capability;
import org.ddict.operator.ControllerInfo;
import org.ddict.operator.StatusEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Deployment feedback {@code POST {base}/deploymentBase/{A}/feedback} and the status the server records (§1.8). */
@DdiChecks
@DisplayName("STATE — deployment feedback and state mapping")
class StateChecks {

    @Test
    @Requirement(DDI_STATE_01)
    void closedSuccessFinishesTheAction(Device device) {
        closesSuccessfully(device, SUCCESS, DDI_STATE_01);
    }

    @Test
    @Requirement(DDI_STATE_02)
    void closedNoneIsTreatedAsSuccess(Device device) {
        closesSuccessfully(device, NONE, DDI_STATE_02);
    }

    @Test
    @Requirement(DDI_STATE_03)
    void closedFailureFailsTheAction(Device device) {
        Action action = device.openAction(SOFT);
        Feedback failure = Feedback.of(CLOSED, FAILURE);
        device.sendFeedback(DDI_STATE_03, action, failure);
        action.expectRecorded(DDI_STATE_03, failure, "error");
        action.expectClosed(DDI_STATE_03);
        expectNotInstalled(device, action, DDI_STATE_03);
    }

    @Test
    @Requirement(DDI_STATE_04)
    void proceedingIsRecordedAsRunningAndKeepsTheActionOpen(Device device) {
        Action action = staysOpen(device, PROCEEDING, DDI_STATE_04, "running");
        device.sendFeedback(action, Feedback.of(PROCEEDING, NONE));
    }

    @Test
    @Requirement(DDI_STATE_05)
    void scheduledIsRecordedAsRunningAndKeepsTheActionOpen(Device device) {
        staysOpen(device, SCHEDULED, DDI_STATE_05, "running");
    }

    @Test
    @Requirement(DDI_STATE_06)
    void resumedIsRecordedAsRunningAndKeepsTheActionOpen(Device device) {
        staysOpen(device, RESUMED, DDI_STATE_06, "running");
    }

    @Test
    @Requirement(DDI_STATE_07)
    void downloadIsRecordedAsDownloadAndKeepsTheActionOpen(Device device) {
        staysOpen(device, DOWNLOAD, DDI_STATE_07, "download");
    }

    @Test
    @Requirement(DDI_STATE_08)
    void downloadedIsRecordedAsDownloadedAndKeepsAnUpdateOpen(Device device) {
        Action action = staysOpen(device, DOWNLOADED, DDI_STATE_08, "downloaded");
        closeSuccessfully(device, action);
    }

    @Test
    @Requirement(DDI_STATE_09)
    @RequiresFeature(Feature.DLONLY)
    void downloadedCompletesADownloadOnlyAction(Device device) {
        Action action = device.openAction(DOWNLOAD_ONLY);
        device.sendFeedback(action, Feedback.of(DOWNLOAD, NONE));
        Feedback downloaded = Feedback.of(DOWNLOADED, NONE);
        device.sendFeedback(DDI_STATE_09, action, downloaded);
        action.expectRecorded(DDI_STATE_09, downloaded, "downloaded");
        action.expectClosed(DDI_STATE_09);
        expectNotInstalled(device, action, DDI_STATE_09);
        Exchange late = device.postFeedback(action.id(), Feedback.of(CLOSED, SUCCESS));
        device.check().refused(DDI_STATE_12, late, "a 4xx status for feedback on a closed action", s -> s >= 400 && s < 500, 410);
    }

    @Test
    @Requirement(DDI_STATE_10)
    void rejectedIsRecordedAsWarningAndKeepsTheActionOpen(Device device) {
        Action action = staysOpen(device, REJECTED, DDI_STATE_10, "warning");
        closeSuccessfully(device, action);
    }

    @Test
    @Requirement(DDI_STATE_11)
    void canceledOnTheDeploymentChannelIsRecordedAsCanceledNotError(Device device) {
        Action action = device.openAction(SOFT);
        Feedback canceled = Feedback.of(CANCELED, NONE);
        device.sendFeedback(DDI_STATE_11, action, canceled);
        action.expectRecorded(DDI_STATE_11, canceled, "canceled");
        ActionState state = action.state();
        device.check().require(DDI_STATE_11, !state.status().equals("error"), "the action not failed (status ≠ error)",
                state::toString, null);
    }

    @Test
    @Requirement(DDI_STATE_12)
    void refusesFeedbackOnAFailedAction(Device device) {
        Action action = device.openAction(SOFT);
        device.sendFeedback(action, Feedback.of(CLOSED, FAILURE));
        action.expectClosed(DDI_STATE_03);
        refusesLateFeedback(device, action);
        expectNotInstalled(device, action, DDI_STATE_03);
    }

    @Test
    @Requirement(DDI_STATE_12)
    void refusesFeedbackOnAFinishedAction(Device device) {
        Action action = device.openAction(SOFT);
        closeSuccessfully(device, action);
        refusesLateFeedback(device, action);
    }

    @Test
    @Requirement(DDI_STATE_12)
    void refusesFeedbackOnACancelledAction(Device device) {
        Action action = CancelChecks.cancelling(device);
        CancelChecks.confirmCancellation(device, action);
        refusesLateFeedback(device, action);
    }

    @Test
    @Requirement(DDI_STATE_13)
    void answersAcceptedFeedbackWithSuccess(Device device) {
        Action action = device.openAction(SOFT);
        Exchange answer = device.sendFeedback(action, Feedback.of(PROCEEDING, NONE));
        device.check().should(DDI_STATE_13, answer.status() == 200, "HTTP 200", () -> "HTTP " + answer.status(), answer);
    }

    @Test
    @Requirement(DDI_STATE_14)
    void storesDetailsAsMessagesInOrder(Device device) {
        Action action = device.openAction(SOFT);
        Feedback feedback = Feedback.of(PROCEEDING, NONE).details("first detail line", "second detail line");
        device.sendFeedback(action, feedback);
        StatusEntry entry = action.recorded(feedback);
        List<String> messages = entry.messages();
        int first = messages.indexOf("first detail line");
        int second = messages.indexOf("second detail line");
        device.check().require(DDI_STATE_14, first >= 0 && second > first,
                "the details stored verbatim and in order as messages", entry::toString, null);
    }

    @Test
    @Requirement(DDI_STATE_16)
    void acceptsFeedbackWithAndWithoutProgress(Device device) {
        Action action = device.openAction(SOFT);
        Feedback withProgress = Feedback.of(PROCEEDING, NONE).progress(2, 5);
        device.sendFeedback(DDI_STATE_16, action, withProgress);
        action.expectRecorded(DDI_STATE_04, withProgress, "running");
        Feedback without = Feedback.of(PROCEEDING, NONE);
        device.sendFeedback(DDI_STATE_16, action, without);
        action.expectRecorded(DDI_STATE_04, without, "running");
    }

    @Test
    @Requirement(DDI_STATE_17)
    void acceptsFeedbackWithAndWithoutTimestamp(Device device) {
        Action action = device.openAction(SOFT);
        Feedback stamped = Feedback.of(PROCEEDING, NONE).timestamp(System.currentTimeMillis());
        device.sendFeedback(DDI_STATE_17, action, stamped);
        action.expectRecorded(DDI_STATE_04, stamped, "running");
        device.sendFeedback(DDI_STATE_17, action, Feedback.of(PROCEEDING, NONE));
    }

    @Test
    @Requirement(DDI_STATE_15)
    void storesTheStatusCodeWithTheEntry(Device device) {
        Action action = device.openAction(SOFT);
        Feedback coded = Feedback.of(PROCEEDING, NONE).code(42);
        device.sendFeedback(action, coded);
        StatusEntry entry = action.recorded(coded);
        device.check().should(DDI_STATE_15, entry.code().map(c -> c == 42).orElse(false), "the status entry stored with code 42",
                entry::toString, null);
    }

    @Test
    @Requirement(DDI_STATE_18)
    @RequiresCapability(Capability.MIGRATION_STEP)
    void offersTheNextOpenActionAfterTheCurrentOneCloses(Device device) {
        CheckContext check = device.check();
        Action first = device.assign(Software.standard(device).asMigrationStep(), SOFT);
        Action second = device.assign(Software.standard(device), SOFT);
        ControllerBase poll = device.poll();
        boolean firstOffered = offersDeployment(poll, first);
        check.should(DDI_STATE_18, firstOffered, "deploymentBase for the older action " + first.id() + " (equal weights)",
                poll::describeLinks, poll.exchange());
        if (!firstOffered) {
            return;
        }
        closeSuccessfully(device, first);
        ControllerBase next = device.poll();
        boolean secondOffered = offersDeployment(next, second);
        check.should(DDI_STATE_18, secondOffered, "deploymentBase for the next open action " + second.id(),
                next::describeLinks, next.exchange());
        if (!secondOffered) {
            return;
        }
        closeSuccessfully(device, second);
        ControllerBase idle = device.poll();
        check.should(DDI_STATE_18, idle.actionLinks().isEmpty(), "no action link once both actions are closed",
                idle::describeLinks, idle.exchange());
    }

    @Test
    @Requirement(DDI_STATE_19)
    @RequiresCapability(Capability.TARGET_STATE)
    void targetStateFollowsTheAction(Device device) {
        Action action = device.openAction(SOFT);
        expectTargetState(device, "pending");
        closeSuccessfully(device, action);
        expectTargetState(device, "in_sync");
        Device failing = device.check().newDevice();
        Action failed = failing.openAction(SOFT);
        failing.sendFeedback(DDI_STATE_03, failed, Feedback.of(CLOSED, FAILURE));
        expectTargetState(failing, "error");
    }

    @Test
    @Requirement(DDI_STATE_20)
    void storesNothingForFeedbackRefusedWith429(Device device) {
        // 60 details exceed hawkBit's 50 messages per entry (observed §O); a server without that quota may store them
        Action action = device.openAction(SOFT);
        Feedback many = Feedback.of(PROCEEDING, NONE)
                .details(IntStream.range(0, 60).mapToObj(i -> "ddict quota line " + i).toArray(String[]::new));
        Exchange answer = device.postFeedback(action.id(), many);
        CheckContext check = device.check();
        check.refused(DDI_STATE_20, answer, "no 5xx for feedback with 60 details", s -> true, null);
        if (answer.status() == 429) {
            check.should(DDI_STATE_20, !action.hasEntryFor(many), "nothing stored for the feedback refused with 429",
                    () -> "an entry carries its marker " + many.marker(), answer);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    private static boolean offersDeployment(ControllerBase poll, Action action) {
        return poll.link("deploymentBase").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false);
    }

    /** The back office's state word of the controller becomes {@code expected} (DDI-STATE-19, a SHOULD). */
    private static void expectTargetState(Device device, String expected) {
        CheckContext check = device.check();
        Duration bound = check.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? check.timeout() : Duration.ofSeconds(5);
        Optional<ControllerInfo> info = check.await(() -> check.run().operator().controller(device.controllerId()),
                i -> i.map(c -> c.state().equals(expected)).orElse(false), bound);
        check.should(DDI_STATE_19, info != null && info.map(c -> c.state().equals(expected)).orElse(false),
                "target state " + expected, () -> String.valueOf(info), null);
    }

    private static void closesSuccessfully(Device device, org.ddict.ddi.Feedback.Finished finished, Req req) {
        Action action = device.openAction(SOFT);
        Feedback close = Feedback.of(CLOSED, finished);
        device.sendFeedback(req, action, close);
        action.expectRecorded(req, close, "finished");
        action.expectClosed(req);
        expectInstalled(device, action, req);
    }

    /** Sends {@code execution}/none, which must be recorded as {@code type} and leave the action open. */
    private static Action staysOpen(Device device, Feedback.Execution execution, Req req, String type) {
        Action action = device.openAction(SOFT);
        Feedback feedback = Feedback.of(execution, NONE);
        device.sendFeedback(req, action, feedback);
        action.expectRecorded(req, feedback, type);
        action.expectOpen(req);
        return action;
    }

    /** The device finishes the action with closed/success; the action must close (DDI-STATE-01). */
    static void closeSuccessfully(Device device, Action action) {
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        device.sendFeedback(action, close);
        action.expectRecorded(DDI_STATE_01, close, "finished");
        action.expectClosed(DDI_STATE_01);
    }

    /** Feedback on a closed action: 4xx (410 preferred), no new status entry, the action unchanged. */
    private static void refusesLateFeedback(Device device, Action action) {
        CheckContext check = device.check();
        ActionState before = action.state();
        Feedback late = Feedback.of(CLOSED, SUCCESS);
        Exchange answer = device.postFeedback(action.id(), late);
        check.refused(DDI_STATE_12, answer, "a 4xx status for feedback on a closed action", s -> s >= 400 && s < 500, 410);
        check.require(DDI_STATE_12, !action.hasEntryFor(late), "no status entry recorded for the refused feedback",
                () -> "an entry carries its marker " + late.marker(), answer);
        ActionState after = action.state();
        check.require(DDI_STATE_12, !after.active() && after.status().equals(before.status()),
                "the action unchanged (" + before + ")", after::toString, answer);
    }

    /** With Opt:INSTALLED the poll offers installedBase for the action that finished successfully. */
    static void expectInstalled(Device device, Action action, Req req) {
        if (!device.check().run().offers(Feature.INSTALLED)) {
            return;
        }
        ControllerBase poll = device.poll();
        device.check().require(req, poll.link("installedBase").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                "installedBase offered for action " + action.id(), poll::describeLinks, poll.exchange());
    }

    /** installedBase, if offered, does not name an action that did not install anything. */
    static void expectNotInstalled(Device device, Action action, Req req) {
        ControllerBase poll = device.poll();
        device.check().require(req, poll.link("installedBase").map(l -> l.actionId().orElse(-1) != action.id()).orElse(true),
                "no installedBase for action " + action.id(), poll::describeLinks, poll.exchange());
    }
}

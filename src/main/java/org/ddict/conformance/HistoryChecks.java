package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Execution.PROCEEDING;
import static org.ddict.ddi.Feedback.Execution.SCHEDULED;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.ArrayList;
import java.util.List;

import org.ddict.catalogue.Feature;
import org.ddict.catalogue.Req;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.Link;
import org.ddict.schema.DdiDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** {@code ?actionHistory=N} on {@code GET {base}/deploymentBase/{A}} and {@code GET {base}/installedBase/{A}} (catalogue §2.6). */
@DdiChecks
@DisplayName("HISTORY — actionHistory on deployment-shaped resources")
class HistoryChecks {

    @Test
    @Requirement(DDI_HISTORY_01)
    @RequiresFeature(Feature.HISTORY)
    void omitsTheDeviceMessagesUnlessAsked(Device device) {
        Reported r = reported(device);
        for (String query : new String[] {"", "actionHistory=0", "actionHistory", "actionHistory="}) {
            List<String> messages = messages(device, DDI_HISTORY_01, r.action, query);
            device.check().require(DDI_HISTORY_01, index(messages, r.h1) < 0 && index(messages, r.h2) < 0,
                    "no device messages for ?" + query, messages::toString, null);
        }
    }

    @Test
    @Requirement(DDI_HISTORY_02)
    @RequiresFeature(Feature.HISTORY)
    void returnsTheNMostRecentDeviceMessagesNewestFirst(Device device) {
        CheckContext check = device.check();
        Reported r = reported(device);
        JsonNode history = history(device, DDI_HISTORY_02, r.action, "actionHistory=2");
        List<String> messages = texts(history);
        check.require(DDI_HISTORY_02, history.path("status").isString() && !history.path("status").asString().isEmpty(),
                "actionHistory.status with the action's status", history::toString, null);
        check.require(DDI_HISTORY_02, messages.size() <= 2, "at most 2 messages", messages::toString, null);
        check.require(DDI_HISTORY_02, index(messages, r.h2) >= 0, "the newest device message " + r.h2, messages::toString, null);
        if (r.distinct) {
            check.require(DDI_HISTORY_02, index(messages, r.h1) > index(messages, r.h2),
                    "the older message " + r.h1 + " after the newer " + r.h2, messages::toString, null);
        }
    }

    @Test
    @Requirement(DDI_HISTORY_03)
    @RequiresFeature(Feature.HISTORY)
    void returnsEveryDeviceMessageForANegativeCount(Device device) {
        Reported r = reported(device);
        List<String> messages = texts(history(device, DDI_HISTORY_03, r.action, "actionHistory=-1"));
        device.check().require(DDI_HISTORY_03, index(messages, r.h1) >= 0 && index(messages, r.h2) >= 0,
                "both device messages " + r.h1 + " and " + r.h2, messages::toString, null);
    }

    @Test
    @Requirement(DDI_HISTORY_04)
    @RequiresFeature(Feature.HISTORY)
    void returnsDeviceMessagesVerbatim(Device device) {
        Reported r = reported(device);
        Feedback detailed = Feedback.of(PROCEEDING, NONE).details("installing part 3/5: ok, 42% done");
        device.sendFeedback(r.action, detailed);
        List<String> messages = texts(history(device, DDI_HISTORY_04, r.action, "actionHistory=10"));
        List<String> expected = new ArrayList<>(List.of(r.h1, r.h2));
        expected.addAll(detailed.details());
        device.check().require(DDI_HISTORY_04, messages.containsAll(expected), "each of " + expected + " as one exact message",
                messages::toString, null);
    }

    @Test
    @Requirement(DDI_HISTORY_05)
    @RequiresFeature({Feature.HISTORY, Feature.INSTALLED})
    void honoursTheParameterOnTheInstalledDocument(Device device) {
        Reported r = reported(device);
        Feedback h3 = Feedback.of(CLOSED, SUCCESS);
        device.sendFeedback(DDI_STATE_01, r.action, h3);
        r.action.expectClosed(DDI_STATE_01);
        JsonNode installed = InstalledBaseChecks.installedDocument(device, DDI_INSTALLED_01, r.action.id(), "actionHistory=2");
        List<String> messages = texts(installed.path("actionHistory"));
        device.check().require(DDI_HISTORY_05, index(messages, h3.marker()) >= 0 && index(messages, r.h2) >= 0,
                "the device messages " + h3.marker() + " and " + r.h2, () -> installed.path("actionHistory").toString(), null);
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    /** Area default: an open action with h1 ({@code scheduled}) and h2 ({@code proceeding}) reported, in this order. */
    private record Reported(Action action, String h1, String h2, boolean distinct) {
    }

    private static Reported reported(Device device) {
        CheckContext check = device.check();
        Action action = device.openAction(SOFT);
        Feedback h1 = Feedback.of(SCHEDULED, NONE);
        device.sendFeedback(action, h1);
        long t1 = action.recorded(h1).reportedAt();
        // the ordering assertions need entries of different server milliseconds
        check.await(System::currentTimeMillis, now -> now > t1 + 1, check.timeout());
        Feedback h2 = Feedback.of(PROCEEDING, NONE);
        device.sendFeedback(action, h2);
        long t2 = action.recorded(h2).reportedAt();
        // a server that loses the details cannot return them: that is DDI-STATE-14, not a history failure
        check.require(DDI_STATE_14, action.hasEntryFor(h1) && action.hasEntryFor(h2), "the details " + h1.marker() + " and "
                + h2.marker() + " stored as messages", () -> action.history().toString(), null);
        return new Reported(action, h1.marker(), h2.marker(), t1 != t2);
    }

    /** GET deploymentBase/{A} (the offered link) with {@code query} appended: 200, a valid deployment document. */
    private static JsonNode deployment(Device device, Req req, Action action, String query) {
        Link link = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        if (!query.isEmpty()) {
            link = new Link(link.rel(), link.href() + (link.href().contains("?") ? "&" : "?") + query);
        }
        Exchange e = device.send(device.follow("GET", link));
        device.check().require(e.is5xx() ? DDI_ERROR_10 : req, e.status() == 200, "HTTP 200 with the deployment", e::describe, e);
        return device.document(e, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_02);
    }

    private static JsonNode history(Device device, Req req, Action action, String query) {
        JsonNode doc = deployment(device, req, action, query);
        device.check().require(req, doc.path("actionHistory").isObject(), "an actionHistory object for ?" + query,
                doc::toString, null);
        return doc.path("actionHistory");
    }

    private static List<String> messages(Device device, Req req, Action action, String query) {
        return texts(deployment(device, req, action, query).path("actionHistory"));
    }

    private static List<String> texts(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.path("messages").forEach(m -> out.add(m.asString("")));
        return out;
    }

    /** Index of the first message that contains {@code marker}, or -1. */
    private static int index(List<String> messages, String marker) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }
}

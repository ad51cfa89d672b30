package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Execution.DOWNLOADED;
import static org.ddict.ddi.Feedback.Finished.FAILURE;
import static org.ddict.ddi.Feedback.Finished.NONE;
import static org.ddict.operator.AssignMode.DOWNLOAD_ONLY;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.Set;
import java.util.TreeSet;

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
import org.ddict.ddi.Link;
import org.ddict.operator.Capability;
import org.ddict.operator.SoftwareSet;
import org.ddict.schema.DdiDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The last installed action {@code GET {base}/installedBase/{A}} and the device-declared version {@code PUT {base}/installedBase}. */
@DdiChecks
@DisplayName("INSTALLED — the last installed action")
class InstalledBaseChecks {

    @Test
    @Requirement(DDI_SCHEMA_04)
    @RequiresFeature(Feature.INSTALLED)
    void servesTheInstalledDocumentInTheDeploymentShape(Device device) {
        Action action = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, action);
        installedDocument(device, DDI_INSTALLED_01, action.id());
    }

    @Test
    @Requirement(DDI_INSTALLED_01)
    @RequiresFeature(Feature.INSTALLED)
    void offersTheSuccessfulActionAsInstalledWithItsDeployment(Device device) {
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        StateChecks.closeSuccessfully(device, action);
        JsonNode installed = installedDocument(device, DDI_INSTALLED_01, action.id());
        CheckContext check = device.check();
        check.require(DDI_INSTALLED_01, installed.path("id").asString("").equals(Long.toString(action.id())),
                "installed document id \"" + action.id() + "\"", () -> "id " + installed.path("id"), null);
        Set<String> expected = chunks(deployment);
        Set<String> received = chunks(installed);
        check.require(DDI_INSTALLED_01, received.equals(expected), "the chunks of the deployment " + expected,
                received::toString, null);
    }

    @Test
    @Requirement(DDI_INSTALLED_02)
    @RequiresFeature(Feature.INSTALLED)
    void refusesTheInstalledDocumentOfOpenCancelledAndUnknownActions(Device device) {
        Action action = device.openAction(SOFT);
        device.expectNotFound(DDI_INSTALLED_02, "/installedBase/" + action.id(), "action " + action.id() + " is still open");
        action.requestCancel();
        CancelChecks.confirmCancellation(device, action);
        device.expectNotFound(DDI_INSTALLED_02, "/installedBase/" + action.id(), "action " + action.id() + " was cancelled");
        // an id that names no action at all is DDI-ERROR-08's subject
        device.expectNotFound(DDI_ERROR_08, "/installedBase/" + UNKNOWN_ID, "action " + UNKNOWN_ID + " does not exist");
    }

    @Test
    @Requirement(DDI_INSTALLED_03)
    @RequiresFeature(Feature.INSTALLED)
    void movesTheLinkToTheLatestSuccessAndKeepsOlderOnesReadable(Device device) {
        CheckContext check = device.check();
        Action first = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, first);
        Action second = device.assign(Software.standard(device), SOFT);
        ControllerBase poll = device.poll();
        check.require(DDI_INSTALLED_03, names(poll, "installedBase", first.id()) && names(poll, "deploymentBase", second.id()),
                "installedBase for action " + first.id() + " next to deploymentBase for action " + second.id(),
                poll::describeLinks, poll.exchange());
        device.deployment(second.id());
        StateChecks.closeSuccessfully(device, second);
        ControllerBase after = device.poll();
        check.require(DDI_INSTALLED_03, names(after, "installedBase", second.id()), "installedBase for action " + second.id(),
                after::describeLinks, after.exchange());
        Exchange older = device.send(device.call("GET", "/installedBase/" + first.id()));
        check.require(DDI_INSTALLED_03, older.status() == 200, "HTTP 200 for the older installed action " + first.id(),
                older::describe, older);
        device.document(older, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_04);
    }

    @Test
    @Requirement(DDI_INSTALLED_04)
    @RequiresFeature(Feature.INSTALLED)
    void offersNoInstalledLinkForAFailedAction(Device device) {
        Action action = device.openAction(SOFT);
        Feedback failure = Feedback.of(CLOSED, FAILURE);
        device.sendFeedback(DDI_STATE_03, action, failure);
        action.expectRecorded(DDI_STATE_03, failure, "error");
        action.expectClosed(DDI_STATE_03);
        expectNoInstalledLink(device);
    }

    @Test
    @Requirement(DDI_INSTALLED_04)
    @RequiresFeature({Feature.INSTALLED, Feature.DLONLY})
    void offersNoInstalledLinkForADownloadOnlyAction(Device device) {
        Action action = device.openAction(DOWNLOAD_ONLY);
        Feedback downloaded = Feedback.of(DOWNLOADED, NONE);
        device.sendFeedback(DDI_STATE_09, action, downloaded);
        action.expectClosed(DDI_STATE_09);
        expectNoInstalledLink(device);
    }

    @Test
    @Requirement(DDI_INSTALLED_05)
    @RequiresFeature(Feature.INSTALLED)
    @RequiresCapability(Capability.OFFLINE_ASSIGN)
    void offersAnOfflineAssignmentAsInstalledWithoutDeviceWork(Device device) {
        CheckContext check = device.check();
        SoftwareSet set = check.run().operator().createSoftware(Software.standard(device));
        check.run().operator().assignOffline(device.controllerId(), set);
        ControllerBase poll = device.poll();
        check.require(DDI_INSTALLED_05, poll.link("installedBase").isPresent() && poll.link("deploymentBase").isEmpty(),
                "installedBase and no deploymentBase after the offline assignment", poll::describeLinks, poll.exchange());
        expectInstalledSet(device, DDI_INSTALLED_05, poll, set);
    }

    @Test
    @Requirement(DDI_INSTALLED_06)
    @RequiresFeature(Feature.OFFLINE)
    void recordsTheVersionTheDeviceDeclares(Device device) {
        CheckContext check = device.check();
        SoftwareSet set = check.run().operator().createSoftware(Software.standard(device));
        Exchange first = putVersion(device, set.name(), set.version());
        check.require(first.is5xx() ? DDI_ERROR_10 : DDI_INSTALLED_06, first.is2xx(), "HTTP 201 (or 200) for a known set",
                first::describe, first);
        check.should(DDI_INSTALLED_06, first.status() == 201, "HTTP 201", () -> "HTTP " + first.status(), first);
        Exchange again = putVersion(device, set.name(), set.version());
        check.require(again.is5xx() ? DDI_ERROR_10 : DDI_INSTALLED_06, again.is2xx(), "HTTP 200 for the repeated declaration",
                again::describe, again);
        Exchange unknown = putVersion(device, set.name(), "9.9.9-ddict-unknown");
        check.refused(DDI_INSTALLED_06, unknown, "HTTP 404 for an unknown name/version", s -> s == 404, null);
        if (check.run().offers(Feature.INSTALLED)) {
            ControllerBase poll = device.poll();
            expectInstalledSet(device, DDI_INSTALLED_06, poll, set);
        }
    }

    @Test
    @Requirement(DDI_INSTALLED_07)
    @RequiresFeature(Feature.INSTALLED)
    void answersOnlyGetOnTheInstalledDocument(Device device) {
        Action action = device.openAction(SOFT);
        StateChecks.closeSuccessfully(device, action);
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            var call = device.call(method, "/installedBase/" + action.id());
            Exchange e = device.send(method.equals("DELETE") ? call : call.body("application/json", "{}"));
            device.check().refused(DDI_INSTALLED_07, e, "HTTP 405 for " + method + " on installedBase/" + action.id(),
                    s -> s == 405, null);
        }
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    private static final long UNKNOWN_ID = 987_654_321L;

    /**
     * The poll offers installedBase for {@code actionId} ({@code req} charged otherwise); following it answers 200 with a
     * document of the deployment-base shape (DDI-SCHEMA-04).
     */
    static JsonNode installedDocument(Device device, Req req, long actionId) {
        return installedDocument(device, req, actionId, "");
    }

    /** As {@link #installedDocument(Device, Req, long)}, with {@code query} (e.g. {@code actionHistory=2}) appended. */
    static JsonNode installedDocument(Device device, Req req, long actionId, String query) {
        ControllerBase poll = device.poll();
        Link link = poll.link("installedBase").filter(l -> l.actionId().orElse(-1) == actionId)
                .orElseThrow(() -> device.check().fail(req, "the poll offers installedBase for action " + actionId,
                        poll.describeLinks(), poll.exchange()));
        if (!query.isEmpty()) {
            link = new Link(link.rel(), link.href() + (link.href().contains("?") ? "&" : "?") + query);
        }
        Exchange e = device.send(device.follow("GET", link));
        device.check().require(req, e.status() == 200, "HTTP 200 with the installed action " + actionId, e::describe, e);
        return device.document(e, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_04);
    }

    private static void expectNoInstalledLink(Device device) {
        ControllerBase poll = device.poll();
        device.check().require(DDI_INSTALLED_04, poll.link("installedBase").isEmpty(), "no installedBase link",
                poll::describeLinks, poll.exchange());
    }

    /** The installedBase the poll offers answers 200 and delivers the modules of {@code set}. */
    private static void expectInstalledSet(Device device, Req req, ControllerBase poll, SoftwareSet set) {
        CheckContext check = device.check();
        Link link = poll.link("installedBase").orElseThrow(() -> check.fail(req, "the poll offers installedBase",
                poll.describeLinks(), poll.exchange()));
        Exchange e = device.send(device.follow("GET", link));
        check.require(req, e.status() == 200, "HTTP 200 with the installed action", e::describe, e);
        JsonNode doc = device.document(e, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_04);
        Set<String> names = new TreeSet<>();
        doc.path("deployment").path("chunks").forEach(c -> names.add(c.path("name").asString("") + ":" + c.path("version").asString("")));
        Set<String> expected = new TreeSet<>();
        set.modules().forEach(m -> expected.add(m.name() + ":" + m.version()));
        check.require(req, names.equals(expected), "the installed chunks " + expected, names::toString, e);
    }

    private static Exchange putVersion(Device device, String name, String version) {
        return device.send(device.call("PUT", "/installedBase").body("application/json",
                "{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}"));
    }

    private static boolean names(ControllerBase poll, String rel, long actionId) {
        return poll.link(rel).map(l -> l.actionId().orElse(-1) == actionId).orElse(false);
    }

    /** Chunks as comparable text: part, name, version and each artifact's file name, size and hashes. */
    private static Set<String> chunks(JsonNode document) {
        Set<String> out = new TreeSet<>();
        for (JsonNode c : document.path("deployment").path("chunks")) {
            StringBuilder b = new StringBuilder(c.path("part").asString("") + "/" + c.path("name").asString("") + "/"
                    + c.path("version").asString("") + " [");
            Set<String> artifacts = new TreeSet<>();
            c.path("artifacts").forEach(a -> artifacts.add(a.path("filename").asString("") + " " + a.path("size").asLong(-1)
                    + " " + a.path("hashes").path("sha1").asString("")));
            out.add(b.append(String.join(", ", artifacts)).append("]").toString());
        }
        return out;
    }
}

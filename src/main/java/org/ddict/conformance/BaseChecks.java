package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ddict.catalogue.Feature;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.Cbor;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.ddict.operator.Assignment;
import org.ddict.operator.Capability;
import org.ddict.operator.ControllerInfo;
import org.ddict.operator.MaintenanceWindow;
import org.ddict.operator.StatusEntry;
import org.ddict.schema.DdiDocument;
import org.ddict.schema.SchemaViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The controller base {@code GET {ddi}/{tenant}/controller/v1/{controllerId}}: polling configuration and links. */
@DdiChecks
@DisplayName("BASE — controller base resource and polling")
class BaseChecks {

    private static final Pattern SLEEP = Pattern.compile("^[0-9]{2}:[0-5][0-9]:[0-5][0-9]$");

    @Test
    @Requirement(DDI_BASE_01)
    void answersEveryPollWithTheControllerBase(Device device) {
        device.poll();
        ControllerBase again = device.poll(DDI_BASE_01);
        device.check().require(DDI_BASE_01, again.json().path("config").path("polling").path("sleep").isString(),
                "config.polling.sleep as a string", () -> again.json().toString(), again.exchange());
    }

    @Test
    @Requirement(DDI_BASE_02)
    void servesJsonMediaTypesAndNegotiatesThem(Device device) {
        Action action = device.openAction(SOFT);
        CheckContext check = device.check();
        Link deployment = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        for (HttpCall resource : List.of(device.call("GET", ""), device.follow("GET", deployment))) {
            Exchange none = device.send(resource.withoutHeader("Accept"));
            check.require(DDI_BASE_02, none.status() == 200 && none.mediaType().equals("application/hal+json"),
                    "HTTP 200 application/hal+json without Accept", none::describe, none);
            Exchange hal = device.send(resource.header("Accept", "application/hal+json"));
            check.require(DDI_BASE_02, hal.status() == 200 && hal.mediaType().equals("application/hal+json"),
                    "HTTP 200 application/hal+json for Accept: application/hal+json", hal::describe, hal);
            Exchange json = device.send(resource.header("Accept", "application/json"));
            check.require(DDI_BASE_02, json.status() == 200 && (json.mediaType().equals("application/json")
                    || json.mediaType().equals("application/hal+json")),
                    "HTTP 200 application/json (or hal+json) for Accept: application/json", json::describe, json);
            Exchange atom = device.send(resource.header("Accept", "application/atom+xml"));
            check.should(DDI_BASE_02, atom.status() == 406, "HTTP 406 for Accept: application/atom+xml",
                    () -> "HTTP " + atom.status(), atom);
        }
    }

    @Test
    @Requirement(DDI_BASE_03)
    void offersNoActionLinkToAnIdleController(Device device) {
        ControllerBase poll = device.poll();
        device.check().require(DDI_BASE_03, poll.actionLinks().isEmpty(),
                "none of deploymentBase, cancelAction, confirmationBase", poll::describeLinks, poll.exchange());
    }

    @Test
    @Requirement(DDI_BASE_04)
    void offersDeploymentBaseForAnOpenAction(Device device) {
        Action action = device.assign(Software.standard(device), SOFT);
        ControllerBase poll = device.poll();
        CheckContext check = device.check();
        Link link = poll.link("deploymentBase").orElseThrow(() -> check.fail(DDI_BASE_04,
                "a deploymentBase link for action " + action.id(), poll.describeLinks(), poll.exchange()));
        check.require(DDI_BASE_04, link.actionId().orElse(-1) == action.id(), "the link's last path segment is " + action.id(),
                link::href, poll.exchange());
        String suffix = "/" + device.tenant() + "/controller/v1/" + device.controllerId() + "/deploymentBase/" + action.id();
        check.require(DDI_BASE_04, link.path(device.base()).endsWith(suffix), "the href path ends with " + suffix, link::href,
                poll.exchange());
        device.deployment(action.id());
    }

    @Test
    @Requirement(DDI_BASE_05)
    void offersOneActionAtATimeAndTheCancellationFirst(Device device) {
        Action first = device.openAction(SOFT);
        Action second = device.assign(Software.standard(device), SOFT);
        ControllerBase poll = device.poll();
        CheckContext check = device.check();
        check.require(DDI_BASE_05, poll.actionLinks().size() <= 1, "at most one action link", poll::describeLinks, poll.exchange());
        boolean cancelFirst = poll.link("cancelAction").map(l -> l.actionId().orElse(-1) == first.id()).orElse(false);
        check.should(DDI_BASE_05, cancelFirst, "cancelAction for the superseded action " + first.id() + " first",
                poll::describeLinks, poll.exchange());
        if (!cancelFirst) {
            return;
        }
        Feedback close = Feedback.of(CLOSED, SUCCESS);
        Exchange answer = device.postCancelFeedback(first.id(), close);
        check.should(DDI_BASE_05, answer.is2xx(), "the cancellation of the superseded action accepted", answer::describe, answer);
        ControllerBase next = device.poll();
        check.require(DDI_BASE_05, next.actionLinks().size() <= 1, "at most one action link", next::describeLinks, next.exchange());
        check.should(DDI_BASE_05, next.link("deploymentBase").map(l -> l.actionId().orElse(-1) == second.id()).orElse(false),
                "deploymentBase for the new action " + second.id() + " once the old one is cancelled", next::describeLinks,
                next.exchange());
    }

    @Test
    @Requirement(DDI_BASE_06)
    void linksNameTheControllerExactly(CheckContext check) {
        Device device = check.device(check.run().config().runPrefix() + "-DdiCt-Case-Mix-" + org.ddict.config.RunPrefix.random(6));
        Action action = device.openAction(SOFT);
        ControllerBase poll = device.poll();
        String prefix = "/" + device.tenant() + "/controller/v1/" + device.controllerId() + "/";
        for (Link link : poll.links()) {
            expectNamesController(check, device, link, prefix, poll.exchange());
        }
        JsonNode deployment = device.deployment(action.id());
        for (JsonNode chunk : deployment.path("deployment").path("chunks")) {
            for (JsonNode artifact : chunk.path("artifacts")) {
                artifact.path("_links").properties().forEach(e -> expectNamesController(check, device,
                        new Link(e.getKey(), e.getValue().path("href").asString("")), prefix, poll.exchange()));
            }
        }
    }

    private static void expectNamesController(CheckContext check, Device device, Link link, String prefix, Exchange evidence) {
        check.require(DDI_BASE_06, device.controllerId().equals(link.controllerSegment(device.base()))
                && link.path(device.base()).contains(prefix),
                link.rel() + " href containing " + prefix + " (controllerId byte for byte)", link::href, evidence);
    }

    @Test
    @Requirement(DDI_BASE_09)
    void rendersTheSleepAsHoursMinutesSeconds(Device device) {
        ControllerBase idle = device.poll();
        device.openAction(SOFT);
        ControllerBase busy = device.poll();
        for (ControllerBase poll : List.of(idle, busy)) {
            device.check().require(DDI_BASE_09, SLEEP.matcher(poll.sleep()).matches(), "config.polling.sleep as HH:MM:SS",
                    () -> poll.json().path("config").toString(), poll.exchange());
        }
    }

    @Test
    @Requirement(DDI_BASE_12)
    void refusesOtherMethodsOnTheControllerBase(Device device) {
        ControllerBase before = device.poll();
        CheckContext check = device.check();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpCall call = device.call(method, "");
            Exchange e = device.send(method.equals("DELETE") ? call : call.body("application/json", "{}"));
            check.refused(DDI_BASE_12, e, "HTTP 405 for " + method + " on the controller base", s -> s == 405, null);
        }
        ControllerBase after = device.poll();
        check.require(DDI_BASE_12, rels(after).equals(rels(before)), "the poll unchanged (" + before.describeLinks() + ")",
                after::describeLinks, after.exchange());
    }

    @Test
    @Requirement(DDI_BASE_13)
    void pollingDoesNotChangeTheAction(Device device) {
        Action action = device.openAction(SOFT);
        CheckContext check = device.check();
        List<StatusEntry> before = action.history();
        for (int i = 0; i < 5; i++) {
            ControllerBase poll = device.poll();
            check.require(DDI_BASE_13, poll.link("deploymentBase").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                    "every poll offers deploymentBase for action " + action.id(), poll::describeLinks, poll.exchange());
        }
        List<StatusEntry> after = action.history();
        check.require(DDI_BASE_13, ids(after).equals(ids(before)), "the status history unchanged by polling: " + before,
                after::toString, null);
        check.require(DDI_BASE_13, action.state().active(), "the action still open", () -> action.state().toString(), null);
    }

    @Test
    @Requirement(DDI_BASE_07)
    void answersTheDeploymentHrefWithAndWithoutItsQuery(Device device) {
        Action action = device.assign(Software.standard(device), SOFT);
        CheckContext check = device.check();
        Link offered = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        JsonNode asOffered = deploymentAt(device, device.follow("GET", offered), "the href as offered");
        JsonNode withoutQuery = deploymentAt(device, device.call("GET", "/deploymentBase/" + action.id()), "the path without query");
        check.require(DDI_BASE_07, asOffered.path("id").equals(withoutQuery.path("id"))
                && chunkSet(asOffered).equals(chunkSet(withoutQuery)),
                "the same id and chunks with and without the query: " + asOffered.path("id") + " " + asOffered.path("deployment").path("chunks"),
                () -> withoutQuery.path("id") + " " + withoutQuery.path("deployment").path("chunks"), null);
    }

    @Test
    @Requirement(DDI_BASE_07)
    @RequiresCapability(Capability.FORCE_SWITCH)
    void changesTheCacheKeyWhenTheActionTurnsForced(Device device) {
        Action action = device.openAction(SOFT);
        CheckContext check = device.check();
        device.deployment(action.id());
        // taken after the first retrieval, which may itself change c (hawkBit: the action becomes RETRIEVED)
        Link before = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        check.run().operator().switchToForced(device.controllerId(), action.id());
        Link after = device.actionLink(DDI_BASE_04, "deploymentBase", action.id());
        check.should(DDI_BASE_07, !after.href().equals(before.href()), "a deploymentBase href (c) other than " + before.href()
                + " after the switch to forced", after::href, null);
        JsonNode d = deploymentAt(device, device.follow("GET", after), "the href after the switch to forced").path("deployment");
        check.require(DDI_BASE_07, d.path("download").asString("").equals("forced") && d.path("update").asString("").equals("forced"),
                "download \"forced\" and update \"forced\" after the switch to forced", d::toString, null);
    }

    @Test
    @Requirement(DDI_BASE_08)
    @RequiresFeature(Feature.ETAG)
    void answersAnUnchangedPollWithNotModified(Device device) {
        CheckContext check = device.check();
        ControllerBase first = device.poll();
        String etag = first.exchange().header("ETag").orElse(null);
        check.require(DDI_BASE_08, etag != null, "an ETag header on the poll", () -> "none", first.exchange());
        Exchange unchanged = device.send(device.call("GET", "").header("If-None-Match", etag));
        check.require(DDI_BASE_08, unchanged.status() == 304 && !unchanged.hasBody(),
                "HTTP 304 without a body for If-None-Match: " + etag, unchanged::describe, unchanged);
        Action action = device.assign(Software.standard(device), SOFT);
        Exchange changed = device.send(device.call("GET", "").header("If-None-Match", etag));
        check.require(DDI_BASE_08, changed.status() == 200, "HTTP 200 for the old ETag after a new assignment", changed::describe,
                changed);
        ControllerBase poll = new ControllerBase(changed, device.document(changed, DdiDocument.CONTROLLER_BASE, DDI_SCHEMA_01));
        check.require(DDI_BASE_04, poll.link("deploymentBase").map(l -> l.actionId().orElse(-1) == action.id()).orElse(false),
                "deploymentBase for the new action " + action.id(), poll::describeLinks, changed);
        check.require(DDI_BASE_08, !etag.equals(changed.header("ETag").orElse(etag)), "an ETag other than " + etag,
                () -> changed.header("ETag").orElse("(none)"), changed);
    }

    @Test
    @Requirement(DDI_BASE_11)
    @RequiresFeature(Feature.MW)
    void keepsTheSleepWithinTheIntervalWhileAWindowIsAwaited(Device device) {
        CheckContext check = device.check();
        ControllerBase idle = device.poll();
        long actionId = DeployChecks.assign(device, Software.standard(device),
                Assignment.of(FORCED).withMaintenanceWindow(MaintenanceWindow.later()));
        ControllerBase waiting = device.poll();
        check.require(DDI_BASE_04, waiting.offersAction(actionId), "an action link for action " + actionId,
                waiting::describeLinks, waiting.exchange());
        Duration configured = seconds(idle.sleep());
        Duration sleep = seconds(waiting.sleep());
        check.require(DDI_BASE_11, configured != null && sleep != null && sleep.compareTo(configured) <= 0,
                "a sleep of at most the configured interval " + idle.sleep() + " while the window is awaited", waiting::sleep,
                waiting.exchange());
    }

    @Test
    @Requirement(DDI_BASE_14)
    @RequiresFeature(Feature.CBOR)
    void servesThePollAsCbor(Device device) {
        CheckContext check = device.check();
        Action action = device.assign(Software.standard(device), SOFT);
        Exchange e = device.send(device.call("GET", "").header("Accept", "application/cbor"));
        check.require(DDI_BASE_14, e.status() == 200 && e.mediaType().equals("application/cbor"),
                "HTTP 200 application/cbor for Accept: application/cbor", e::describe, e);
        JsonNode poll;
        try {
            poll = Cbor.decode(e.bytes());
        } catch (IllegalArgumentException x) {
            throw check.fail(DDI_BASE_14, "a well-formed CBOR body", x.getMessage(), e);
        }
        List<SchemaViolation> violations = check.run().schemas().validate(DdiDocument.CONTROLLER_BASE, poll.toString());
        check.require(DDI_BASE_14, violations.isEmpty(), "the decoded body valid against the controller-base schema",
                () -> violations.stream().map(SchemaViolation::describe).collect(Collectors.joining("; ")), e);
        check.require(DDI_BASE_14, poll.path("config").path("polling").path("sleep").isString(), "config.polling.sleep",
                poll::toString, e);
        String href = cborLink(poll, "deploymentBase");
        check.require(DDI_BASE_14, href != null && new Link("deploymentBase", href).actionId().orElse(-1) == action.id(),
                "a deploymentBase link (_links or links array) for action " + action.id(), poll::toString, e);
    }

    @Test
    @Requirement(DDI_BASE_15)
    @RequiresCapability(Capability.TARGET_STATE)
    void showsTheFirstContactToTheBackOffice(Device device) {
        CheckContext check = device.check();
        device.poll();
        Optional<ControllerInfo> seen = check.await(() -> check.run().operator().controller(device.controllerId()),
                c -> c.isPresent() && c.get().state().equals("registered") && c.get().lastRequestAt().isPresent(),
                Duration.ofSeconds(15));
        check.require(DDI_BASE_15, seen != null && seen.isPresent() && seen.get().state().equals("registered")
                && seen.get().lastRequestAt().isPresent(), "state registered and a last-request time within 15 s of the first poll",
                () -> String.valueOf(seen), null);
    }

    /** A JSON deployment document at {@code call}; anything but 200 breaks DDI-BASE-07. */
    private static JsonNode deploymentAt(Device device, HttpCall call, String what) {
        Exchange e = device.send(call);
        device.check().refused(DDI_BASE_07, e, "HTTP 200 for " + what, s -> s == 200, null);
        return device.document(e, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_02);
    }

    private static Set<JsonNode> chunkSet(JsonNode deployment) {
        Set<JsonNode> chunks = new java.util.HashSet<>();
        deployment.path("deployment").path("chunks").forEach(chunks::add);
        return chunks;
    }

    /** {@code HH:MM:SS} as a duration, or null when the text is not in that form (DDI-BASE-09 judges the form). */
    static Duration seconds(String hms) {
        if (!SLEEP.matcher(hms).matches()) {
            return null;
        }
        String[] p = hms.split(":");
        return Duration.ofSeconds(Long.parseLong(p[0]) * 3600 + Long.parseLong(p[1]) * 60 + Long.parseLong(p[2]));
    }

    /** The href of {@code rel} as {@code _links.<rel>.href} or as the element of a {@code links} array (CBOR rendering). */
    private static String cborLink(JsonNode poll, String rel) {
        JsonNode hal = poll.path("_links").path(rel).path("href");
        if (hal.isString()) {
            return hal.asString();
        }
        for (JsonNode l : poll.path("links")) {
            if (l.path("rel").asString("").equals(rel) && l.path("href").isString()) {
                return l.path("href").asString();
            }
        }
        return null;
    }

    private static Set<String> rels(ControllerBase poll) {
        return poll.links().stream().map(Link::rel).collect(Collectors.toSet());
    }

    private static List<Long> ids(List<StatusEntry> history) {
        return history.stream().map(StatusEntry::id).toList();
    }

}

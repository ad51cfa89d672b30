package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.SOFT;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.ddict.operator.StatusEntry;
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

    private static Set<String> rels(ControllerBase poll) {
        return poll.links().stream().map(Link::rel).collect(Collectors.toSet());
    }

    private static List<Long> ids(List<StatusEntry> history) {
        return history.stream().map(StatusEntry::id).toList();
    }

}

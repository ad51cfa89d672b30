package org.ddict.ddi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** A validated controller-base document (the poll answer) and the exchange it came from. */
public record ControllerBase(Exchange exchange, JsonNode json) {

    /** The rels that name the controller's current action; at most one may be offered. */
    public static final Set<String> ACTION_RELS = Set.of("deploymentBase", "cancelAction", "confirmationBase");

    public Optional<Link> link(String rel) {
        JsonNode l = json.path("_links").path(rel);
        if (l.isArray()) {
            l = l.path(0);
        }
        return l.isObject() && l.path("href").isString() ? Optional.of(new Link(rel, l.path("href").asString())) : Optional.empty();
    }

    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        json.path("_links").propertyNames().forEach(rel -> link(rel).ifPresent(links::add));
        return links;
    }

    public List<Link> actionLinks() {
        return links().stream().filter(l -> ACTION_RELS.contains(l.rel())).toList();
    }

    /** True when some action link (deploymentBase, cancelAction, confirmationBase) names action {@code id}. */
    public boolean offersAction(long id) {
        return actionLinks().stream().anyMatch(l -> l.actionId().orElse(-1) == id);
    }

    public String sleep() {
        return json.path("config").path("polling").path("sleep").asString("");
    }

    /** The rels offered, for evidence: {@code [deploymentBase → …/deploymentBase/7?c=1, configData → …]}. */
    public String describeLinks() {
        List<String> parts = links().stream().map(l -> l.rel() + " → " + l.href()).toList();
        return parts.isEmpty() ? "no links" : parts.toString();
    }
}

package org.ddict.conformance.support;

import static org.ddict.catalogue.Req.*;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Req;
import org.ddict.config.Secret;
import org.ddict.ddi.ControllerBase;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.ddict.operator.AssignMode;
import org.ddict.operator.ControllerRegistration;
import org.ddict.operator.SoftwareSet;
import org.ddict.schema.DdiDocument;
import org.ddict.schema.SchemaViolation;

import tools.jackson.databind.JsonNode;

/**
 * The device side of the protocol for one controller (DdiClient): its own credentials and base URL
 * {@code {ddi}/{tenant}/controller/v1/{controllerId}}; every JSON body it reads is validated against its schema first.
 */
public final class Device {

    private final CheckContext check;
    private final String controllerId;
    private final String authorization;
    private final boolean preRegistered;
    private final boolean ownToken;
    private boolean polled;

    private Device(CheckContext check, String controllerId, String authorization, boolean preRegistered, boolean ownToken) {
        this.check = check;
        this.controllerId = controllerId;
        this.authorization = authorization;
        this.preRegistered = preRegistered;
        this.ownToken = ownToken;
    }

    static Device registered(CheckContext check, ControllerRegistration registration) {
        return new Device(check, registration.controllerId(), "TargetToken " + registration.token().reveal(), true, true);
    }

    /** The same controller seen with other credentials ({@code null}: none at all). */
    public Device withAuthorization(String authorizationHeader) {
        return new Device(check, controllerId, authorizationHeader, preRegistered, false);
    }

    /** A controller the back office does not know, authenticated with the gateway token (plug-and-play). */
    public static Device unregistered(CheckContext check, String controllerId, Secret gatewayToken) {
        return new Device(check, controllerId, "GatewayToken " + gatewayToken.reveal(), false, false);
    }

    /** A controller nobody registered, with the given credentials ({@code null}: none); the server must refuse it. */
    public static Device unknown(CheckContext check, String controllerId, String authorizationHeader) {
        return new Device(check, controllerId, authorizationHeader, false, false);
    }

    /** The same credentials on another controller's path (never registered by this device). */
    public Device as(String otherControllerId) {
        return new Device(check, otherControllerId, authorization, false, false);
    }

    /** The Authorization header this device sends (for probes that borrow it; never printed). */
    public String authorization() {
        return authorization;
    }

    public String controllerId() {
        return controllerId;
    }

    public CheckContext check() {
        return check;
    }

    public String tenant() {
        return check.run().config().tenant();
    }

    /** {@code {ddi}/{tenant}/controller/v1/{controllerId}} (ids outside the portable alphabet must come encoded). */
    public URI base() {
        return URI.create(check.run().config().ddiUrl() + "/" + tenant() + "/controller/v1/" + controllerId);
    }

    /** A request on a path below the controller base ({@code ""} is the base itself), with this device's credentials. */
    public HttpCall call(String method, String relativePath) {
        return authorize(HttpCall.of(method, URI.create(base() + relativePath)));
    }

    /** A request to a link exactly as the server sent it (resolved against the base when relative). */
    public HttpCall follow(String method, Link link) {
        return authorize(HttpCall.of(method, base().resolve(link.href())));
    }

    private HttpCall authorize(HttpCall call) {
        HttpCall c = call.header("Accept", "application/hal+json");
        return authorization == null ? c : c.header("Authorization", authorization);
    }

    /**
     * Sends a request. A 401/403 answer to a request that carries this controller's own target token on its own path
     * breaks DDI-AUTH-02, whatever else the request tests: the server refused a valid credential.
     */
    public Exchange send(HttpCall call) {
        Exchange e = check.run().http().send(call);
        if ((e.status() == 401 || e.status() == 403) && ownToken && authorization.equals(call.headerValue("Authorization"))
                && onOwnPath(call)) {
            throw new ConformanceFailure(DDI_AUTH_02, "the controller's own target token accepted", "HTTP " + e.status(), e);
        }
        return e;
    }

    private boolean onOwnPath(HttpCall call) {
        String path = call.url().getRawPath();
        String own = base().getRawPath();
        return path.equals(own) || path.startsWith(own + "/");
    }

    // ---- the poll --------------------------------------------------------------------------------------------

    /** V-POLL: the controller base, validated. A non-200 first poll of a pre-registered controller breaks DDI-CTRLID-03. */
    public ControllerBase poll() {
        return poll(null);
    }

    /** V-POLL, charging a failure to {@code req} instead of the default requirement. */
    public ControllerBase poll(Req req) {
        Exchange e = send(call("GET", ""));
        Req charged = req != null ? req : (!polled && preRegistered ? DDI_CTRLID_03 : DDI_BASE_01);
        polled = true;
        check.require(charged, e.status() == 200, "HTTP 200 with the controller base", e::describe, e);
        return new ControllerBase(e, document(e, DdiDocument.CONTROLLER_BASE, DDI_SCHEMA_01));
    }

    /** The action link of the current poll, which must name {@code actionId}; {@code req} is charged otherwise. */
    public Link actionLink(Req req, String rel, long actionId) {
        ControllerBase base = poll();
        return base.link(rel).filter(l -> l.actionId().orElse(-1) == actionId)
                .orElseThrow(() -> new ConformanceFailure(req, "the poll offers " + rel + " for action " + actionId,
                        base.describeLinks(), base.exchange()));
    }

    // ---- documents --------------------------------------------------------------------------------------------

    /**
     * Validates a 200 JSON body against its schema before anything reads it. A violation is charged to the
     * requirement it breaks: sleep format → DDI-BASE-09, two action links → DDI-BASE-05, wrong JSON type →
     * DDI-SCHEMA-09, wrong letter case → DDI-SCHEMA-08, anything else → the document's own requirement.
     */
    public JsonNode document(Exchange e, DdiDocument document, Req documentReq) {
        check.require(DDI_BASE_02, e.isJsonMediaType(), "a JSON media type (application/hal+json or application/json)",
                () -> "Content-Type: " + e.header("Content-Type").orElse("(none)"), e);
        List<SchemaViolation> violations = check.run().schemas().validate(document, e.text());
        if (!violations.isEmpty()) {
            Set<Req> charged = EnumSet.noneOf(Req.class);
            violations.forEach(v -> charged.add(switch (v.kind()) {
                case SLEEP_FORMAT -> DDI_BASE_09;
                case AT_MOST_ONE_ACTION_LINK -> DDI_BASE_05;
                case TYPE -> DDI_SCHEMA_09;
                case WRONG_CASE -> DDI_SCHEMA_08;
                default -> documentReq;
            }));
            throw new ConformanceFailure(charged, "a body valid against " + document.fileName(),
                    violations.stream().map(SchemaViolation::describe).collect(Collectors.joining("; ")), e);
        }
        return e.json();
    }

    /** GET of a JSON resource below the base that must answer 200; validated against {@code document}. */
    public JsonNode getDocument(Req req, String relativePath, DdiDocument document, Req documentReq) {
        Exchange e = send(call("GET", relativePath));
        check.require(req, e.status() == 200, "HTTP 200", e::describe, e);
        return document(e, document, documentReq);
    }

    /** {@code GET deploymentBase/{A}} following the link the poll offered for A (BASE-04 charged when missing). */
    public JsonNode deployment(long actionId) {
        Link link = actionLink(DDI_BASE_04, "deploymentBase", actionId);
        Exchange e = send(follow("GET", link));
        check.require(DDI_BASE_04, e.status() == 200, "HTTP 200 with the deployment of action " + actionId, e::describe, e);
        JsonNode json = document(e, DdiDocument.DEPLOYMENT_BASE, DDI_SCHEMA_02);
        check.require(DDI_BASE_04, json.path("id").asString("").equals(Long.toString(actionId)),
                "deployment id \"" + actionId + "\"", () -> "id " + json.path("id"), e);
        return json;
    }

    /** {@code GET} of a path below the base that the server must answer with 404 (a 5xx breaks DDI-ERROR-10). */
    public Exchange expectNotFound(Req req, String relativePath, String why) {
        Exchange e = send(call("GET", relativePath));
        check.refused(req, e, "HTTP 404: " + why, s -> s == 404, null);
        return e;
    }

    // ---- feedback ---------------------------------------------------------------------------------------------

    public Exchange postFeedback(long actionId, Feedback feedback) {
        return send(call("POST", "/deploymentBase/" + actionId + "/feedback").body("application/json", feedback.json()));
    }

    public Exchange postCancelFeedback(long actionId, Feedback feedback) {
        return send(call("POST", "/cancelAction/" + actionId + "/feedback").body("application/json", feedback.json()));
    }

    /** Deployment feedback the server must accept: 2xx (DDI-STATE-13), ideally with an empty body. */
    public Exchange sendFeedback(Action action, Feedback feedback) {
        return sendFeedback(DDI_STATE_13, action, feedback);
    }

    /**
     * Deployment feedback the server must accept. A refusal (any non-2xx but a 5xx) is charged to {@code req}, the
     * requirement that says this feedback is accepted; a 5xx answer to valid feedback breaks DDI-STATE-13.
     */
    public Exchange sendFeedback(Req req, Action action, Feedback feedback) {
        Exchange e = postFeedback(action.id(), feedback);
        check.require(e.is5xx() ? DDI_STATE_13 : req, e.is2xx(), "HTTP 2xx (the feedback is accepted)", e::describe, e);
        check.should(DDI_STATE_13, !e.hasBody(), "an empty body", e::text, e);
        return e;
    }

    /** Cancel-channel feedback the server must accept, charged to {@code req} otherwise. */
    public Exchange sendCancelFeedback(Req req, Action action, Feedback feedback) {
        Exchange e = postCancelFeedback(action.id(), feedback);
        check.require(req, e.is2xx(), "HTTP 2xx (the feedback is accepted)", e::describe, e);
        return e;
    }

    // ---- arranging --------------------------------------------------------------------------------------------

    /** A new distribution set (one os module with one artifact) assigned in {@code mode}; the device has polled it. */
    public Action openAction(AssignMode mode) {
        Action action = assign(Software.standard(this), mode);
        actionLink(DDI_BASE_04, "deploymentBase", action.id());
        return action;
    }

    /** Creates the software and assigns it with all options (force time, window, consent); nothing is polled. */
    public Action assign(org.ddict.operator.SoftwareSpec spec, org.ddict.operator.Assignment assignment) {
        SoftwareSet set = check.run().operator().createSoftware(spec);
        long id = check.run().operator().assign(controllerId, set, assignment);
        return new Action(this, id, set);
    }

    /** Creates the software and assigns it; nothing is polled. */
    public Action assign(org.ddict.operator.SoftwareSpec spec, AssignMode mode) {
        SoftwareSet set = check.run().operator().createSoftware(spec);
        long id = check.run().operator().assign(controllerId, set, mode);
        return new Action(this, id, set);
    }
}

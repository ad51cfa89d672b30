package org.ddict.reference;

import static org.ddict.reference.Http.halt;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.Artifact;
import org.ddict.reference.Store.Module;
import org.ddict.reference.Store.Target;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consent flow as hawkBit 1.1.0 runs it (catalogue §2.12, observed §R): the tenant switch
 * {@code user.confirmation.flow.enabled}, actions in WAIT_FOR_CONFIRMATION, the DDI {@code confirmationBase} resources
 * and the Management API's confirmation and auto-confirmation calls.
 */
final class ConfirmationSupport {
    static final String FLOW = "user.confirmation.flow.enabled";
    static final String WAITING = "wait_for_confirmation";
    private static final String NO_REMARK = "Initiated using the Device Direct Integration API without providing a remark.";

    private ConfirmationSupport() {
    }

    /** A target's auto-confirmation, while active. */
    record AutoConfirm(String initiator, String remark, long activatedAt, String activatedBy) {
    }

    /** What the DDI handler lends for one request below {@code confirmationBase}. */
    record Call(Request req, Target target, List<String> rest, String base, Function<Action, String> actionHref,
                LongFunction<Action> action, Supplier<String> contentType, Supplier<JsonNode> body) {
    }

    static boolean waiting(Action a) {
        return a.active && WAITING.equals(a.status);
    }

    static boolean flowEnabled(Store store) {
        return store.config.bool(FLOW);
    }

    /** After R-ASSIGN created {@code a}: waits for consent when the flow is on and consent is required. */
    static void assigned(Store store, Action a, JsonNode request) {
        if (!flowEnabled(store)) {
            return;
        }
        JsonNode required = request.get("confirmationRequired");
        if (required != null && !required.isNull() && !required.asBoolean(true)) {
            return;
        }
        AutoConfirm auto = a.target.autoConfirm;
        Store.StatusEntry first = a.latest();
        if (auto != null) {
            first.messages.add(autoMessage(auto));
            return;
        }
        a.status = WAITING;
        first.type = WAITING;
        first.messages.add("Waiting for the confirmation by the device before processing with the deployment");
    }

    private static String autoMessage(AutoConfirm auto) {
        return "Assignment automatically confirmed by initiator '" + (auto.initiator() == null ? "" : auto.initiator())
                + "'. \n\nAuto confirmation activated by system user: '" + auto.activatedBy() + "' \n\nRemark: "
                + auto.remark();
    }

    // ---------------------------------------------------------------- DDI

    static Response handle(Store store, Call c) {
        List<String> r = c.rest();
        String m = c.req().method();
        if (r.size() == 1) {
            if (!m.equals("GET")) {
                throw Http.methodNotAllowed(c.req(), "GET");
            }
            return base(store, c);
        }
        if (r.size() == 2 && (r.get(1).equals("activateAutoConfirm") || r.get(1).equals("deactivateAutoConfirm"))) {
            if (!m.equals("POST")) {
                throw Http.methodNotAllowed(c.req(), "POST");
            }
            if (r.get(1).equals("activateAutoConfirm")) {
                String initiator = null;
                String remark = null;
                if (c.req().body().length > 0) {
                    JsonNode body = c.body().get();
                    initiator = text(body.get("initiator"));
                    remark = text(body.get("remark"));
                }
                activate(store, c.target(), initiator, remark, "CONTROLLER_PLUG_AND_PLAY");
            } else {
                deactivate(store, c.target());
            }
            return Response.empty(200);
        }
        if (r.size() == 2) {
            if (!m.equals("GET")) {
                throw Http.methodNotAllowed(c.req(), "GET");
            }
            String contentType = c.contentType().get();
            Action a = c.action().apply(actionId(r.get(1)));
            boolean served = waiting(a);
            if (store.has(Defect.CONSENT_DOCUMENT_WITHOUT_FLOW) && !flowEnabled(store) && a.active) {
                served = true;
            }
            if (!served) {
                return Response.empty(404);
            }
            return Response.json(200, document(store, c, a), contentType);
        }
        if (r.size() == 3 && r.get(2).equals("feedback")) {
            if (!m.equals("POST")) {
                throw Http.methodNotAllowed(c.req(), "POST");
            }
            Action a = c.action().apply(actionId(r.get(1)));
            return feedback(store, a, c.body().get());
        }
        throw Http.springError(404, "Not Found", c.req());
    }

    private static long actionId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Http.notReadable();
        }
    }

    private static Response base(Store store, Call c) {
        String contentType = c.contentType().get();
        Target t = c.target();
        AutoConfirm auto = t.autoConfirm;
        ObjectNode body = Json.obj();
        if (!store.has(Defect.CONFIRMATION_BASE_WITHOUT_AUTO_CONFIRM)) {
            ObjectNode state = body.putObject("autoConfirm").put("active", auto != null);
            if (auto != null) {
                if (auto.initiator() != null) {
                    state.put("initiator", auto.initiator());
                }
                state.put("remark", auto.remark());
            }
            state.put("activatedAt", auto == null ? 0 : auto.activatedAt());
        }
        ObjectNode links = body.putObject("_links");
        String self = c.base() + "/confirmationBase/";
        if (auto == null) {
            links.set("activateAutoConfirm", Json.link(self + "activateAutoConfirm"));
        } else {
            links.set("deactivateAutoConfirm", Json.link(self + "deactivateAutoConfirm"));
        }
        Action current = store.currentAction(t);
        if (current != null && waiting(current) && !store.has(Defect.CONFIRMATION_BASE_OMITS_ACTION_LINK)) {
            links.set("confirmationBase", Json.link(c.actionHref().apply(current)));
        }
        return Response.json(200, body, contentType);
    }

    /** The consent document: the deployment of {@code a} under {@code confirmation} (no RETRIEVED entry is recorded). */
    private static ObjectNode document(Store store, Call c, Action a) {
        long id = store.has(Defect.CONSENT_DOCUMENT_WRONG_ID) ? a.id + 1000 : a.id;
        ObjectNode body = Json.obj().put("id", Long.toString(id));
        ObjectNode dep = body.putObject("confirmation");
        String mode = switch (a.forceType) {
            case "soft" -> "attempt";
            case "timeforced" -> a.forceTimeReached() ? "forced" : "attempt";
            default -> "forced";
        };
        dep.put("download", mode);
        dep.put("update", "downloadonly".equals(a.forceType) ? "skip" : mode);
        if (store.has(Defect.CONSENT_DOCUMENT_WITHOUT_CHUNKS)) {
            return body;
        }
        ArrayNode chunks = dep.putArray("chunks");
        for (Module m : a.ds.modules) {
            ObjectNode chunk = chunks.addObject();
            chunk.put("part", switch (m.type.key) {
                case "application" -> "bApp";
                case "runtime" -> "jvm";
                default -> m.type.key;
            });
            chunk.put("version", m.version);
            chunk.put("name", m.name);
            ArrayNode arts = chunk.putArray("artifacts");
            for (Artifact f : m.artifacts) {
                ObjectNode o = arts.addObject().put("filename", f.filename());
                o.putObject("hashes").put("sha1", f.sha1()).put("md5", f.md5()).put("sha256", f.sha256());
                o.put("size", f.bytes().length);
                String href = c.base() + "/softwaremodules/" + m.id + "/artifacts/"
                        + URLEncoder.encode(f.filename(), StandardCharsets.UTF_8);
                ObjectNode links = o.putObject("_links");
                links.set("download-http", Json.link(href));
                links.set("md5sum-http", Json.link(href + ".MD5SUM"));
            }
        }
        return body;
    }

    private static Response feedback(Store store, Action a, JsonNode body) {
        if (!body.isObject()) {
            throw Http.notReadable();
        }
        String confirmation = text(body.get("confirmation"));
        if (store.has(Defect.CONFIRMATION_UNKNOWN_VALUE_ACCEPTED)
                && (confirmation == null || !List.of("confirmed", "denied").contains(confirmation))) {
            confirmation = "confirmed";
        }
        if (confirmation == null || !List.of("confirmed", "denied").contains(confirmation)) {
            throw Http.notReadable();
        }
        Integer code = null;
        JsonNode codeNode = body.get("code");
        if (codeNode != null && !codeNode.isNull()) {
            if (!codeNode.isIntegralNumber() || !codeNode.canConvertToInt()) {
                throw Http.notReadable();
            }
            code = codeNode.asInt();
        }
        List<String> messages = new ArrayList<>();
        JsonNode details = body.get("details");
        if (details != null && details.isArray()) {
            details.forEach(d -> messages.add(d.isNull() ? null : d.asString()));
        } else if (details != null && details.isValueNode() && !details.isNull()) {
            messages.add(details.asString());
        }
        if (!a.active) {
            if (store.has(Defect.CONFIRMATION_FEEDBACK_ON_CLOSED_ACCEPTED)) {
                return Response.empty(200);
            }
            return Response.empty(410);
        }
        boolean strandedByFlowOff = store.has(Defect.FLOW_OFF_STRANDS_WAITING) && !flowEnabled(store);
        if (confirmation.equals("confirmed")) {
            if (!waiting(a) || strandedByFlowOff) {
                return Response.empty(404);
            }
            messages.add("Update Server: Target confirmed action. Therefore, it will be set to the running state to proceed"
                    + " with the deployment.");
            addCode(messages, code);
            store.addStatus(a, "running", messages, null, code);
            if (!store.has(Defect.CONFIRMED_KEEPS_WAITING)) {
                a.status = "running";
            }
        } else if (waiting(a)) {
            if (strandedByFlowOff) {
                return Response.empty(404);
            }
            messages.add("Update Server: Target rejected action. Action will stay in confirmation pending state.");
            addCode(messages, code);
            store.addStatus(a, WAITING, messages, null, code);
            if (store.has(Defect.DENIED_CLOSES_ACTION)) {
                a.active = false;
                a.status = "canceled";
            }
        } else {
            // revoking an earlier consent: only while the flow is on and the action is not being cancelled
            if (a.canceling() || !flowEnabled(store) || store.has(Defect.DENIED_AFTER_CONSENT_REFUSED)) {
                return Response.empty(404);
            }
            messages.add("Update Server: Target revoked its confirmation. Action will wait for confirmation again.");
            addCode(messages, code);
            store.addStatus(a, WAITING, messages, null, code);
            a.status = WAITING;
        }
        if (code != null) {
            a.lastStatusCode = code;
        }
        a.touch();
        return Response.empty(200);
    }

    private static void addCode(List<String> messages, Integer code) {
        if (code != null) {
            messages.add("Confirmation status code: " + code);
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }

    // ---------------------------------------------------------------- auto-confirmation (DDI and Management API)

    static void activate(Store store, Target t, String initiator, String remark, String by) {
        if (t.autoConfirm != null && !store.has(Defect.AUTO_CONFIRM_ACTIVATED_TWICE)) {
            throw halt(Response.error(409, "hawkbit.server.error.repo.autoConfAlreadyActive",
                    "org.eclipse.hawkbit.repository.exception.AutoConfirmationAlreadyActiveException",
                    "Auto confirmation is already active for device " + t.controllerId));
        }
        AutoConfirm auto = new AutoConfirm(initiator, remark == null ? NO_REMARK : remark, System.currentTimeMillis(), by);
        t.autoConfirm = auto;
        if (store.has(Defect.AUTO_CONFIRM_IGNORED)) {
            return;
        }
        for (Action a : store.actionsOf(t)) {
            if (waiting(a)) {
                store.addStatus(a, "running", List.of(autoMessage(auto)), null, null);
                a.status = "running";
            }
        }
    }

    static void deactivate(Store store, Target t) {
        if (!store.has(Defect.DEACTIVATE_AUTO_CONFIRM_IGNORED)) {
            t.autoConfirm = null;
        }
    }

    /** {@code /rest/v1/targets/{C}/autoConfirm[/activate|/deactivate]}. */
    static Response mgmtAutoConfirm(Store store, Request req, Target t, List<String> s, String user) {
        String m = req.method();
        if (s.size() == 3 && m.equals("GET")) {
            AutoConfirm auto = t.autoConfirm;
            ObjectNode o = Json.obj().put("active", auto != null);
            if (auto != null) {
                if (auto.initiator() != null) {
                    o.put("initiator", auto.initiator());
                }
                o.put("remark", auto.remark()).put("activatedAt", auto.activatedAt());
            }
            return Response.hal(200, o);
        }
        if (s.size() == 4 && m.equals("POST") && s.get(3).equals("activate")) {
            String initiator = null;
            String remark = null;
            if (req.body().length > 0) {
                JsonNode body = mgmtJson(req);
                initiator = text(body.get("initiator"));
                remark = text(body.get("remark"));
            }
            activate(store, t, initiator, remark, user);
            return Response.empty(204);
        }
        if (s.size() == 4 && m.equals("POST") && s.get(3).equals("deactivate")) {
            t.autoConfirm = null;
            return Response.empty(204);
        }
        throw Http.springError(404, "Not Found", req);
    }

    /** {@code PUT /rest/v1/targets/{C}/actions/{A}/confirmation}: 204, 410 when closed, 404 when not awaiting consent. */
    static Response mgmtConfirmation(Store store, Request req, Action a) {
        if (!req.method().equals("PUT")) {
            throw Http.methodNotAllowed(req, "PUT");
        }
        JsonNode body = mgmtJson(req);
        String confirmation = text(body.get("confirmation"));
        if (!"confirmed".equals(confirmation) && !"denied".equals(confirmation)) {
            throw Http.notReadable();
        }
        if (!a.active) {
            return Response.empty(410);
        }
        if (!waiting(a)) {
            return Response.empty(404);
        }
        if (confirmation.equals("confirmed")) {
            store.addStatus(a, "running", List.of("Update Server: Action confirmed by user '" + store.options.mgmtUser()
                    + "'. Therefore, it will be set to the running state to proceed with the deployment."), null, null);
            a.status = "running";
        } else {
            store.addStatus(a, WAITING, List.of("Update Server: Action rejected by user '" + store.options.mgmtUser()
                    + "'. Action will stay in confirmation pending state."), null, null);
        }
        a.touch();
        return Response.empty(204);
    }

    private static JsonNode mgmtJson(Request req) {
        try {
            return Json.parse(req.body());
        } catch (Json.MalformedJson e) {
            throw Http.notReadable();
        }
    }

    /** With the {@code cancel-keeps-consent-link} defect: an action cancelled while it awaited consent. */
    static boolean cancelledWhileWaiting(Action a) {
        return a.canceling() && a.statuses.stream().anyMatch(s -> WAITING.equals(s.type))
                && a.statuses.stream().noneMatch(s -> "running".equals(s.type));
    }
}

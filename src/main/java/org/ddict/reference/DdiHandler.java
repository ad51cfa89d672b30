package org.ddict.reference;

import static org.ddict.reference.Http.halt;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.Artifact;
import org.ddict.reference.Store.DistSet;
import org.ddict.reference.Store.Module;
import org.ddict.reference.Store.Target;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** DDI resources below {@code /{tenant}/controller/v1/{controllerId}}. */
final class DdiHandler {
    private static final Set<String> EXECUTIONS =
            Set.of("closed", "proceeding", "canceled", "scheduled", "rejected", "resumed", "downloaded", "download");
    private static final Set<String> FINISHED = Set.of("success", "failure", "none");
    private static final String PLUG_AND_PLAY = "CONTROLLER_PLUG_AND_PLAY";

    private final Store store;

    DdiHandler(Store store) {
        this.store = store;
    }

    /** Per-request context: path pieces, the authenticated target and how it authenticated. */
    private static final class Ctx {
        Request req;
        String tenant;
        String pathId;
        Target target;
        List<String> rest;
        boolean byTargetToken;
    }

    Response handle(Request req) {
        List<String> segs = req.segments();
        Ctx c = new Ctx();
        c.req = req;
        c.tenant = segs.get(0);
        c.pathId = segs.get(3);
        c.rest = segs.subList(4, segs.size());
        if (!c.tenant.equalsIgnoreCase(store.options.tenant()) && !store.has(Defect.TENANT_IGNORED)) {
            return Response.empty(401);
        }
        validateControllerId(c.pathId);
        String lookupId = c.pathId;
        if (store.has(Defect.CONTROLLER_ID_DOT_SUFFIX) && lookupId.indexOf('.') > 0) {
            lookupId = lookupId.substring(0, lookupId.indexOf('.'));
        }
        if (store.has(Defect.PATH_NORMALISED_AFTER_AUTH)) {
            lookupId = lookupId.split("[/\\\\;]", 2)[0];
        }
        authenticate(c, lookupId);
        if (store.has(Defect.PATH_NORMALISED_AFTER_AUTH) && c.target != null) {
            normaliseAfterAuthentication(c);
        }
        if (c.target == null) {
            boolean poll = c.rest.isEmpty() && req.method().equals("GET");
            boolean register = poll && !store.has(Defect.NO_PLUG_AND_PLAY);
            if (!c.rest.isEmpty() && store.has(Defect.SUBRESOURCE_REGISTERS)) {
                register = true;
            }
            if (register) {
                c.target = plugAndPlay(lookupId);
            } else if (poll) {
                return Response.empty(404);
            } else {
                throw Http.notFound("Target", lookupId, "Target with given identifier {" + lookupId + "} does not exist.");
            }
        }
        return route(c);
    }

    /** Defect PATH_NORMALISED_AFTER_AUTH: resolves the decoded path's dot segments and serves whatever it names. */
    private void normaliseAfterAuthentication(Ctx c) {
        List<String> resolved = new ArrayList<>();
        for (String seg : c.req.segments().subList(3, c.req.segments().size())) {
            for (String part : seg.replace('\\', '/').split("/", -1)) {
                if (part.equals("..")) {
                    if (!resolved.isEmpty()) {
                        resolved.remove(resolved.size() - 1);
                    }
                } else if (!part.equals(".")) {
                    resolved.add(part);
                }
            }
        }
        List<String> asSent = new ArrayList<>();
        asSent.add(c.pathId);
        asSent.addAll(c.rest);
        if (resolved.isEmpty() || resolved.equals(asSent)) {
            return;
        }
        c.pathId = resolved.get(0);
        c.rest = resolved.subList(1, resolved.size());
        c.target = store.findTarget(c.pathId, true);
        if (c.target == null) {
            throw halt(Response.empty(404));
        }
    }

    private void validateControllerId(String id) {
        if (id.isEmpty() || id.length() > 256) {
            throw Http.constraint("controllerId size must be between 1 and 256.");
        }
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw Http.constraint("controllerId has whitespaces which are not allowed.");
        }
        if (store.has(Defect.CONTROLLER_ID_MAX_128) && id.length() > 128) {
            throw Http.constraint("controllerId size must be between 1 and 128.");
        }
    }

    private void authenticate(Ctx c, String lookupId) {
        String auth = c.req.header("Authorization");
        if (auth == null && (store.has(Defect.QUERY_TOKEN_ACCEPTED) || store.has(Defect.QUERY_TOKEN_500))) {
            auth = List.of("token", "TargetToken", "access_token").stream().map(c.req.query()::get).filter(Objects::nonNull)
                    .findFirst().map(t -> "TargetToken " + t).orElse(null);
            if (auth != null && store.has(Defect.QUERY_TOKEN_500)) {
                throw new IllegalStateException("query credential handling failed");
            }
        }
        TenantConfig cfg = store.config;
        Target target = store.findTarget(lookupId, true);
        if (HeaderAuthentication.accepts(c.req, c.pathId, store)) {
            c.target = target;
            return;
        }
        boolean bearer = auth != null && auth.startsWith("Bearer ") && store.has(Defect.BEARER_AS_TARGET_TOKEN);
        if (auth != null && (auth.startsWith("TargetToken ") || bearer)
                && (cfg.bool(TenantConfig.TARGET_TOKEN) || store.has(Defect.TOKEN_SWITCH_IGNORED))) {
            String token = auth.substring(auth.indexOf(' ') + 1);
            boolean ok = target != null && token.equals(target.securityToken);
            if (!ok && target != null && store.has(Defect.TARGET_TOKEN_ANY_CONTROLLER)) {
                ok = store.targets.values().stream().anyMatch(t -> token.equals(t.securityToken));
            }
            if (!ok && target != null && store.has(Defect.FOREIGN_TOKEN_ON_SUBRESOURCES) && !c.rest.isEmpty()
                    && !c.rest.get(0).equals("deploymentBase")) {
                ok = store.targets.values().stream().anyMatch(t -> token.equals(t.securityToken));
            }
            if (!ok && target != null && store.has(Defect.UNKNOWN_TOKEN_ACCEPTED)) {
                ok = store.targets.values().stream().noneMatch(t -> token.equals(t.securityToken));
            }
            if (ok) {
                c.target = target;
                c.byTargetToken = true;
                if (store.has(Defect.TARGET_TOKEN_READ_ONLY)
                        && (c.req.method().equals("POST") || c.req.method().equals("PUT"))) {
                    throw halt(Response.empty(401));
                }
                return;
            }
        }
        if (auth != null && auth.startsWith("GatewayToken ") && cfg.bool(TenantConfig.GATEWAY_TOKEN)) {
            String key = cfg.string(TenantConfig.GATEWAY_KEY);
            boolean ok = !key.isEmpty() && auth.substring("GatewayToken ".length()).equals(key);
            if (store.has(Defect.ANY_GATEWAY_TOKEN)) {
                ok = true;
            }
            if (store.has(Defect.GATEWAY_TOKEN_UNKNOWN_ONLY) && target != null) {
                ok = false;
            }
            if (ok) {
                c.target = target;
                return;
            }
        }
        if (store.has(Defect.UNAUTHENTICATED_DOWNLOAD) && target != null && isDownload(c)) {
            c.target = target;
            return;
        }
        if (store.has(Defect.UNKNOWN_CONTROLLER_NOT_FOUND) && target == null) {
            throw Http.notFound("Target", lookupId, "Target with given identifier {" + lookupId + "} does not exist.");
        }
        throw halt(Response.empty(401));
    }

    private static boolean isDownload(Ctx c) {
        return c.rest.size() == 4 && c.rest.get(0).equals("softwaremodules") && c.rest.get(2).equals("artifacts");
    }

    private Target plugAndPlay(String id) {
        if (id.length() > 128) {
            throw Http.constraint("name size must be between 1 and 128.");
        }
        Target t = store.addTarget(id, id, "Plug and Play target: " + id, null, PLUG_AND_PLAY);
        t.lastModifiedBy = PLUG_AND_PLAY;
        return t;
    }

    private Response route(Ctx c) {
        List<String> r = c.rest;
        String m = c.req.method();
        if (r.isEmpty()) {
            if (m.equals("GET") || m.equals("HEAD")) {
                return poll(c);
            }
            if (store.has(Defect.BASE_ACCEPTS_POST) && Set.of("POST", "PUT", "DELETE").contains(m)) {
                return Response.empty(200);
            }
            throw Http.methodNotAllowed(c.req, "GET");
        }
        String head = r.get(0);
        if (head.equals("deploymentBase") && r.size() == 2) {
            if (m.equals("GET") && store.has(Defect.MALFORMED_ACTION_ID_200) && !isLong(r.get(1))) {
                return Response.json(200, Json.obj(), "application/hal+json");
            }
            if (m.equals("GET")) {
                return deploymentBase(c, actionId(r.get(1)));
            }
            if (store.has(Defect.DEPLOYMENT_ACCEPTS_DELETE) && Set.of("POST", "PUT", "DELETE").contains(m)) {
                return Response.empty(200);
            }
            throw Http.methodNotAllowed(c.req, "GET");
        }
        if ((head.equals("deploymentBase") || head.equals("cancelAction")) && r.size() == 3
                && r.get(2).equals("feedback")) {
            if (m.equals("POST")) {
                long id = actionId(r.get(1));
                return head.equals("deploymentBase") ? deploymentFeedback(c, id) : cancelFeedback(c, id);
            }
            if (store.has(Defect.FEEDBACK_GET_ALLOWED) && Set.of("GET", "PUT", "DELETE").contains(m)) {
                return Response.empty(200);
            }
            throw Http.methodNotAllowed(c.req, "POST");
        }
        if (head.equals("cancelAction") && r.size() == 2) {
            if (m.equals("GET")) {
                return cancelAction(c, actionId(r.get(1)));
            }
            throw Http.methodNotAllowed(c.req, "GET");
        }
        if (head.equals("confirmationBase")) {
            return ConfirmationSupport.handle(store, new ConfirmationSupport.Call(c.req, c.target, r, base(c),
                    a -> confirmationHref(c, a), id -> action(c, id), () -> negotiate(c.req), () -> body(c)));
        }
        if (head.equals("installedBase") && r.size() == 2) {
            if (m.equals("GET")) {
                return installedBase(c, actionId(r.get(1)));
            }
            if (Set.of("POST", "PUT", "DELETE").contains(m) && InstalledSupport.acceptsOtherMethods(store, c.target, actionId(r.get(1)))) {
                return Response.empty(200);
            }
            throw Http.methodNotAllowed(c.req, "GET");
        }
        if (head.equals("installedBase") && r.size() == 1) {
            if (m.equals("PUT")) {
                return InstalledSupport.putVersion(store, c.target, () -> body(c));
            }
            throw Http.methodNotAllowed(c.req, "PUT");
        }
        if (head.equals("configData") && r.size() == 1) {
            if (m.equals("PUT")) {
                return configData(c);
            }
            throw Http.methodNotAllowed(c.req, "PUT");
        }
        if (head.equals("softwaremodules") && r.size() >= 3 && r.size() <= 4 && r.get(2).equals("artifacts")
                && !r.get(r.size() - 1).isEmpty()) {
            if (!m.equals("GET") && !(m.equals("HEAD") && r.size() == 4)) {
                if (store.has(Defect.ARTIFACT_ACCEPTS_DELETE) && r.size() == 4 && Set.of("POST", "PUT", "DELETE").contains(m)) {
                    return Response.empty(200);
                }
                throw Http.methodNotAllowed(c.req, r.size() == 4 ? "GET,HEAD" : "GET");
            }
            long moduleId = actionId(r.get(1));
            return r.size() == 3 ? artifactList(c, moduleId) : download(c, moduleId, r.get(3));
        }
        throw Http.springError(404, "Not Found", c.req);
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long actionId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Http.notReadable();
        }
    }

    // ---------------------------------------------------------------- links

    private String base(Ctx c) {
        String id = c.target.controllerId;
        if (store.has(Defect.LINKS_LOWER_CASE_CONTROLLER)) {
            id = id.toLowerCase(Locale.ROOT);
        }
        return c.req.origin() + "/" + encode(c.tenant) + "/controller/v1/" + encode(id);
    }

    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int ch = x & 0xff;
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || "-._~".indexOf(ch) >= 0) {
                b.append((char) ch);
            } else {
                b.append('%').append(String.format("%02X", ch));
            }
        }
        return b.toString();
    }

    private int cacheKey(Action a) {
        if (store.has(Defect.CACHE_KEY_CONSTANT)) {
            return (int) a.id;
        }
        return 31 * Objects.hash(a.id, a.revision, a.forceType)
                + (a.forceTimeReached() ? 1231 : a.maintenanceWindow != null && DeploymentSupport.windowOpen(store, a) ? 1249 : 1237);
    }

    private String deploymentHref(Ctx c, Action a) {
        String slash = store.has(Defect.DEPLOYMENT_LINK_TRAILING_SLASH) ? "/" : "";
        if (store.has(Defect.DEPLOYMENT_HREF_WITHOUT_QUERY) && "soft".equals(a.forceType) && a.maintenanceWindow == null) {
            return base(c) + "/deploymentBase/" + a.id + slash;
        }
        String key = Integer.toString(cacheKey(a));
        if (store.has(Defect.CACHE_KEY_SHA1)) {
            key = MgmtHandler.hash("SHA-1", key.getBytes(StandardCharsets.UTF_8));
        }
        return base(c) + "/deploymentBase/" + a.id + slash + "?c=" + key;
    }

    private String confirmationHref(Ctx c, Action a) {
        return base(c) + "/confirmationBase/" + a.id + "?c=" + cacheKey(a);
    }

    // ---------------------------------------------------------------- poll

    /** hawkBit cancels an open action whose maintenance schedule has no window left (DDI-CANCEL-16), on poll. */
    private void cancelLapsedSchedules(Target t) {
        if (store.has(Defect.LAPSED_SCHEDULE_KEPT)) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Action a : store.actionsOf(t)) {
            if (a.active && !a.canceling() && a.maintenanceWindow != null && a.maintenanceWindow.lapsed(now)) {
                a.type = "cancel";
                a.status = "canceling";
                store.addStatus(a, "canceling", List.of("Update Server: maintenance window is not available anymore"), null, null);
            }
        }
    }

    /** More than 15 polls of one controller within the last second (the throttling defect). */
    private static boolean throttled(Target t) {
        long now = System.currentTimeMillis();
        t.recentPolls.addLast(now);
        while (!t.recentPolls.isEmpty() && t.recentPolls.peekFirst() < now - 1000) {
            t.recentPolls.removeFirst();
        }
        return t.recentPolls.size() > 15;
    }

    private Response poll(Ctx c) {
        Target t = c.target;
        long now = System.currentTimeMillis();
        boolean first = !t.everPolled;
        long previousPolls = t.polls;
        t.polls++;
        t.everPolled = true;
        if (!store.has(Defect.FIRST_POLL_NOT_RECORDED) || PLUG_AND_PLAY.equals(t.createdBy)) {
            t.lastControllerRequestAt = now;
        }
        if ("unknown".equals(t.updateStatus) && (!store.has(Defect.FIRST_POLL_NOT_RECORDED) || PLUG_AND_PLAY.equals(t.createdBy))) {
            t.updateStatus = "registered";
        }
        if (store.has(Defect.THROTTLE_ANSWERS_503) && throttled(t)) {
            return Response.empty(503);
        }
        if (store.has(Defect.REPEAT_POLL_NOT_MODIFIED) && previousPolls > 0) {
            return Response.empty(304);
        }
        if (store.has(Defect.PRECOMMISSIONED_FIRST_POLL_NO_CONTENT) && first && !PLUG_AND_PLAY.equals(t.createdBy)) {
            return Response.empty(204);
        }
        ObjectNode body = Json.obj();
        ObjectNode config = body.putObject("config");
        if (!store.has(Defect.POLL_WITHOUT_POLLING_CONFIG)) {
            config.putObject("polling").put("sleep", sleep(t, store.currentAction(t)));
        }
        ObjectNode links = body.putObject("_links");
        cancelLapsedSchedules(t);
        Action current = store.currentAction(t);
        if (current != null && store.has(Defect.NEXT_ACTION_NOT_OFFERED)
                && store.actionsOf(t).stream().anyMatch(a -> !a.active && a.ds.requiredMigrationStep)) {
            current = null;
        }
        if (current == null && store.has(Defect.CASE_TWIN_SHARES_ACTIONS)) {
            current = store.targets.values().stream()
                    .filter(o -> o != t && o.controllerId.equalsIgnoreCase(t.controllerId)).map(store::currentAction)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (current != null && store.has(Defect.CANCEL_KEEPS_CONSENT_LINK)
                && ConfirmationSupport.cancelledWhileWaiting(current)) {
            links.set("confirmationBase", Json.link(confirmationHref(c, current)));
        } else if (current != null && current.canceling()) {
            if (!store.has(Defect.NO_CANCEL_LINK)) {
                String query = store.has(Defect.CANCEL_HREF_WITH_QUERY) ? "?c=" + cacheKey(current) : "";
                links.set("cancelAction", Json.link(base(c) + "/cancelAction/" + current.id + query));
            }
            if (store.has(Defect.TWO_ACTION_LINKS)) {
                store.actionsOf(t).stream().filter(a -> a.active && !a.canceling()).findFirst()
                        .ifPresent(a -> links.set("deploymentBase", Json.link(deploymentHref(c, a))));
            }
        } else if (current != null && ConfirmationSupport.waiting(current)) {
            if (!store.has(Defect.CONSENT_NO_LINK) && !(store.has(Defect.FLOW_OFF_STRANDS_WAITING)
                    && !ConfirmationSupport.flowEnabled(store))) {
                links.set("confirmationBase", Json.link(confirmationHref(c, current)));
            }
        } else if (current != null) {
            links.set("deploymentBase", Json.link(deploymentHref(c, current)));
            if (store.has(Defect.POLL_RECORDS_STATUS)) {
                store.addStatus(current, "retrieved",
                        List.of("Update Server: Target retrieved update action and should start now the download."),
                        null, null);
            }
        } else if (store.has(Defect.IDLE_PHANTOM_ACTION_LINK) && store.actionsOf(t).isEmpty()) {
            links.set("deploymentBase", Json.link(base(c) + "/deploymentBase/0?c=-1"));
        }
        Action installed = installedAction(t);
        if (installed != null) {
            links.set("installedBase", Json.link(base(c) + "/installedBase/" + installed.id));
        }
        if (t.requestAttributes) {
            links.set("configData", Json.link(base(c) + "/configData"));
        }
        if (DeploymentSupport.wantsCbor(c.req)) {
            return DeploymentSupport.cborPoll(store, body);
        }
        String contentType = negotiate(c.req);
        if (store.has(Defect.POLL_CONTENT_TYPE_TEXT)) {
            contentType = "text/plain";
        }
        byte[] bytes = Json.bytes(body);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(bytes)) + "\"";
        if (etag.equals(c.req.header("If-None-Match")) && !store.has(Defect.POLL_IGNORES_IF_NONE_MATCH)) {
            return Response.empty(304).with("ETag", etag);
        }
        return Response.bytes(200, contentType, bytes).with("ETag", etag);
    }

    private String sleep(Target t, Action current) {
        if (store.has(Defect.SLEEP_DAY_AFTER_UPDATE) && current == null && !store.actionsOf(t).isEmpty()) {
            return "24:00:00";
        }
        String raw = store.config.string(TenantConfig.POLLING_TIME);
        Duration d = TenantConfig.parseDuration(raw);
        if (d == null || store.has(Defect.SLEEP_IGNORES_POLLING_TIME)) {
            d = Duration.ofMinutes(5);
        }
        d = DeploymentSupport.sleep(store, current, d);
        if (store.has(Defect.SLEEP_AS_SECONDS)) {
            return Long.toString(d.getSeconds());
        }
        return TenantConfig.formatHms(d);
    }

    private Action installedAction(Target t) {
        Action last = null;
        for (Action a : store.actionsOf(t)) {
            if (!a.active && "finished".equals(a.status) && a.ds == t.installedDs) {
                last = a;
            }
        }
        return last;
    }

    /** JSON media type for the Accept header, or a 406 halt. */
    private static String negotiate(Request req) {
        String accept = req.header("Accept");
        if (accept == null || accept.isBlank()) {
            return "application/hal+json";
        }
        for (String part : accept.split(",")) {
            String mt = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (mt.equals("application/hal+json") || mt.equals("*/*") || mt.equals("application/*")) {
                return "application/hal+json";
            }
            if (mt.equals("application/json")) {
                return "application/json";
            }
        }
        throw halt(Response.empty(406));
    }

    /** As {@link #negotiate}, for the action resources (where a defect may ignore the Accept header). */
    private String negotiateResource(Request req) {
        return store.has(Defect.ACCEPT_IGNORED) ? negotiateLenient(req) : negotiate(req);
    }

    // ---------------------------------------------------------------- actions

    /** The action {@code id} of the request's controller, or the 404 hawkBit answers. */
    private Action action(Ctx c, long id) {
        Action a = store.actions.get(id);
        if (a == null) {
            if (store.has(Defect.UNKNOWN_ACTION_EMPTY_200)) {
                throw halt(Response.json(200, Json.obj(), negotiateLenient(c.req)));
            }
            throw Http.notFound("Action", id, "Action with given identifier {" + id + "} does not exist.");
        }
        if (a.target != c.target && !store.has(Defect.FOREIGN_ACTION_VISIBLE)) {
            throw Http.notFound(null, null, "Not a valid action (" + id + ") for target: " + c.target.controllerId);
        }
        return a;
    }

    private static String negotiateLenient(Request req) {
        String accept = req.header("Accept");
        return accept != null && accept.contains("application/json") ? "application/json" : "application/hal+json";
    }

    private Response deploymentBase(Ctx c, long id) {
        String contentType = negotiate(c.req);
        Action a = action(c, id);
        boolean served = !a.canceling() && !"canceled".equals(a.status) && !ConfirmationSupport.waiting(a);
        if (store.has(Defect.DEPLOYMENT_SERVED_AFTER_CANCEL) && "canceled".equals(a.status)) {
            served = true;
        }
        if (store.has(Defect.DEPLOYMENT_SERVED_WHILE_CANCELING) && a.canceling()) {
            served = true;
        }
        if (!served) {
            return Response.empty(404);
        }
        ObjectNode body = deploymentDocument(c, a);
        if (store.has(Defect.DEPLOYMENT_WITHOUT_C_NO_ARTIFACTS) && !c.req.query().containsKey("c")) {
            body.path("deployment").path("chunks").forEach(ch -> ((ObjectNode) ch).putArray("artifacts"));
        }
        if (!a.canceling() && !"canceled".equals(a.status)) {
            var latest = a.latest();
            if ((latest == null || !"retrieved".equals(latest.type)) && !store.has(Defect.RETRIEVAL_NOT_RECORDED)) {
                store.addStatus(a, "retrieved",
                        List.of("Update Server: Target retrieved update action and should start now the download."),
                        null, null);
            }
            if (!"retrieved".equals(a.status)) {
                a.status = "retrieved";
                a.touch();
            }
        }
        return Response.json(200, body, contentType);
    }

    private Response installedBase(Ctx c, long id) {
        String contentType = negotiateResource(c.req);
        Action a = action(c, id);
        if (!InstalledSupport.readable(store, a)) {
            return Response.empty(404);
        }
        return Response.json(200, InstalledSupport.shape(store, a, deploymentDocument(c, a)), contentType);
    }

    private ObjectNode deploymentDocument(Ctx c, Action a) {
        ObjectNode body = Json.obj().put("id", Long.toString(a.id));
        ObjectNode dep = body.putObject("deployment");
        String download;
        String update;
        switch (a.forceType) {
            case "soft" -> {
                download = "attempt";
                update = "attempt";
                if (store.has(Defect.SOFT_AS_FORCED)) {
                    download = "forced";
                    update = "forced";
                }
            }
            case "downloadonly" -> {
                download = "forced";
                update = store.has(Defect.DOWNLOAD_ONLY_UPDATES) ? "forced" : "skip";
            }
            case "timeforced" -> {
                download = a.forceTimeReached() && !store.has(Defect.TIME_FORCED_STAYS_SOFT) ? "forced" : "attempt";
                update = download;
            }
            default -> {
                download = "forced";
                update = "forced";
                if (store.has(Defect.FORCED_AS_ATTEMPT)) {
                    download = "attempt";
                    update = "attempt";
                }
            }
        }
        update = DeploymentSupport.applyMaintenanceWindow(store, a, Json.obj(), update);
        if (store.has(Defect.ENUM_UPPER_CASE)) {
            download = download.toUpperCase(Locale.ROOT);
            update = update.toUpperCase(Locale.ROOT);
        }
        dep.put("download", download);
        if (!store.has(Defect.DEPLOYMENT_WITHOUT_UPDATE)) {
            dep.put("update", update);
        }
        ArrayNode chunks = dep.putArray("chunks");
        for (Module m : a.ds.modules) {
            ObjectNode chunk = chunks.addObject();
            chunk.put("part", part(m.type.key));
            chunk.put("version", m.version);
            chunk.put("name", store.has(Defect.CHUNK_NAME_IS_TYPE) ? m.type.key : m.name);
            DeploymentSupport.decorateChunk(store, chunk, m);
            ArrayNode arts = chunk.putArray("artifacts");
            for (Artifact f : m.artifacts) {
                arts.add(artifactJson(c, m, f, true));
            }
        }
        if (store.has(Defect.DEPLOYMENT_EXTRA_CHUNK)) {
            chunks.addObject().put("part", "os").put("version", "0.0.0-phantom").put("name", "phantom-module")
                    .putArray("artifacts");
        }
        DeploymentSupport.applyMaintenanceWindow(store, a, dep, update);
        HistorySupport.add(store, body, a, c.req.query().get("actionHistory"));
        return body;
    }

    private static String part(String typeKey) {
        return switch (typeKey) {
            case "application" -> "bApp";
            case "runtime" -> "jvm";
            default -> typeKey;
        };
    }

    private ObjectNode artifactJson(Ctx c, Module m, Artifact f, boolean inDeployment) {
        ObjectNode o = Json.obj().put("filename", f.filename());
        boolean hashes = true;
        if (!inDeployment && store.has(Defect.ARTIFACT_LIST_WITHOUT_HASHES)) {
            hashes = false;
        }
        if (hashes) {
            String sha1 = f.sha1();
            if (inDeployment && store.has(Defect.ARTIFACT_SHA1_WRONG)) {
                sha1 = "0000000000000000000000000000000000000000";
            }
            o.putObject("hashes").put("sha1", sha1).put("md5", f.md5()).put("sha256", f.sha256());
        }
        if (store.has(Defect.ARTIFACT_SIZE_AS_STRING)) {
            o.put("size", Integer.toString(f.bytes().length));
        } else {
            o.put("size", f.bytes().length);
        }
        String fileName = URLEncoder.encode(f.filename(), StandardCharsets.UTF_8);
        String href = base(c) + "/softwaremodules/" + m.id + "/artifacts/" + fileName;
        String downloadHref = href;
        if (store.has(Defect.ARTIFACT_LINK_BROKEN)) {
            downloadHref = href + "-missing";
        }
        String md5Href = href + ".MD5SUM";
        if (store.has(Defect.DOWNLOAD_HREF_SIGNED)) {
            String digest = MgmtHandler.hash("SHA-256", (m.id + "/" + f.sha1()).getBytes(StandardCharsets.UTF_8));
            String signature = "?signature=" + digest.repeat(3).substring(0, 160);
            downloadHref += signature;
            md5Href += signature;
        }
        boolean https = store.has(Defect.HTTPS_DOWNLOAD_ONLY);
        ObjectNode links = o.putObject("_links");
        links.set(https ? "download" : "download-http", Json.link(downloadHref));
        links.set(https ? "md5sum" : "md5sum-http", Json.link(md5Href));
        return o;
    }

    // ---------------------------------------------------------------- cancel instruction

    private Response cancelAction(Ctx c, long id) {
        String contentType = negotiateResource(c.req);
        Action a = action(c, id);
        boolean served = a.canceling() || "canceled".equals(a.status);
        if (store.has(Defect.CANCEL_INSTRUCTION_FOR_RUNNING) && a.active) {
            served = true;
        }
        if (!served) {
            return Response.empty(404);
        }
        store.addStatus(a, "retrieved",
                List.of("Update Server: Target retrieved cancel action and should start now the cancellation."),
                null, null);
        String stopId = Long.toString(a.id);
        if (store.has(Defect.CANCEL_STOP_ID_WRONG)) {
            stopId = Long.toString(a.id + 1000);
        }
        ObjectNode body = Json.obj().put("id", Long.toString(a.id));
        ObjectNode cancel = body.putObject("cancelAction");
        if (!store.has(Defect.CANCEL_WITHOUT_STOP_ID)) {
            cancel.put("stopId", stopId);
        }
        return Response.json(200, body, contentType);
    }

    // ---------------------------------------------------------------- feedback

    /** A parsed feedback body. */
    private record Feedback(String execution, String finished, Integer code, List<String> details, Long timestamp,
                            boolean hasProgress) {
    }

    private JsonNode body(Ctx c) {
        if (!c.req.mediaType().equals("application/json") && !store.has(Defect.ANY_CONTENT_TYPE_ACCEPTED)) {
            throw Http.springError(415, "Unsupported Media Type", c.req);
        }
        try {
            return Json.parse(c.req.body());
        } catch (Json.MalformedJson e) {
            if (store.has(Defect.MALFORMED_JSON_ACCEPTED)) {
                throw halt(Response.empty(200));
            }
            if (store.has(Defect.BAD_BODY_500)) {
                throw halt(Response.json(500, Json.springError(500, "Internal Server Error", c.req.rawPath()),
                        "application/json"));
            }
            throw Http.notReadable();
        }
    }

    private Feedback feedback(Ctx c) {
        JsonNode root = body(c);
        if (!root.isObject() || !root.path("status").isObject()) {
            throw Http.notReadable();
        }
        JsonNode status = root.get("status");
        if (store.has(Defect.FEEDBACK_NUMERIC_ID_REFUSED) && root.has("id") && !root.get("id").isString()) {
            throw Http.notReadable();
        }
        if (store.has(Defect.FEEDBACK_REJECTS_UNKNOWN_FIELDS)) {
            rejectUnknown(root, Set.of("status", "timestamp"));
            rejectUnknown(status, Set.of("execution", "result", "code", "details"));
            rejectUnknown(status.path("result"), Set.of("finished", "progress"));
        }
        String execution = text(status.get("execution"));
        JsonNode result = status.get("result");
        String finished = result != null && result.isObject() ? text(result.get("finished")) : null;
        if (finished == null && store.has(Defect.MISSING_FINISHED_DEFAULTS)) {
            finished = "none";
        }
        if (store.has(Defect.UNKNOWN_EXECUTION_ACCEPTED)) {
            if (execution != null && !EXECUTIONS.contains(execution)) {
                execution = "proceeding";
            }
            if (finished != null && !FINISHED.contains(finished)) {
                finished = "none";
            }
        }
        if (execution == null || !EXECUTIONS.contains(execution) || finished == null || !FINISHED.contains(finished)) {
            throw Http.notReadable();
        }
        Integer code = null;
        JsonNode codeNode = status.get("code");
        if (codeNode != null && !codeNode.isNull()) {
            if (!codeNode.isIntegralNumber() || !codeNode.canConvertToInt()) {
                throw Http.notReadable();
            }
            code = codeNode.asInt();
        }
        List<String> details = new ArrayList<>();
        JsonNode d = status.get("details");
        if (d != null && !d.isNull()) {
            List<JsonNode> items = new ArrayList<>();
            if (d.isArray()) {
                d.forEach(items::add);
            } else {
                items.add(d);
            }
            for (JsonNode item : items) {
                if (item.isNull()) {
                    details.add(null);
                } else if (item.isValueNode()) {
                    details.add(item.asString());
                } else {
                    throw Http.notReadable();
                }
            }
        }
        Long timestamp = null;
        JsonNode ts = root.get("timestamp");
        if (ts != null && !ts.isNull()) {
            if (!ts.isIntegralNumber()) {
                throw Http.notReadable();
            }
            timestamp = ts.asLong();
        }
        boolean progress = result != null && result.isObject() && result.has("progress")
                && !result.get("progress").isNull();
        return new Feedback(execution, finished, code, split(details), timestamp, progress);
    }

    private static void rejectUnknown(JsonNode node, Set<String> known) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                if (!known.contains(e.getKey())) {
                    throw Http.notReadable();
                }
            }
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }

    private static List<String> split(List<String> details) {
        List<String> out = new ArrayList<>();
        for (String s : details) {
            if (s == null || s.length() <= 512) {
                out.add(s);
            } else {
                for (int i = 0; i < s.length(); i += 512) {
                    out.add(s.substring(i, Math.min(s.length(), i + 512)));
                }
            }
        }
        if (out.size() > 50) {
            throw halt(Response.error(429, "hawkbit.server.error.quota.tooManyEntries",
                    "org.eclipse.hawkbit.repository.exception.AssignmentQuotaExceededException",
                    "Quota exceeded: Cannot assign " + out.size()
                            + " more Message entities to ActionStatus '<new>'. The maximum is 50."));
        }
        return out;
    }

    private List<String> messages(Feedback f, List<String> defaults) {
        List<String> msgs = new ArrayList<>(f.details().isEmpty() ? defaults : f.details());
        if (f.code() != null) {
            msgs.add("Device reported status code: " + f.code());
        }
        return msgs;
    }

    private Response deploymentFeedback(Ctx c, long id) {
        Action a = action(c, id);
        Feedback f;
        try {
            f = feedback(c);
        } catch (Http.Halt h) {
            if (h.response.status() == 429 && store.has(Defect.QUOTA_EXCEEDED_STILL_STORED)) {
                List<String> details = new ArrayList<>();
                Json.parse(c.req.body()).path("status").path("details").forEach(d -> details.add(d.asString()));
                store.addStatus(a, "running", details, null, null);
            }
            throw h;
        }
        if (!a.active && !store.has(Defect.FEEDBACK_ON_CLOSED_ACCEPTED)) {
            return Response.empty(410);
        }
        if (ConfirmationSupport.waiting(a) && !store.has(Defect.FEEDBACK_ACCEPTED_BEFORE_CONSENT)) {
            return Response.empty(404);
        }
        if (store.has(Defect.PROGRESS_REFUSED) && f.hasProgress()) {
            throw Http.notReadable();
        }
        if (store.has(Defect.TIMESTAMP_REFUSED) && f.timestamp() != null) {
            throw Http.notReadable();
        }
        String exec = f.execution();
        String type;
        String defaultText;
        String close = null;
        switch (exec) {
            case "closed" -> {
                boolean success = !f.finished().equals("failure");
                if (store.has(Defect.CLOSED_NONE_AS_FAILURE) && f.finished().equals("none")) {
                    success = false;
                }
                if (store.has(Defect.CLOSED_FAILURE_AS_SUCCESS) && f.finished().equals("failure")) {
                    success = true;
                }
                type = success ? "finished" : "error";
                defaultText = success ? "Update Server: Target reported CLOSED with OK!."
                        : "Update Server: Target reported CLOSED with ERROR!.";
                close = type;
                if (f.finished().equals("success") && store.has(Defect.CLOSED_SUCCESS_KEEPS_OPEN)) {
                    close = null;
                }
            }
            case "proceeding" -> {
                type = store.has(Defect.PROCEEDING_AS_DOWNLOAD) ? "download" : "running";
                defaultText = "Update Server: Target reported PROCEEDING.";
            }
            case "scheduled" -> {
                type = store.has(Defect.SCHEDULED_AS_WARNING) ? "warning" : "running";
                defaultText = "Update Server: Target reported SCHEDULED.";
            }
            case "resumed" -> {
                if (store.has(Defect.RESUMED_REFUSED)) {
                    throw Http.notReadable();
                }
                type = "running";
                defaultText = "Update Server: Target reported RESUMED.";
            }
            case "download" -> {
                type = store.has(Defect.DOWNLOAD_AS_RUNNING) ? "running" : "download";
                defaultText = "Update Server: Target confirmed download start.";
            }
            case "downloaded" -> {
                type = "downloaded";
                defaultText = "Update Server: Target confirmed download finished.";
                boolean closes = "downloadonly".equals(a.forceType);
                if (store.has(Defect.DOWNLOAD_ONLY_STAYS_OPEN)) {
                    closes = false;
                }
                if (store.has(Defect.DOWNLOADED_CLOSES_UPDATE)) {
                    closes = true;
                }
                close = closes ? "downloaded" : null;
            }
            case "rejected" -> {
                type = "warning";
                defaultText = "Update Server: Target REJECTED update.";
                if (store.has(Defect.REJECTED_MAPS_TO_ERROR)) {
                    type = "error";
                    close = "error";
                }
            }
            default -> {
                type = store.has(Defect.CANCELED_MAPS_TO_ERROR) ? "error" : "canceled";
                defaultText = "Update Server: Target confirmed cancellation..";
            }
        }
        List<String> msgs = messages(f, List.of(defaultText));
        if (store.has(Defect.DETAILS_DROPPED)) {
            msgs = List.of(defaultText);
        }
        boolean keepCode = !store.has(Defect.STATUS_CODE_DROPPED);
        store.addStatus(a, type, msgs, f.timestamp(), keepCode ? f.code() : null);
        if (f.code() != null && keepCode) {
            a.lastStatusCode = f.code();
        }
        if (close != null) {
            closeAction(a, close);
        }
        if (store.has(Defect.FEEDBACK_ANSWERS_500)) {
            return Response.json(500, Json.springError(500, "Internal Server Error", c.req.rawPath()),
                    "application/json");
        }
        return Response.empty(200);
    }

    /** Ends an action with a final status and updates its target like hawkBit does. */
    private void closeAction(Action a, String status) {
        Target t = a.target;
        a.active = false;
        a.status = status;
        a.touch();
        switch (status) {
            case "finished" -> {
                t.installedDs = a.ds;
                t.installedAt = System.currentTimeMillis();
                ConfigDataSupport.requestAfterUpdate(store, t);
                t.updateStatus = Objects.equals(t.assignedDs, t.installedDs) && !store.has(Defect.TARGET_STATE_STALE)
                        ? "in_sync" : "pending";
            }
            case "downloaded" -> {
                ConfigDataSupport.requestAfterUpdate(store, t);
                if (store.has(Defect.DOWNLOAD_ONLY_INSTALLED)) {
                    t.installedDs = a.ds;
                    a.status = "finished";
                }
                t.assignedDs = t.installedDs;
                t.updateStatus = "in_sync";
            }
            case "error" -> {
                t.assignedDs = null;
                t.updateStatus = "error";
            }
            default -> revertAssignment(t);
        }
    }

    private void revertAssignment(Target t) {
        Action next = store.currentAction(t);
        if (next != null) {
            t.assignedDs = next.ds;
            t.updateStatus = "pending";
        } else {
            t.assignedDs = t.installedDs;
            t.updateStatus = t.installedDs != null ? "in_sync" : "registered";
        }
    }

    private Response cancelFeedback(Ctx c, long id) {
        Action a = action(c, id);
        Feedback f = feedback(c);
        if (store.has(Defect.CANCEL_FEEDBACK_ON_RUNNING_ACCEPTED) && a.active && !a.canceling()) {
            a.type = "cancel";
            a.status = "canceling";
        }
        if (store.has(Defect.CANCEL_FEEDBACK_REOPENS_FINISHED) && "finished".equals(a.status)) {
            a.type = "cancel";
            a.status = "canceled";
        }
        if (!a.canceling() && !"canceled".equals(a.status)) {
            throw halt(Response.error(405, "hawkbit.server.error.action.notCancelable",
                    "org.eclipse.hawkbit.repository.exception.CancelActionNotAllowedException",
                    "The action is not in canceling state."));
        }
        String exec = f.execution();
        if (exec.equals("closed") && !f.finished().equals("failure") && store.has(Defect.CANCEL_FEEDBACK_IGNORED)) {
            return Response.empty(200);
        }
        switch (exec) {
            case "closed" -> {
                if (f.finished().equals("failure")) {
                    store.addStatus(a, "error", messages(f, List.of("Target was not able to complete cancellation.")),
                            f.timestamp(), f.code());
                    if (store.has(Defect.CANCEL_FAILURE_CANCELS)) {
                        closeCanceled(a);
                    } else {
                        resumeUpdate(a);
                    }
                } else {
                    List<String> msgs = messages(f, List.of("Cancellation confirmed."));
                    msgs.add("Cancellation completion is finished successfully.");
                    store.addStatus(a, "canceled", msgs, f.timestamp(), f.code());
                    closeCanceled(a);
                }
            }
            case "rejected" -> {
                store.addStatus(a, store.options.publishedTable() ? "warning" : "cancel_rejected",
                        messages(f, List.of("Target rejected the cancellation request.")),
                        f.timestamp(), f.code());
                if (store.has(Defect.CANCEL_REJECTED_CLOSES)) {
                    closeCanceled(a);
                } else {
                    resumeUpdate(a);
                }
            }
            case "canceled" -> {
                String type = store.has(Defect.CANCEL_CANCELED_AS_ERROR) ? "error" : store.options.publishedTable() ? "canceled" : "warning";
                store.addStatus(a, type,
                        messages(f, List.of("Target reported cancel for a cancel which is not supported by the server.")),
                        f.timestamp(), f.code());
            }
            default -> {
                List<String> nullMessage = new ArrayList<>();
                nullMessage.add(null);
                boolean downloading = exec.equals("download") || exec.equals("downloaded");
                String type = !downloading ? "running" : store.has(Defect.CANCEL_DOWNLOAD_AS_WARNING) ? "warning"
                        : store.options.publishedTable() ? exec : "running";
                store.addStatus(a, type, messages(f, nullMessage), f.timestamp(), f.code());
                if (store.has(Defect.CANCEL_PROCEEDING_CLOSES) && exec.equals("proceeding")) {
                    closeCanceled(a);
                }
            }
        }
        if (f.code() != null) {
            a.lastStatusCode = f.code();
        }
        return Response.empty(200);
    }

    private void closeCanceled(Action a) {
        a.type = "cancel";
        closeAction(a, "canceled");
    }

    private void resumeUpdate(Action a) {
        if (a.active) {
            a.type = "update";
            a.status = "running";
            a.touch();
        }
    }

    // ---------------------------------------------------------------- configData

    private Response configData(Ctx c) {
        return ConfigDataSupport.put(store, c.target, c.req, () -> body(c));
    }

    // ---------------------------------------------------------------- artifacts

    /** The open, not-cancelling action of the controller that delivers module {@code moduleId}. */
    private Action deliveringAction(Target t, long moduleId) {
        for (Action a : store.actionsOf(t)) {
            if (a.active && !a.canceling() && a.ds.contains(moduleId)) {
                return a;
            }
        }
        return null;
    }

    private Module module(Ctx c, long moduleId) {
        Module m = store.modules.get(moduleId);
        if (m == null) {
            throw Http.notFound("SoftwareModule", moduleId, "SoftwareModule with given identifier {" + moduleId
                    + "} does not exist.");
        }
        return m;
    }

    private static Http.Halt notAssigned(Ctx c, long moduleId) {
        return halt(Response.error(404, Http.ENTITY_NOT_FOUND,
                "org.eclipse.hawkbit.repository.exception.SoftwareModuleNotAssignedToTargetException",
                "No assignment found for SoftwareModule with id {" + moduleId + "} to Target with id {"
                        + c.target.controllerId + "}."));
    }

    private Response artifactList(Ctx c, long moduleId) {
        String contentType = negotiate(c.req);
        Module m = module(c, moduleId);
        boolean visible = deliveringAction(c.target, moduleId) != null
                || (c.target.installedDs != null && c.target.installedDs.contains(moduleId)
                        && !store.has(Defect.ARTIFACT_LIST_HIDDEN_AFTER_INSTALL));
        if (store.has(Defect.FOREIGN_ARTIFACT_DOWNLOADABLE)) {
            visible = true;
        }
        if (!visible) {
            throw notAssigned(c, moduleId);
        }
        ArrayNode list = Json.arr();
        for (Artifact f : m.artifacts) {
            list.add(artifactJson(c, m, f, false));
        }
        return Response.json(200, list, contentType);
    }

    private Response download(Ctx c, long moduleId, String fileName) {
        return new DownloadSupport(store).download(c.req, c.target, module(c, moduleId), fileName,
                deliveringAction(c.target, moduleId), () -> notAssigned(c, moduleId));
    }
}

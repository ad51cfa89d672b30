package org.ddict.reference;

import static org.ddict.reference.Http.halt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.Artifact;
import org.ddict.reference.Store.DistSet;
import org.ddict.reference.Store.DsType;
import org.ddict.reference.Store.Module;
import org.ddict.reference.Store.SmType;
import org.ddict.reference.Store.StatusEntry;
import org.ddict.reference.Store.Target;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The hawkBit Management API v1 subset below {@code /rest/v1}. */
final class MgmtHandler {
    private static final String ALREADY_EXISTS = "hawkbit.server.error.repo.entityAlreadyExists";
    private static final String ALREADY_EXISTS_CLASS = "org.eclipse.hawkbit.repository.exception.EntityAlreadyExistsException";

    private final Store store;
    private String base;

    MgmtHandler(Store store) {
        this.store = store;
    }

    Response handle(Request req) {
        authenticate(req);
        base = req.origin() + "/rest/v1";
        List<String> s = req.segments().subList(2, req.segments().size());
        String m = req.method();
        String first = s.isEmpty() ? "" : s.get(0);
        switch (first) {
            case "system" -> {
                if (s.size() >= 2 && s.get(1).equals("configs")) {
                    return configs(req, s.size() == 3 ? s.get(2) : null);
                }
            }
            case "targets" -> {
                return targets(req, s);
            }
            case "softwaremoduletypes" -> {
                if (s.size() == 1 && m.equals("GET")) {
                    return paged(filterByKey(req, store.smTypes.values().stream().map(this::smTypeJson).toList()));
                }
                if (s.size() == 1 && m.equals("POST")) {
                    return createSmTypes(req);
                }
            }
            case "distributionsettypes" -> {
                if (s.size() == 1 && m.equals("GET")) {
                    return paged(filterByKey(req, store.dsTypes.values().stream().map(this::dsTypeJson).toList()));
                }
                if (s.size() == 1 && m.equals("POST")) {
                    return createDsTypes(req);
                }
                if (s.size() == 3 && s.get(2).equals("optionalmoduletypes") && m.equals("POST")) {
                    DsType t = store.dsTypes.get(id(s.get(1)));
                    if (t == null) {
                        throw Http.notFound("DistributionSetType", id(s.get(1)), "DistributionSetType not found");
                    }
                    t.optional.add(smType(json(req).path("id").asLong()));
                    return Response.empty(204);
                }
            }
            case "softwaremodules" -> {
                return modules(req, s);
            }
            case "distributionsets" -> {
                if (s.size() == 1 && m.equals("POST")) {
                    return createDistSets(req);
                }
                if (s.size() == 2) {
                    DistSet ds = distSet(id(s.get(1)));
                    if (m.equals("GET")) {
                        return Response.hal(200, dsJson(ds));
                    }
                    if (m.equals("DELETE")) {
                        // hawkBit keeps a set that actions still refer to (soft delete) and removes an unused one
                        if (store.actions.values().stream().anyMatch(x -> x.ds == ds)) {
                            ds.deleted = true;
                        } else {
                            store.distSets.remove(ds.id);
                        }
                        return Response.empty(204);
                    }
                }
            }
            default -> {
            }
        }
        throw Http.springError(404, "Not Found", req);
    }

    private void authenticate(Request req) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (store.options.mgmtUser() + ":" + store.options.mgmtPassword()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(req.header("Authorization"))) {
            throw halt(Response.json(401, Json.springError(401, "Unauthorized", req.rawPath()), "application/json")
                    .with("WWW-Authenticate", "Basic realm=\"hawkBit\""));
        }
    }

    private static long id(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Http.notReadable();
        }
    }

    private static JsonNode json(Request req) {
        try {
            return Json.parse(req.body());
        } catch (Json.MalformedJson e) {
            throw Http.notReadable();
        }
    }

    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (node.isObject()) {
            list.add(node);
        } else {
            throw Http.notReadable();
        }
        return list;
    }

    private static String str(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static ObjectNode audit(ObjectNode o, long createdAt, long modifiedAt, String by) {
        return o.put("createdAt", createdAt).put("createdBy", by).put("lastModifiedAt", modifiedAt)
                .put("lastModifiedBy", by);
    }

    private static ObjectNode self(ObjectNode o, String href) {
        o.putObject("_links").set("self", Json.link(href));
        return o;
    }

    private static Response paged(List<? extends JsonNode> content) {
        ObjectNode page = Json.obj();
        ArrayNode arr = page.putArray("content");
        content.forEach(arr::add);
        page.put("total", content.size()).put("size", content.size());
        return Response.hal(200, page);
    }

    private static List<ObjectNode> filterByKey(Request req, List<ObjectNode> all) {
        String q = req.query().get("q");
        if (q == null || !q.startsWith("key==")) {
            return all;
        }
        String key = q.substring(5);
        return all.stream().filter(o -> o.path("key").asString().equals(key)).toList();
    }

    // ---------------------------------------------------------------- system configs

    private Response configs(Request req, String key) {
        TenantConfig cfg = store.config;
        String m = req.method();
        if (key == null) {
            if (m.equals("GET")) {
                ObjectNode all = Json.obj();
                for (String k : cfg.systemDefaults().keySet()) {
                    all.set(k, configJson(k));
                }
                return Response.hal(200, all);
            }
            if (m.equals("PUT")) {
                JsonNode body = json(req);
                if (!body.isObject()) {
                    throw Http.notReadable();
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (var e : body.properties()) {
                    values.put(e.getKey(), checkedValue(e.getKey(), e.getValue()));
                }
                values.forEach(cfg::set);
                return Response.empty(204);
            }
            throw Http.methodNotAllowed(req, "GET,PUT");
        }
        if (!cfg.known(key)) {
            throw invalidKey(key);
        }
        switch (m) {
            case "GET" -> {
                return Response.hal(200, configJson(key));
            }
            case "PUT" -> {
                cfg.set(key, checkedValue(key, json(req).get("value")));
                return Response.empty(204);
            }
            case "DELETE" -> {
                cfg.reset(key);
                return Response.empty(204);
            }
            default -> throw Http.methodNotAllowed(req, "GET,PUT,DELETE");
        }
    }

    private Object checkedValue(String key, JsonNode value) {
        if (!store.config.known(key)) {
            throw invalidKey(key);
        }
        Object v = store.config.validate(key, value);
        if (v == null) {
            throw halt(Response.error(400, "hawkbit.server.error.configValueInvalid",
                    "org.eclipse.hawkbit.repository.exception.TenantConfigurationValidatorException",
                    "The given configuration value is invalid for key " + key + "."));
        }
        return v;
    }

    private static Http.Halt invalidKey(String key) {
        return halt(Response.error(400, "hawkbit.server.error.configKeyInvalid",
                "org.eclipse.hawkbit.repository.exception.InvalidTenantConfigurationKeyException",
                "The given configuration key " + key + " does not exist."));
    }

    private ObjectNode configJson(String key) {
        ObjectNode o = Json.obj();
        Object v = store.config.value(key);
        if (v instanceof Boolean b) {
            o.put("value", b);
        } else if (v instanceof Integer i) {
            o.put("value", i);
        } else {
            o.put("value", String.valueOf(v));
        }
        o.put("global", store.config.global(key));
        return self(o, base + "/system/configs/" + key);
    }

    // ---------------------------------------------------------------- targets

    private Target target(String controllerId) {
        Target t = store.findTarget(controllerId, false);
        if (t == null) {
            throw Http.notFound("Target", controllerId, "Target with given identifier {" + controllerId
                    + "} does not exist.");
        }
        return t;
    }

    private Response targets(Request req, List<String> s) {
        String m = req.method();
        if (s.size() == 1 && m.equals("POST")) {
            return createTargets(req);
        }
        if (s.size() < 2) {
            throw Http.springError(404, "Not Found", req);
        }
        Target t = target(s.get(1));
        if (s.size() == 2) {
            switch (m) {
                case "GET" -> {
                    return Response.hal(200, targetJson(t, true));
                }
                case "DELETE" -> {
                    store.removeTarget(t);
                    return Response.empty(204);
                }
                case "PUT" -> {
                    return updateTarget(req, t);
                }
                default -> throw Http.methodNotAllowed(req, "GET,PUT,DELETE");
            }
        }
        String sub = s.get(2);
        if (sub.equals("assignedDS") && s.size() == 3) {
            if (m.equals("POST")) {
                return assign(req, t);
            }
            return t.assignedDs == null ? Response.empty(204) : Response.hal(200, dsJson(t.assignedDs));
        }
        if (sub.equals("installedDS") && s.size() == 3) {
            return t.installedDs == null ? Response.empty(204) : Response.hal(200, dsJson(t.installedDs));
        }
        if (sub.equals("attributes") && s.size() == 3) {
            if (t.attributes.isEmpty()) {
                return Response.empty(204);
            }
            ObjectNode o = Json.obj();
            t.attributes.forEach(o::put);
            return Response.hal(200, o);
        }
        if (sub.equals("autoConfirm")) {
            return ConfirmationSupport.mgmtAutoConfirm(store, req, t, s, store.options.mgmtUser());
        }
        if (sub.equals("actions")) {
            return actions(req, t, s);
        }
        throw Http.springError(404, "Not Found", req);
    }

    private Response createTargets(Request req) {
        List<JsonNode> items = elements(json(req));
        List<String> ids = new ArrayList<>();
        for (JsonNode n : items) {
            String id = str(n, "controllerId");
            if (id == null || id.isEmpty() || id.length() > 256) {
                throw Http.constraint("controllerId size must be between 1 and 256.");
            }
            if (id.chars().anyMatch(Character::isWhitespace)) {
                throw Http.constraint("controllerId has whitespaces which are not allowed.");
            }
            String name = str(n, "name");
            if (name != null && name.length() > 128) {
                throw Http.constraint("name size must be between 1 and 128.");
            }
            String token = str(n, "securityToken");
            if (token != null && (token.isEmpty() || token.length() > 128)) {
                throw Http.constraint("securityToken size must be between 1 and 128.");
            }
            String stored = store.storedControllerId(id);
            if (store.findTarget(stored, false) != null || store.targets.containsKey(stored) || ids.contains(stored)) {
                throw halt(Response.error(409, ALREADY_EXISTS, ALREADY_EXISTS_CLASS,
                        "The given entity already exists in database"));
            }
            ids.add(stored);
        }
        ArrayNode out = Json.arr();
        for (JsonNode n : items) {
            String id = str(n, "controllerId");
            String name = str(n, "name");
            Target t = store.addTarget(id, name == null ? id : name, str(n, "description"), str(n, "securityToken"),
                    store.options.mgmtUser());
            t.requestAttributes = !store.has(Defect.CONFIG_LINK_MISSING_FOR_NEW_TARGET);
            out.add(targetJson(t, false));
        }
        return Response.hal(201, out);
    }

    private Response updateTarget(Request req, Target t) {
        JsonNode body = json(req);
        if (body.has("requestAttributes")) {
            if (!body.get("requestAttributes").asBoolean(false)) {
                throw Http.constraint("requestAttributes can only be set to true.");
            }
            t.requestAttributes = !store.has(Defect.CONFIG_REQUEST_IGNORED);
        }
        if (str(body, "securityToken") != null) {
            t.securityToken = str(body, "securityToken");
        }
        if (str(body, "name") != null) {
            t.name = str(body, "name");
        }
        if (str(body, "description") != null) {
            t.description = str(body, "description");
        }
        t.lastModifiedAt = System.currentTimeMillis();
        return Response.hal(200, targetJson(t, true));
    }

    private ObjectNode targetJson(Target t, boolean full) {
        String href = base + "/targets/" + DdiHandler.encode(t.controllerId);
        ObjectNode o = Json.obj();
        ObjectNode links = o.putObject("_links");
        links.set("self", Json.link(href));
        if (full) {
            links.set("assignedDS", Json.link(href + "/assignedDS"));
            links.set("installedDS", Json.link(href + "/installedDS"));
            links.set("attributes", Json.link(href + "/attributes"));
            links.set("actions", Json.link(href + "/actions?offset=0&limit=50&sort=id%3ADESC"));
            links.set("metadata", Json.link(href + "/metadata"));
        }
        o.put("controllerId", t.controllerId);
        audit(o, t.createdAt, t.lastModifiedAt, t.createdBy);
        o.put("lastModifiedBy", t.lastModifiedBy);
        if (t.description != null) {
            o.put("description", t.description);
        }
        o.put("name", t.name);
        o.put("requestAttributes", t.requestAttributes);
        o.put("securityToken", t.securityToken);
        o.put("updateStatus", t.updateStatus);
        if (t.lastControllerRequestAt != null) {
            o.put("lastControllerRequestAt", t.lastControllerRequestAt);
            o.put("ipAddress", "127.0.0.1").put("address", "http://127.0.0.1");
            o.putObject("pollStatus").put("lastRequestAt", t.lastControllerRequestAt)
                    .put("nextExpectedRequestAt", t.lastControllerRequestAt + 300_000L).put("overdue", false);
        }
        if (t.installedAt != null) {
            o.put("installedAt", t.installedAt);
        }
        return o;
    }

    // ---------------------------------------------------------------- assignments and actions

    private Response assign(Request req, Target t) {
        List<JsonNode> items = elements(json(req));
        int assigned = 0;
        int already = 0;
        ArrayNode actionsOut = Json.arr();
        for (JsonNode n : items) {
            DistSet ds = distSet(n.path("id").asLong());
            if (!ds.complete()) {
                throw halt(Response.error(400, "hawkbit.server.error.distributionset.incomplete",
                        "org.eclipse.hawkbit.repository.exception.IncompleteDistributionSetException",
                        "Distribution set of type " + ds.type.key + " is incomplete: " + ds.id));
            }
            String type = n.hasNonNull("type") ? n.get("type").asString() : "forced";
            if (!List.of("soft", "forced", "timeforced", "downloadonly").contains(type)) {
                throw Http.notReadable();
            }
            MaintenanceSchedule window = MaintenanceSchedule.parse(n.get("maintenanceWindow"));
            boolean open = store.actionsOf(t).stream().anyMatch(a -> a.active && a.ds == ds);
            if (t.assignedDs == ds && open) {
                already++;
                continue;
            }
            for (Action old : store.actionsOf(t)) {
                if (old.active && "update".equals(old.type) && !old.canceling() && !old.ds.requiredMigrationStep
                        && !store.has(Defect.SUPERSEDE_KEEPS_OLD_RUNNING)) {
                    old.type = "cancel";
                    old.status = "canceling";
                    store.addStatus(old, "canceling",
                            List.of("Update Server: cancel obsolete action due to new update"), null, null);
                }
            }
            Long forceTime = n.hasNonNull("forcetime") ? n.get("forcetime").asLong() : null;
            int weight = n.hasNonNull("weight") ? n.get("weight").asInt() : 1000;
            Action a = store.createAction(t, ds, type, forceTime, weight, store.options.mgmtUser());
            a.maintenanceWindow = window;
            ConfirmationSupport.assigned(store, a, n);
            ds.locked = true;
            ds.modules.forEach(mod -> mod.locked = true);
            t.assignedDs = ds;
            t.updateStatus = "pending";
            if ("true".equals(req.query().get("offline"))) {
                InstalledSupport.completeOffline(store, a);
            }
            assigned++;
            ObjectNode ref = actionsOut.addObject().put("id", a.id);
            ref.putObject("_links").set("self", Json.link(actionHref(a)));
        }
        ObjectNode out = Json.obj().put("alreadyAssigned", already).put("assigned", assigned);
        out.set("assignedActions", actionsOut);
        out.put("total", items.size());
        return Response.hal(200, out);
    }

    private String actionHref(Action a) {
        return base + "/targets/" + DdiHandler.encode(a.target.controllerId) + "/actions/" + a.id;
    }

    private Response actions(Request req, Target t, List<String> s) {
        String m = req.method();
        if (s.size() == 3) {
            List<Action> list = new ArrayList<>(store.actionsOf(t));
            Collections.reverse(list);
            return paged(page(req, list).stream().map(a -> actionJson(a, false)).toList());
        }
        long id = id(s.get(3));
        Action a = store.actions.get(id);
        if (a == null || a.target != t) {
            throw Http.notFound("Action", id, "Action with given identifier {" + id + "} does not exist.");
        }
        if (s.size() == 5 && s.get(4).equals("confirmation")) {
            return ConfirmationSupport.mgmtConfirmation(store, req, a);
        }
        if (s.size() == 5 && s.get(4).equals("status")) {
            List<StatusEntry> list = new ArrayList<>(a.statuses);
            Collections.reverse(list);
            ObjectNode pageNode = Json.obj();
            ArrayNode content = pageNode.putArray("content");
            List<StatusEntry> slice = page(req, list);
            for (StatusEntry e : slice) {
                ObjectNode o = content.addObject().put("id", e.id);
                ArrayNode msgs = o.putArray("messages");
                e.messages.forEach(msg -> {
                    if (msg == null) {
                        msgs.addNull();
                    } else {
                        msgs.add(msg);
                    }
                });
                o.put("reportedAt", e.reportedAt).put("timestamp", e.timestamp).put("type", e.type);
                if (e.code != null) {
                    o.put("code", e.code);
                }
            }
            pageNode.put("total", list.size()).put("size", slice.size());
            return Response.hal(200, pageNode);
        }
        if (s.size() != 4) {
            throw Http.springError(404, "Not Found", req);
        }
        switch (m) {
            case "GET" -> {
                return Response.hal(200, actionJson(a, true));
            }
            case "DELETE" -> {
                return cancel(a, "true".equals(req.query().get("force")));
            }
            case "PUT" -> {
                JsonNode body = json(req);
                if (!"forced".equals(str(body, "forceType"))) {
                    throw Http.constraint("Resource supports only switch to FORCED.");
                }
                a.forceType = "forced";
                a.touch();
                return Response.hal(200, actionJson(a, true));
            }
            default -> throw Http.methodNotAllowed(req, "GET,PUT,DELETE");
        }
    }

    private Response cancel(Action a, boolean force) {
        if (force) {
            if (!a.canceling()) {
                throw halt(Response.error(405, "hawkbit.server.error.action.notForceQuitable",
                        "org.eclipse.hawkbit.repository.exception.ForceQuitActionNotAllowedException",
                        a.id + " is not canceled yet and cannot be force quit"));
            }
            store.addStatus(a, "canceled", List.of("Update Server: A force quit has been performed."), null, null);
            if (store.has(Defect.FORCE_QUIT_KEEPS_OPEN)) {
                return Response.empty(204);
            }
            a.active = false;
            a.status = "canceled";
            a.touch();
            Target t = a.target;
            Action next = store.currentAction(t);
            t.assignedDs = next != null ? next.ds : t.installedDs;
            t.updateStatus = next != null ? "pending" : (t.installedDs != null ? "in_sync" : "registered");
            return Response.empty(204);
        }
        boolean cancelable = a.active && !a.canceling();
        if (store.has(Defect.CLOSED_ACTION_CANCELABLE) && "finished".equals(a.status)) {
            cancelable = true;
            a.active = true;
        }
        if (!cancelable) {
            throw halt(Response.error(405, "hawkbit.server.error.action.notCancelable",
                    "org.eclipse.hawkbit.repository.exception.CancelActionNotAllowedException",
                    a.id + " is not active and cannot be canceled"));
        }
        a.type = "cancel";
        a.status = "canceling";
        store.addStatus(a, "canceling", List.of("Update Server: manual cancelation requested"), null, null);
        return Response.empty(204);
    }

    private static <T> List<T> page(Request req, List<T> all) {
        int offset = parseInt(req.query().get("offset"), 0);
        int limit = parseInt(req.query().get("limit"), 50);
        return Store.page(all, offset, limit);
    }

    private static int parseInt(String s, int def) {
        try {
            return s == null ? def : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return def;
        }
    }

    private ObjectNode actionJson(Action a, boolean full) {
        ObjectNode o = Json.obj();
        String href = actionHref(a);
        ObjectNode links = o.putObject("_links");
        links.set("self", Json.link(href));
        if (full) {
            if ("cancel".equals(a.type)) {
                links.set("canceledaction", Json.link(href));
            }
            links.set("target", Json.link(base + "/targets/" + DdiHandler.encode(a.target.controllerId))
                    .put("name", a.target.name));
            links.set("distributionset", Json.link(base + "/distributionsets/" + a.ds.id)
                    .put("name", a.ds.name + ":" + a.ds.version));
            links.set("status", Json.link(href + "/status?offset=0&limit=50&sort=id%3ADESC"));
        }
        o.put("active", a.active);
        audit(o, a.createdAt, a.lastModifiedAt, a.createdBy);
        o.put("forceType", a.forceType);
        if (a.forceTime != null) {
            o.put("forceTime", a.forceTime);
        }
        o.put("id", a.id);
        if (a.maintenanceWindow != null) {
            o.set("maintenanceWindow", a.maintenanceWindow.json(System.currentTimeMillis()));
        }
        if (a.lastStatusCode != null) {
            o.put("lastStatusCode", a.lastStatusCode);
        }
        o.put("status", a.status).put("type", a.type).put("weight", a.weight);
        return o;
    }

    // ---------------------------------------------------------------- software

    private SmType smType(long id) {
        SmType t = store.smTypes.get(id);
        if (t == null) {
            throw Http.notFound("SoftwareModuleType", id, "SoftwareModuleType with given identifier {" + id
                    + "} does not exist.");
        }
        return t;
    }

    private ObjectNode smTypeJson(SmType t) {
        ObjectNode o = self(Json.obj(), base + "/softwaremoduletypes/" + t.id);
        audit(o, t.createdAt, t.createdAt, "system").put("deleted", false);
        if (t.description != null) {
            o.put("description", t.description);
        }
        return o.put("id", t.id).put("key", t.key).put("maxAssignments", t.maxAssignments).put("minArtifacts", 0)
                .put("name", t.name);
    }

    private ObjectNode dsTypeJson(DsType t) {
        ObjectNode o = self(Json.obj(), base + "/distributionsettypes/" + t.id);
        audit(o, t.createdAt, t.createdAt, "system").put("deleted", false);
        if (t.description != null) {
            o.put("description", t.description);
        }
        return o.put("id", t.id).put("key", t.key).put("name", t.name);
    }

    private Response createSmTypes(Request req) {
        ArrayNode out = Json.arr();
        for (JsonNode n : elements(json(req))) {
            String key = str(n, "key");
            if (key == null || str(n, "name") == null) {
                throw Http.notReadable();
            }
            if (store.smTypeByKey(key) != null) {
                throw halt(Response.error(409, ALREADY_EXISTS, ALREADY_EXISTS_CLASS,
                        "The given entity already exists in database"));
            }
            SmType t = store.addSmType(key, str(n, "name"), n.path("maxAssignments").asInt(1));
            t.description = str(n, "description");
            out.add(smTypeJson(t));
        }
        return Response.hal(201, out);
    }

    private Response createDsTypes(Request req) {
        ArrayNode out = Json.arr();
        for (JsonNode n : elements(json(req))) {
            String key = str(n, "key");
            if (key == null || str(n, "name") == null) {
                throw Http.notReadable();
            }
            if (store.dsTypeByKey(key) != null) {
                throw halt(Response.error(409, ALREADY_EXISTS, ALREADY_EXISTS_CLASS,
                        "The given entity already exists in database"));
            }
            List<SmType> mandatory = new ArrayList<>();
            n.path("mandatorymodules").forEach(x -> mandatory.add(smType(x.path("id").asLong())));
            List<SmType> optional = new ArrayList<>();
            n.path("optionalmodules").forEach(x -> optional.add(smType(x.path("id").asLong())));
            DsType t = store.addDsType(key, str(n, "name"), mandatory, optional);
            t.description = str(n, "description");
            out.add(dsTypeJson(t));
        }
        return Response.hal(201, out);
    }

    private Module module(long id) {
        Module m = store.modules.get(id);
        if (m == null) {
            throw Http.notFound("SoftwareModule", id, "SoftwareModule with given identifier {" + id
                    + "} does not exist.");
        }
        return m;
    }

    private Response modules(Request req, List<String> s) {
        String m = req.method();
        if (s.size() == 1 && m.equals("POST")) {
            ArrayNode out = Json.arr();
            List<Module> created = new ArrayList<>();
            for (JsonNode n : elements(json(req))) {
                String name = str(n, "name");
                String version = str(n, "version");
                String typeKey = str(n, "type");
                if (name == null || version == null || typeKey == null) {
                    throw Http.notReadable();
                }
                SmType type = store.smTypeByKey(typeKey);
                if (type == null) {
                    throw Http.notFound("SoftwareModuleType", typeKey, "SoftwareModuleType with given identifier {"
                            + typeKey + "} does not exist.");
                }
                Module mod = new Module();
                mod.name = name;
                mod.version = version;
                mod.type = type;
                mod.vendor = str(n, "vendor");
                mod.description = str(n, "description");
                mod.encrypted = n.path("encrypted").asBoolean(false);
                created.add(mod);
            }
            for (Module mod : created) {
                mod.id = store.newId();
                mod.createdAt = System.currentTimeMillis();
                mod.lastModifiedAt = mod.createdAt;
                store.modules.put(mod.id, mod);
                out.add(moduleJson(mod));
            }
            return Response.hal(201, out);
        }
        if (s.size() < 2) {
            throw Http.springError(404, "Not Found", req);
        }
        Module mod = module(id(s.get(1)));
        if (s.size() == 2) {
            if (m.equals("GET")) {
                return Response.hal(200, moduleJson(mod));
            }
            if (m.equals("DELETE")) {
                store.modules.remove(mod.id);
                return Response.empty(204);
            }
            throw Http.methodNotAllowed(req, "GET,PUT,DELETE");
        }
        if (s.size() == 3 && s.get(2).equals("metadata") && m.equals("POST")) {
            return DeploymentSupport.addMetadata(store, mod, json(req));
        }
        if (s.size() == 3 && s.get(2).equals("artifacts")) {
            if (m.equals("POST")) {
                return upload(req, mod);
            }
            ArrayNode arr = Json.arr();
            mod.artifacts.forEach(f -> arr.add(artifactJson(mod, f)));
            return Response.hal(200, arr);
        }
        throw Http.springError(404, "Not Found", req);
    }

    private ObjectNode moduleJson(Module m) {
        ObjectNode o = self(Json.obj(), base + "/softwaremodules/" + m.id);
        o.put("complete", true);
        audit(o, m.createdAt, m.lastModifiedAt, store.options.mgmtUser()).put("deleted", false);
        if (m.description != null) {
            o.put("description", m.description);
        }
        o.put("encrypted", m.encrypted).put("id", m.id).put("locked", m.locked).put("name", m.name)
                .put("type", m.type.key).put("typeName", m.type.name);
        if (m.vendor != null) {
            o.put("vendor", m.vendor);
        }
        return o.put("version", m.version);
    }

    private Response upload(Request req, Module mod) {
        List<Multipart.Part> parts = Multipart.parse(req.header("Content-Type"), req.body());
        if (parts == null) {
            throw Http.springError(415, "Unsupported Media Type", req);
        }
        Multipart.Part file = parts.stream().filter(p -> "file".equals(p.name())).findFirst().orElse(null);
        if (file == null || file.data().length == 0) {
            throw halt(Response.error(400, "hawkbit.server.error.artifact.uploadFailed",
                    "org.eclipse.hawkbit.repository.exception.ArtifactUploadFailedException",
                    "Upload failed: the file is missing or empty."));
        }
        if (mod.locked) {
            throw halt(Response.error(423, "hawkbit.server.error.locked",
                    "org.eclipse.hawkbit.repository.exception.LockedException",
                    "SoftwareModule " + mod.id + " is locked"));
        }
        String filename = parts.stream().filter(p -> "filename".equals(p.name())).map(Multipart.Part::text)
                .findFirst().orElse(file.filename());
        if (filename == null || filename.isBlank()) {
            throw Http.notReadable();
        }
        if (mod.artifact(filename) != null) {
            throw halt(Response.error(409, ALREADY_EXISTS, ALREADY_EXISTS_CLASS,
                    "The given entity already exists in database"));
        }
        byte[] data = file.data();
        Artifact f = new Artifact(store.newId(), mod.id, filename, data, hash("SHA-1", data), hash("MD5", data),
                hash("SHA-256", data), System.currentTimeMillis());
        mod.artifacts.add(f);
        mod.lastModifiedAt = f.createdAt();
        return Response.hal(201, artifactJson(mod, f));
    }

    private ObjectNode artifactJson(Module mod, Artifact f) {
        String href = base + "/softwaremodules/" + mod.id + "/artifacts/" + f.id();
        ObjectNode o = Json.obj();
        ObjectNode links = o.putObject("_links");
        links.set("self", Json.link(href));
        links.set("download", Json.link(href + "/download"));
        audit(o, f.createdAt(), f.createdAt(), store.options.mgmtUser());
        o.putObject("hashes").put("sha1", f.sha1()).put("md5", f.md5()).put("sha256", f.sha256());
        return o.put("id", f.id()).put("providedFilename", f.filename()).put("size", f.bytes().length);
    }

    static String hash(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DistSet distSet(long id) {
        DistSet ds = store.distSets.get(id);
        if (ds == null || ds.deleted) {
            throw Http.notFound("DistributionSet", id, "DistributionSet with given identifier {" + id
                    + "} does not exist.");
        }
        return ds;
    }

    private Response createDistSets(Request req) {
        List<DistSet> created = new ArrayList<>();
        for (JsonNode n : elements(json(req))) {
            String name = str(n, "name");
            String version = str(n, "version");
            if (name == null || version == null) {
                throw Http.notReadable();
            }
            String typeKey = str(n, "type") == null ? "os_app" : str(n, "type");
            DsType type = store.dsTypeByKey(typeKey);
            if (type == null) {
                throw Http.notFound("DistributionSetType", typeKey, "DistributionSetType with given identifier {"
                        + typeKey + "} does not exist.");
            }
            boolean duplicate = store.distSets.values().stream()
                    .anyMatch(d -> d.name.equals(name) && d.version.equals(version))
                    || created.stream().anyMatch(d -> d.name.equals(name) && d.version.equals(version));
            if (duplicate) {
                throw halt(Response.error(409, ALREADY_EXISTS, ALREADY_EXISTS_CLASS,
                        "The given entity already exists in database"));
            }
            DistSet ds = new DistSet();
            ds.name = name;
            ds.version = version;
            ds.type = type;
            ds.description = str(n, "description");
            ds.requiredMigrationStep = n.path("requiredMigrationStep").asBoolean(false);
            for (JsonNode mref : n.path("modules")) {
                ds.modules.add(module(mref.path("id").asLong()));
            }
            created.add(ds);
        }
        ArrayNode out = Json.arr();
        for (DistSet ds : created) {
            ds.id = store.newId();
            ds.createdAt = System.currentTimeMillis();
            store.distSets.put(ds.id, ds);
            out.add(dsJson(ds));
        }
        return Response.hal(201, out);
    }

    private ObjectNode dsJson(DistSet ds) {
        ObjectNode o = self(Json.obj(), base + "/distributionsets/" + ds.id);
        o.put("complete", ds.complete());
        audit(o, ds.createdAt, ds.createdAt, store.options.mgmtUser()).put("deleted", ds.deleted);
        if (ds.description != null) {
            o.put("description", ds.description);
        }
        o.put("id", ds.id).put("locked", ds.locked);
        ArrayNode mods = o.putArray("modules");
        ds.modules.forEach(m -> mods.add(moduleJson(m)));
        return o.put("name", ds.name).put("requiredMigrationStep", ds.requiredMigrationStep)
                .put("type", ds.type.key).put("typeName", ds.type.name).put("valid", true)
                .put("version", ds.version);
    }
}

package org.ddict.reference;

import java.util.List;
import java.util.function.Supplier;

import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.DistSet;
import org.ddict.reference.Store.Target;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The installed side of a controller as hawkBit 1.1.0 keeps it (observed §J, §Q): which {@code installedBase/{A}} are
 * readable, the device-declared version ({@code PUT {base}/installedBase}) and the operator's offline assignment.
 */
final class InstalledSupport {

    private InstalledSupport() {
    }

    /** Whether {@code GET installedBase/{A}} answers 200: any closed action that was not cancelled (§5 Q-04). */
    static boolean readable(Store store, Action a) {
        if (a.active) {
            return store.has(Defect.INSTALLED_FOR_OPEN_ACTION);
        }
        if ("canceled".equals(a.status)) {
            return false;
        }
        if (store.has(Defect.INSTALLED_ONLY_LATEST) && "finished".equals(a.status)) {
            return store.actionsOf(a.target).stream().noneMatch(o -> o.id > a.id && !o.active && "finished".equals(o.status));
        }
        return true;
    }

    /** The installedBase document: the deployment document of the action (the defects change its shape). */
    static ObjectNode shape(Store store, Action a, ObjectNode document) {
        if (store.has(Defect.INSTALLED_HISTORY_IGNORED)) {
            document.remove("actionHistory");
        }
        JsonNode deployment = document.path("deployment");
        if (deployment instanceof ObjectNode dep) {
            if (store.has(Defect.DEPLOYMENT_WITHOUT_UPDATE) && !dep.has("update")) {
                // that defect is aimed at deploymentBase only
                dep.put("update", "downloadonly".equals(a.forceType) ? "skip" : dep.path("download").asString(""));
            }
            if (store.has(Defect.INSTALLED_WITHOUT_UPDATE)) {
                dep.remove("update");
            }
            if (store.has(Defect.INSTALLED_WITHOUT_ARTIFACTS)) {
                dep.path("chunks").forEach(chunk -> ((ObjectNode) chunk).putArray("artifacts"));
            }
        }
        return document;
    }

    /** Methods other than GET on {@code installedBase/{A}}: 405, unless the defect answers 200 for a closed action. */
    static boolean acceptsOtherMethods(Store store, Target t, long actionId) {
        Action a = store.actions.get(actionId);
        return store.has(Defect.INSTALLED_ACCEPTS_DELETE) && a != null && a.target == t && !a.active;
    }

    /**
     * {@code PUT {base}/installedBase} {@code {"name","version"}}: 201 and a closed FINISHED action that installs the
     * set; 200 when the set is already assigned; 404 for an unknown set; 400 when a field is missing.
     */
    static Response putVersion(Store store, Target t, Supplier<JsonNode> body) {
        JsonNode root = body.get();
        JsonNode name = root.path("name");
        JsonNode version = root.path("version");
        if (!root.isObject() || !name.isString() || !version.isString()) {
            throw Http.notReadable();
        }
        DistSet ds = store.distSets.values().stream()
                .filter(d -> !d.deleted && d.name.equals(name.asString()) && d.version.equals(version.asString()))
                .findFirst().orElse(null);
        if (ds == null) {
            ObjectNode info = Json.exceptionInfo(Http.ENTITY_NOT_FOUND, Http.ENTITY_NOT_FOUND_CLASS,
                    "DistributionSet with given identifier {" + name.asString() + "=" + version.asString() + "} does not exist.");
            info.putObject("info").put("type", "DistributionSet").putObject("entityId").put(name.asString(), version.asString());
            throw Http.halt(Response.json(404, info, "application/json"));
        }
        if (store.has(Defect.INSTALLED_VERSION_PUT_IGNORED)) {
            return Response.empty(201);
        }
        if (t.assignedDs == ds) {
            return Response.empty(200);
        }
        Action a = store.createAction(t, ds, "forced", null, 1000, t.controllerId);
        ds.locked = true;
        ds.modules.forEach(m -> m.locked = true);
        install(store, a);
        return Response.empty(201);
    }

    /** R-ASSIGN-OFFLINE: the new action is closed at once as FINISHED and its set counts as installed. */
    static void completeOffline(Store store, Action a) {
        if (store.has(Defect.OFFLINE_ASSIGNMENT_OPENS_ACTION)) {
            return;
        }
        install(store, a);
    }

    private static void install(Store store, Action a) {
        Target t = a.target;
        store.addStatus(a, "finished", List.of("Update Server: Target reported offline installation."), null, null);
        a.active = false;
        a.status = "finished";
        a.touch();
        t.assignedDs = a.ds;
        t.installedDs = a.ds;
        t.installedAt = System.currentTimeMillis();
        t.updateStatus = "in_sync";
    }
}

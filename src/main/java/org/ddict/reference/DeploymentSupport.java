package org.ddict.reference;

import java.time.Duration;
import java.util.Locale;

import org.ddict.ddi.Cbor;
import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.Module;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployment and poll details beyond the basics, as hawkBit 1.1.0 renders them: maintenance windows, target-visible
 * module metadata, the encrypted flag, the poll's sleep while a window is awaited and the CBOR poll.
 */
final class DeploymentSupport {

    private DeploymentSupport() {
    }

    /** Stores module metadata ({@code POST /rest/v1/softwaremodules/{M}/metadata}); 201 with the created entries. */
    static Response addMetadata(Store store, Module m, JsonNode body) {
        ArrayNode out = Json.arr();
        for (JsonNode n : body.isArray() ? body : Json.arr().add(body)) {
            String key = n.path("key").asString(null);
            if (key == null || key.isEmpty()) {
                throw Http.notReadable();
            }
            if (m.metadata.containsKey(key)) {
                throw Http.halt(Response.error(409, "hawkbit.server.error.repo.entitiyAlreayExists",
                        "org.eclipse.hawkbit.repository.exception.EntityAlreadyExistsException",
                        "The given entity already exists in database"));
            }
            ModuleMetadata meta = new ModuleMetadata(key, n.path("value").asString(""), n.path("targetVisible").asBoolean(false));
            m.metadata.put(key, meta);
            out.addObject().put("key", meta.key()).put("value", meta.value()).put("targetVisible", meta.targetVisible());
        }
        return Response.hal(201, out);
    }

    /** The chunk's {@code encrypted} flag (only when true) and its target-visible {@code metadata} (only when any). */
    static void decorateChunk(Store store, ObjectNode chunk, Module m) {
        if (m.encrypted && !store.has(Defect.ENCRYPTED_FLAG_MISSING)) {
            chunk.put("encrypted", true);
        }
        ArrayNode meta = Json.arr();
        for (ModuleMetadata e : m.metadata.values()) {
            if (e.targetVisible() || store.has(Defect.HIDDEN_METADATA_VISIBLE)) {
                meta.addObject().put("key", e.key()).put("value", e.value());
            }
        }
        if (!meta.isEmpty()) {
            chunk.set("metadata", meta);
        }
    }

    /** Whether the action's maintenance window (if any) is open now; actions without a window count as open. */
    static boolean windowOpen(Store store, Action a) {
        return a.maintenanceWindow == null || store.has(Defect.MAINTENANCE_WINDOW_IGNORED)
                || a.maintenanceWindow.available(System.currentTimeMillis());
    }

    /** {@code update} as delivered: {@code skip} outside the window; adds {@code maintenanceWindow} for scheduled actions. */
    static String applyMaintenanceWindow(Store store, Action a, ObjectNode deployment, String update) {
        if (a.maintenanceWindow == null || store.has(Defect.MAINTENANCE_WINDOW_IGNORED)) {
            return update;
        }
        boolean open = windowOpen(store, a);
        deployment.put("maintenanceWindow", open ? "available" : "unavailable");
        return open ? update : "skip";
    }

    /** The poll's sleep for the current action: shortened while it waits for a window (never above the interval). */
    static Duration sleep(Store store, Action current, Duration configured) {
        if (current == null || current.maintenanceWindow == null || store.has(Defect.MAINTENANCE_WINDOW_IGNORED)) {
            return configured;
        }
        if (store.has(Defect.MAINTENANCE_SLEEP_LONGER) && !windowOpen(store, current)) {
            return configured.multipliedBy(2);
        }
        Object count = store.config.value("maintenanceWindowPollCount");
        int pollCount = count instanceof Integer i ? i : 3;
        return current.maintenanceWindow.sleep(configured, pollCount, System.currentTimeMillis());
    }

    /** Whether the request asks for CBOR ({@code Accept: application/cbor} before any JSON type). */
    static boolean wantsCbor(Request req) {
        String accept = req.header("Accept");
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String mt = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (mt.equals("application/cbor")) {
                return true;
            }
            if (mt.contains("json") || mt.equals("*/*")) {
                return false;
            }
        }
        return false;
    }

    /** The poll as CBOR: hawkBit renders the links as a {@code links} array of {@code {rel, href}} (catalogue §5 Q-21). */
    static Response cborPoll(Store store, ObjectNode body) {
        ObjectNode out = Json.obj();
        body.properties().forEach(e -> {
            if (e.getKey().equals("_links")) {
                ArrayNode links = out.putArray("links");
                e.getValue().properties().forEach(l -> links.addObject().put("rel", l.getKey())
                        .put("href", l.getValue().path("href").asString()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        byte[] bytes = store.has(Defect.CBOR_POLL_AS_JSON) ? Json.bytes(body) : Cbor.encode(out);
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"";
        return Response.bytes(200, "application/cbor", bytes).with("ETag", etag);
    }
}

package org.ddict.reference;

import static org.ddict.reference.Http.halt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;
import org.ddict.reference.Store.Target;

import tools.jackson.databind.JsonNode;

/**
 * {@code PUT {base}/configData} as hawkBit 1.1.0 answers it (observed §P): modes merge (default), replace and remove;
 * 400 for an unknown mode, missing or empty data and nested values; keys and values of at most 128 characters; at most
 * 100 attributes per controller (429); 200 with an empty body, after which the device is no longer asked.
 */
final class ConfigDataSupport {
    static final int MAX_SIZE = 128;
    static final int MAX_ATTRIBUTES = 100;

    private ConfigDataSupport() {
    }

    static Response put(Store store, Target t, Request req, Supplier<JsonNode> parsedBody) {
        JsonNode root;
        if (store.has(Defect.CONFIG_ACCEPTS_XML) && req.mediaType().equals("application/xml")) {
            try {
                root = Json.parse(req.body());
            } catch (Json.MalformedJson e) {
                throw Http.notReadable();
            }
        } else {
            root = parsedBody.get();
        }
        if (!root.isObject()) {
            throw Http.notReadable();
        }
        JsonNode modeNode = root.get("mode");
        String mode = null;
        if (modeNode != null && !modeNode.isNull()) {
            mode = modeNode.isString() ? modeNode.asString() : "";
            if (!Set.of("merge", "replace", "remove").contains(mode)) {
                if (!store.has(Defect.CONFIG_UNKNOWN_MODE_AS_MERGE)) {
                    throw Http.notReadable();
                }
                mode = "merge";
            }
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject() || data.isEmpty()) {
            if (store.has(Defect.CONFIG_EMPTY_DATA_ACCEPTED) && (data == null || data.isObject())) {
                return Response.empty(200);
            }
            throw Http.notReadable();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var e : data.properties()) {
            JsonNode v = e.getValue();
            if (!v.isValueNode()) {
                throw Http.notReadable();
            }
            String value = v.isNull() ? null : v.asString();
            boolean tooLong = e.getKey().length() > MAX_SIZE || (value != null && value.length() > MAX_SIZE);
            if (tooLong && !store.has(Defect.CONFIG_LONG_ATTRIBUTES_ACCEPTED)) {
                throw halt(Response.error(400, "hawkbit.server.error.repo.invalidTargetAttributes",
                        "org.eclipse.hawkbit.repository.exception.InvalidTargetAttributeException",
                        "The given target attributes are invalid"));
            }
            values.put(e.getKey(), value == null ? "" : value);
        }
        if (mode == null) {
            mode = store.has(Defect.CONFIG_DEFAULT_MODE_REPLACE) ? "replace" : "merge";
        } else if (mode.equals("merge") && store.has(Defect.CONFIG_MERGE_REPLACES)) {
            mode = "replace";
        } else if (mode.equals("replace") && store.has(Defect.CONFIG_REPLACE_MERGES)) {
            mode = "merge";
        }
        Map<String, String> next = new LinkedHashMap<>(t.attributes);
        switch (mode) {
            case "replace" -> {
                next.clear();
                next.putAll(values);
            }
            case "remove" -> {
                if (store.has(Defect.CONFIG_REMOVE_CLEARS_ALL)) {
                    next.clear();
                } else {
                    values.keySet().forEach(next::remove);
                }
            }
            default -> next.putAll(values);
        }
        if (next.size() > MAX_ATTRIBUTES) {
            if (store.has(Defect.CONFIG_QUOTA_AS_400)) {
                throw halt(Response.error(400, "hawkbit.server.error.repo.invalidTargetAttributes",
                        "org.eclipse.hawkbit.repository.exception.InvalidTargetAttributeException",
                        "The given target attributes are invalid"));
            }
            throw halt(Response.error(429, "hawkbit.server.error.quota.tooManyEntries",
                    "org.eclipse.hawkbit.repository.exception.AssignmentQuotaExceededException",
                    "Quota exceeded: Cannot assign " + values.size() + " more TargetAttribute entities to Target '"
                            + t.controllerId + "'. The maximum is " + MAX_ATTRIBUTES + "."));
        }
        t.attributes.clear();
        t.attributes.putAll(next);
        if (!store.has(Defect.CONFIG_LINK_KEPT_AFTER_UPLOAD)) {
            t.requestAttributes = false;
        }
        return Response.empty(200);
    }

    /** After a successful update hawkBit asks the device for its attributes again. */
    static void requestAfterUpdate(Store store, Target t) {
        if (!store.has(Defect.CONFIG_NOT_REQUESTED_AFTER_UPDATE)) {
            t.requestAttributes = true;
        }
    }
}

package org.ddict.reference;

import java.util.function.Supplier;

import org.ddict.reference.Http.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The error bodies of DDI answers, where a deliberate defect changes them (ExceptionInfo, catalogue DDI-ERROR-01). */
final class DdiErrorBodies {

    private DdiErrorBodies() {
    }

    static Response apply(Store store, Supplier<Response> handler) {
        try {
            return handler.get();
        } catch (Http.Halt h) {
            return rewrite(store, h.response);
        }
    }

    private static Response rewrite(Store store, Response r) {
        if (r.body() == null || !store.has(Defect.ERROR_CODE_GENERIC) && !store.has(Defect.ERROR_INFO_AS_STRING)) {
            return r;
        }
        JsonNode body;
        try {
            body = Json.parse(r.body());
        } catch (RuntimeException e) {
            return r;
        }
        if (!(body instanceof ObjectNode info)) {
            return r;
        }
        String code = info.path("errorCode").asString("");
        if (store.has(Defect.ERROR_CODE_GENERIC) && code.equals(Http.NOT_READABLE)) {
            info.put("errorCode", "hawkbit.server.error.badRequest");
        } else if (store.has(Defect.ERROR_INFO_AS_STRING) && code.equals(Http.ENTITY_NOT_FOUND)) {
            info.put("info", info.path("info").toString());
        } else {
            return r;
        }
        return Response.json(r.status(), info, r.headers().getOrDefault("Content-Type", "application/json"));
    }
}

package org.ddict.reference;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;

import tools.jackson.databind.JsonNode;

/** Request/response values exchanged between the HTTP layer and the handlers. */
final class Http {
    private Http() {
    }

    record Request(String method, String rawPath, List<String> segments, Map<String, String> query,
                   Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        /** http://host[:port] as the client addressed us. */
        String origin() {
            String host = header("Host");
            return "http://" + (host == null ? "127.0.0.1" : host);
        }

        String mediaType() {
            String ct = header("Content-Type");
            if (ct == null) {
                return "";
            }
            int semi = ct.indexOf(';');
            return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase();
        }

        static Request of(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
            List<String> segs = new ArrayList<>();
            String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            for (String s : p.split("/", -1)) {
                segs.add(decode(s));
            }
            Map<String, String> q = new LinkedHashMap<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    q.putIfAbsent(k, v);
                }
            }
            return new Request(method, rawPath, segs, q, headers, body);
        }

        private static String decode(String segment) {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    /** A complete response; {@code body == null} sends no body. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        static Response empty(int status) {
            return new Response(status, new LinkedHashMap<>(), null);
        }

        static Response json(int status, JsonNode node, String contentType) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            return new Response(status, h, Json.bytes(node));
        }

        static Response hal(int status, JsonNode node) {
            return json(status, node, "application/hal+json");
        }

        static Response error(int status, String errorCode, String exceptionClass, String message) {
            return json(status, Json.exceptionInfo(errorCode, exceptionClass, message), "application/json");
        }

        static Response bytes(int status, String contentType, byte[] body) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", contentType);
            return new Response(status, h, body);
        }

        Response with(String header, String value) {
            headers.put(header, value);
            return this;
        }
    }

    /** Ends request handling early with the given response. */
    static final class Halt extends RuntimeException {
        final Response response;

        Halt(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    static Halt halt(Response r) {
        return new Halt(r);
    }

    static final String NOT_READABLE = "hawkbit.server.error.rest.body.notReadable";
    static final String NOT_READABLE_CLASS = "org.eclipse.hawkbit.rest.exception.MessageNotReadableException";
    static final String ENTITY_NOT_FOUND = "hawkbit.server.error.repo.entityNotFound";
    static final String ENTITY_NOT_FOUND_CLASS = "org.eclipse.hawkbit.repository.exception.EntityNotFoundException";
    static final String CONSTRAINT = "hawkbit.server.error.repo.constraintViolation";
    static final String CONSTRAINT_CLASS = "jakarta.validation.ConstraintViolationException";

    static Halt notReadable() {
        return halt(Response.error(400, NOT_READABLE, NOT_READABLE_CLASS, "The given request body is not well formed"));
    }

    static Halt constraint(String message) {
        return halt(Response.error(400, CONSTRAINT, CONSTRAINT_CLASS, message));
    }

    static Halt notFound(String type, Object id, String message) {
        var body = Json.exceptionInfo(ENTITY_NOT_FOUND, ENTITY_NOT_FOUND_CLASS, message);
        if (type != null) {
            var info = body.putObject("info").put("type", type);
            if (id instanceof Long l) {
                info.put("entityId", l);
            } else {
                info.put("entityId", String.valueOf(id));
            }
        }
        return halt(Response.json(404, body, "application/json"));
    }

    static Halt springError(int status, String error, Request req) {
        return halt(Response.json(status, Json.springError(status, error, req.rawPath()), "application/json"));
    }

    static Halt methodNotAllowed(Request req, String allow) {
        return halt(Response.json(405, Json.springError(405, "Method Not Allowed", req.rawPath()), "application/json")
                .with("Allow", allow));
    }
}

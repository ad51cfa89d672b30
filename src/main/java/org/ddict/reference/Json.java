package org.ddict.reference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers of the reference server: one shared mapper, node factories and error bodies. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** Parses a body; throws {@link MalformedJson} for syntactically invalid JSON. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJson();
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new MalformedJson();
        }
    }

    static ObjectNode link(String href) {
        return obj().put("href", href);
    }

    static ObjectNode exceptionInfo(String errorCode, String exceptionClass, String message) {
        return obj().put("errorCode", errorCode).put("exceptionClass", exceptionClass).put("message", message);
    }

    static ObjectNode springError(int status, String error, String path) {
        return obj().put("timestamp", java.time.Instant.now().toString()).put("status", status)
                .put("error", error).put("path", path);
    }

    /** Thrown for a body that is not syntactically valid JSON. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson() {
            super("malformed JSON", null, false, false);
        }
    }
}

package org.ddict.schema;

import java.util.Objects;

/**
 * One schema violation of a DDI document.
 *
 * @param pointer JSON pointer (RFC 6901) of the offending instance location; {@code ""} for the document root
 * @param keyword the JSON Schema keyword that failed ({@code required}, {@code type}, {@code enum}, …), or
 *                {@code json} when the text is not JSON at all
 * @param message human-readable explanation
 * @param kind    classification used by checks and reports
 */
public record SchemaViolation(String pointer, String keyword, String message, Kind kind) {

    public enum Kind {
        /** A required property is missing (pointer = the object, message names the property). */
        REQUIRED,
        /** Wrong JSON type (e.g. a string where an integer is required). */
        TYPE,
        /** An enumeration value that differs from an allowed value only by case (e.g. {@code ATTEMPT}). */
        WRONG_CASE,
        /** A value outside its enumeration. */
        ENUM,
        /** A string not matching its pattern (hashes, action ids, …). */
        PATTERN,
        /** More than one of deploymentBase / cancelAction / confirmationBase in a controller base. */
        AT_MOST_ONE_ACTION_LINK,
        /** Anything wrong with {@code config.polling.sleep}. */
        SLEEP_FORMAT,
        /** Everything else (additional properties, minItems, invalid JSON, …). */
        OTHER
    }

    public SchemaViolation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
    }

    /** One line: {@code "<pointer or '(root)'>: <message>"}. */
    public String describe() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}

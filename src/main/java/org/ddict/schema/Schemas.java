package org.ddict.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates DDI documents against the suite's JSON Schemas (draft 2020-12, catalogue Appendix A).
 *
 * <p>The schemas live on the classpath under {@code schemas/ddi/} (the repository's top-level {@code schemas/ddi/}
 * folder, packaged by the pom). Each schema has the {@code $id} {@value #ID_PREFIX}{@code <file>} and refers to
 * the shared definitions relatively ({@code common.schema.json#/$defs/…}); the registry maps that IRI prefix to
 * the classpath, so nothing is fetched from the network or the file system.
 *
 * <p>Instances are immutable and thread-safe; {@link #fromClasspath()} loads every schema once and returns a
 * shared instance.
 */
public final class Schemas {

    /** IRI prefix of every {@code $id}; mapped to the classpath folder {@link #CLASSPATH_FOLDER}. */
    public static final String ID_PREFIX = "https://ddict.org/schemas/ddi/";

    /** Classpath folder holding the schema files. */
    public static final String CLASSPATH_FOLDER = "schemas/ddi/";

    /**
     * Catalogue A.9: one line of an {@code .MD5SUM} checksum file, {@code <md5 hex>␠␠<file name>} with an optional
     * line end. Group 1 = MD5 of the artifact, group 2 = the artifact file name.
     */
    public static final Pattern MD5SUM_LINE = Pattern.compile("^([0-9a-fA-F]{32})  ([^\\r\\n]+)(\\r?\\n)?$");

    private static final String SLEEP_POINTER = "/config/polling/sleep";
    private static final String SLEEP_FORMAT_TEXT = "string \"HH:MM:SS\" (two-digit hours, minutes and seconds 00-59)";
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.json");
    /** Evaluation path through a combinator branch: group 1 = path up to and including the combinator. */
    private static final Pattern BRANCH = Pattern.compile("^(.*?/(?:anyOf|oneOf))/(\\d+)/(.*)$");
    private static final int MAX_VALUE_CHARS = 80;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<DdiDocument, Schema> schemas;

    private Schemas(Map<DdiDocument, Schema> schemas) {
        this.schemas = schemas;
    }

    private static final class Holder {
        static final Schemas INSTANCE = load();
    }

    /** The shared instance with every schema of {@link DdiDocument} loaded from the classpath. */
    public static Schemas fromClasspath() {
        return Holder.INSTANCE;
    }

    private static Schemas load() {
        ClassLoader loader = Schemas.class.getClassLoader();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(iri -> iri.startsWith(ID_PREFIX)
                        ? readResource(loader, iri.substring(ID_PREFIX.length()))
                        : null));
        Map<DdiDocument, Schema> loaded = new EnumMap<>(DdiDocument.class);
        for (DdiDocument document : DdiDocument.values()) {
            try {
                Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + document.fileName()));
                schema.initializeValidators(); // resolve every $ref now, not lazily during parallel validation
                loaded.put(document, schema);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load schema " + CLASSPATH_FOLDER + document.fileName()
                        + " for the " + document.label() + ": " + e.getMessage(), e);
            }
        }
        return new Schemas(loaded);
    }

    private static String readResource(ClassLoader loader, String fileName) {
        int hash = fileName.indexOf('#');
        String name = hash >= 0 ? fileName.substring(0, hash) : fileName;
        if (!FILE_NAME.matcher(name).matches()) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource not found on the classpath: " + CLASSPATH_FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_FOLDER + name, e);
        }
    }

    /**
     * Validates a JSON text against the schema of {@code document}.
     *
     * @return the violations in a stable order without duplicates; empty when the document is valid. A text that
     * is not JSON yields one violation of kind {@link SchemaViolation.Kind#OTHER} with keyword {@code json}.
     */
    public List<SchemaViolation> validate(DdiDocument document, String json) {
        JsonNode instance;
        try {
            if (json == null || json.isBlank()) {
                return List.of(notJson("empty body"));
            }
            instance = MAPPER.readTree(json);
            if (instance == null || instance.isMissingNode()) {
                return List.of(notJson("empty body"));
            }
        } catch (JacksonException e) {
            return List.of(notJson(e.getOriginalMessage()));
        }
        List<com.networknt.schema.Error> errors = schemas.get(document).validate(instance);
        return convert(document, errors);
    }

    private static SchemaViolation notJson(String detail) {
        return new SchemaViolation("", "json", "not valid JSON: " + detail, SchemaViolation.Kind.OTHER);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<SchemaViolation> convert(DdiDocument document, List<com.networknt.schema.Error> errors) {
        // Branches of anyOf/oneOf made only of "required" clauses are merged into one REQUIRED violation
        // ("at least one of …" / "exactly one of …") instead of one violation per branch.
        Map<String, List<String>> requiredBranches = new LinkedHashMap<>();
        Map<String, Set<String>> otherBranchKeywords = new LinkedHashMap<>();
        for (com.networknt.schema.Error error : errors) {
            Matcher m = BRANCH.matcher(evaluationPath(error));
            if (m.matches()) {
                String group = m.group(1) + "@" + pointer(error.getInstanceLocation());
                if ("required".equals(error.getKeyword()) && m.group(3).equals("required")) {
                    requiredBranches.computeIfAbsent(group, k -> new ArrayList<>()).add(String.valueOf(error.getProperty()));
                } else {
                    otherBranchKeywords.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(error.getKeyword());
                }
            }
        }
        Set<String> emittedGroups = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        List<SchemaViolation> out = new ArrayList<>();
        for (com.networknt.schema.Error error : errors) {
            String evaluationPath = evaluationPath(error);
            String pointer = pointer(error.getInstanceLocation());
            SchemaViolation violation;
            Matcher m = BRANCH.matcher(evaluationPath);
            String group = m.matches() ? m.group(1) + "@" + pointer : null;
            if (group != null && requiredBranches.containsKey(group) && !otherBranchKeywords.containsKey(group)) {
                if (!emittedGroups.add(group)) {
                    continue;
                }
                boolean oneOf = m.group(1).endsWith("oneOf");
                violation = new SchemaViolation(pointer, "required",
                        "missing required property: " + (oneOf ? "exactly" : "at least") + " one of "
                                + quoteAll(requiredBranches.get(group)) + " must be present",
                        kindFor(pointer, SchemaViolation.Kind.REQUIRED));
            } else if ("oneOf".equals(error.getKeyword()) && requiredBranches.containsKey(evaluationPath + "@" + pointer)
                    && !otherBranchKeywords.containsKey(evaluationPath + "@" + pointer)) {
                continue; // "0 valid" summary of a required-only oneOf: reported by the merged violation
            } else {
                violation = describe(document, error, pointer, evaluationPath);
            }
            if (seen.add(violation.pointer() + "\u0000" + violation.keyword() + "\u0000" + violation.message())) {
                out.add(violation);
            }
        }
        return List.copyOf(out);
    }

    private static SchemaViolation describe(DdiDocument document, com.networknt.schema.Error error, String pointer,
                                            String evaluationPath) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode instance = error.getInstanceNode();
        JsonNode schemaNode = error.getSchemaNode();
        SchemaViolation.Kind kind;
        String message;
        switch (keyword) {
            case "required" -> {
                kind = SchemaViolation.Kind.REQUIRED;
                message = "missing required property '" + error.getProperty() + "'";
            }
            case "type" -> {
                kind = SchemaViolation.Kind.TYPE;
                message = "wrong JSON type: expected " + text(schemaNode) + ", found " + jsonType(instance)
                        + " " + value(instance);
            }
            case "enum" -> {
                String allowedText = schemaNode != null && schemaNode.isArray() ? allowed(schemaNode) : "the enumeration";
                if (isWrongCase(instance, schemaNode)) {
                    kind = SchemaViolation.Kind.WRONG_CASE;
                    message = "wrong case: " + value(instance) + " must be lower case \""
                            + instance.asString().toLowerCase(Locale.ROOT) + "\" (allowed: " + allowedText + ")";
                } else {
                    kind = SchemaViolation.Kind.ENUM;
                    message = value(instance) + " is not one of " + allowedText;
                }
            }
            case "pattern" -> {
                kind = SchemaViolation.Kind.PATTERN;
                message = value(instance) + " does not match the pattern " + text(schemaNode);
            }
            case "not" -> {
                if (document == DdiDocument.CONTROLLER_BASE && evaluationPath.endsWith("/properties/_links/not")) {
                    kind = SchemaViolation.Kind.AT_MOST_ONE_ACTION_LINK;
                    message = "at most one of 'deploymentBase', 'cancelAction', 'confirmationBase' may be offered, found "
                            + quoteAll(presentActionLinks(instance));
                } else {
                    kind = SchemaViolation.Kind.OTHER;
                    message = error.getMessage();
                }
            }
            case "oneOf" -> {
                List<String> names = requiredOnlyBranches(schemaNode);
                kind = SchemaViolation.Kind.OTHER;
                if (names != null && instance != null && instance.isObject()) {
                    List<String> present = new ArrayList<>();
                    names.forEach(n -> { if (instance.has(n)) present.add(n); });
                    message = "exactly one of " + quoteAll(names) + " must be present, found " + quoteAll(present);
                } else {
                    message = error.getMessage();
                }
            }
            case "additionalProperties" -> {
                kind = SchemaViolation.Kind.OTHER;
                message = "unknown property '" + error.getProperty() + "' is not allowed (closed schema)";
            }
            default -> {
                kind = SchemaViolation.Kind.OTHER;
                message = error.getMessage();
                if (instance != null && instance.isValueNode()) {
                    message += ", found " + value(instance);
                }
            }
        }
        if (kindFor(pointer, kind) == SchemaViolation.Kind.SLEEP_FORMAT) {
            return new SchemaViolation(pointer, keyword,
                    "polling sleep must be a " + SLEEP_FORMAT_TEXT + ", found " + jsonType(instance) + " " + value(instance),
                    SchemaViolation.Kind.SLEEP_FORMAT);
        }
        return new SchemaViolation(pointer, keyword, message, kind);
    }

    /** The property names when every branch is {@code {"required":[name]}}, else null. */
    private static List<String> requiredOnlyBranches(JsonNode branches) {
        if (branches == null || !branches.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode branch : branches) {
            JsonNode required = branch.get("required");
            if (branch.size() != 1 || required == null || !required.isArray() || required.size() != 1) {
                return null;
            }
            names.add(required.get(0).asString());
        }
        return names;
    }

    private static SchemaViolation.Kind kindFor(String pointer, SchemaViolation.Kind kind) {
        return SLEEP_POINTER.equals(pointer) ? SchemaViolation.Kind.SLEEP_FORMAT : kind;
    }

    private static boolean isWrongCase(JsonNode instance, JsonNode allowedValues) {
        if (instance == null || !instance.isString() || allowedValues == null || !allowedValues.isArray()) {
            return false;
        }
        String lower = instance.asString().toLowerCase(Locale.ROOT);
        for (JsonNode allowed : allowedValues) {
            if (allowed.isString() && allowed.asString().equals(lower)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> presentActionLinks(JsonNode links) {
        List<String> present = new ArrayList<>();
        if (links != null && links.isObject()) {
            for (String rel : List.of("deploymentBase", "cancelAction", "confirmationBase")) {
                if (links.has(rel)) {
                    present.add(rel);
                }
            }
        }
        return present;
    }

    private static String evaluationPath(com.networknt.schema.Error error) {
        return error.getEvaluationPath() == null ? "" : error.getEvaluationPath().toString();
    }

    /** RFC 6901 JSON pointer of a node path ({@code ""} = root). */
    static String pointer(NodePath path) {
        if (path == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    private static String allowed(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.toString()));
        return "[" + String.join(", ", items) + "]";
    }

    private static String quoteAll(List<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add("'" + n + "'"));
        return String.join(", ", quoted);
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return "?";
        }
        return node.isString() ? node.asString() : node.toString();
    }

    private static String jsonType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "array" : "object";
    }

    private static String value(JsonNode node) {
        if (node == null) {
            return "";
        }
        String text = node.toString();
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}

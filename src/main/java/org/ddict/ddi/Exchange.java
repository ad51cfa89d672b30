package org.ddict.ddi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ddict.config.Redaction;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A request and the server's answer to it: the evidence every check reads and every failure quotes. */
public final class Exchange {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EXCERPT = 600;

    private final HttpCall call;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration elapsed;
    private JsonNode json;

    public Exchange(HttpCall call, int status, Map<String, List<String>> headers, byte[] body, Duration elapsed) {
        this.call = call;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.elapsed = elapsed;
    }

    public HttpCall call() {
        return call;
    }

    public int status() {
        return status;
    }

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public boolean is4xx() {
        return status >= 400 && status < 500;
    }

    public boolean is5xx() {
        return status >= 500;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The media type without parameters, lower case ({@code application/hal+json}), or empty when absent. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    public boolean isJsonMediaType() {
        String t = mediaType();
        return t.equals("application/json") || t.endsWith("+json");
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** True for bodies that are not text (artifact downloads): reports show their size, not their bytes. */
    public boolean isBinary() {
        return hasBody() && !Http.textual(mediaType());
    }

    public byte[] bytes() {
        return body;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The body as JSON, parsed once; throws {@link JacksonException} when it is not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = JSON.readTree(body);
        }
        return json;
    }

    public Optional<JsonNode> jsonIfParsable() {
        try {
            return Optional.ofNullable(json());
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** {@code HTTP 404 (application/json): {"errorCode":…}}, the body cut to a readable excerpt. */
    public String describe() {
        String t = isBinary() ? "(" + body.length + " bytes of binary content)" : text().replaceAll("\\s+", " ").trim();
        if (t.length() > EXCERPT) {
            t = t.substring(0, EXCERPT) + "… (" + body.length + " bytes)";
        }
        String type = mediaType().isEmpty() ? "no Content-Type" : mediaType();
        String redirect = status >= 300 && status < 400 ? header("Location").map(l -> ", a redirect to " + l).orElse("") : "";
        return "HTTP " + status + " (" + type + redirect + "): " + (t.isEmpty() ? "(empty body)" : Redaction.apply(t));
    }
}

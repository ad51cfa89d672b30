package org.ddict.ddi;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ddict.config.Redaction;

/**
 * One HTTP request as the suite sends it: method, URL exactly as it goes on the wire, headers and body.
 * Its {@link #curl()} reproduces it with every credential replaced by a shell variable.
 */
public record HttpCall(String method, URI url, Map<String, String> headers, String body) {

    public HttpCall {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static HttpCall of(String method, URI url) {
        return new HttpCall(method, url, Map.of(), null);
    }

    public HttpCall header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        if (value != null) {
            h.put(name, value);
        }
        return new HttpCall(method, url, h, body);
    }

    public HttpCall withoutHeader(String name) {
        return header(name, null);
    }

    public HttpCall body(String contentType, String text) {
        return new HttpCall(method, url, headers, text).header("Content-Type", contentType);
    }

    public HttpCall method(String newMethod) {
        return new HttpCall(newMethod, url, headers, body);
    }

    public String headerValue(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A curl command line that repeats this request; credentials appear as {@code $DDICT_*} variables. */
    public String curl() {
        StringBuilder sb = new StringBuilder("curl -i");
        if (method.equals("HEAD")) {
            sb.append(" -I");
        } else if (!method.equals("GET") || body != null) {
            sb.append(" -X ").append(method);
        }
        sb.append(' ').append(quote(url.toString()));
        headers.forEach((k, v) -> sb.append(" -H ").append(quote(k + ": " + (k.equalsIgnoreCase("Authorization") ? mask(v) : cut(v)))));
        if (body != null) {
            sb.append(" --data-raw ").append(quote(cut(body)));
        }
        return Redaction.apply(sb.toString());
    }

    /** {@code TargetToken abc} → {@code TargetToken $DDICT_TARGET_TOKEN}: the scheme stays, the secret goes. */
    static String mask(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String variable = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "targettoken" -> "$DDICT_TARGET_TOKEN";
            case "gatewaytoken" -> "$DDICT_GATEWAY_TOKEN";
            case "basic" -> "$DDICT_MGMT_BASIC";
            default -> "$DDICT_CREDENTIAL";
        };
        return space < 0 ? variable : scheme + " " + variable;
    }

    /** Texts the suite sends to test size limits (megabytes) are shown by their start and length. */
    static final int CURL_LIMIT = 4096;

    private static String cut(String s) {
        return s.length() <= CURL_LIMIT ? s : s.substring(0, CURL_LIMIT) + "… (" + s.length() + " characters in all)";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}

package org.ddict.ddi;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** A link as received in a HAL document: {@code rel} and {@code href}, with the catalogue's V-ID rule. */
public record Link(String rel, String href) {

    /** The raw path of the href (a relative href is resolved against {@code base}). */
    public String path(URI base) {
        return base.resolve(href).getRawPath();
    }

    /** V-ID: the last path segment of the href, before any query; empty when it is not a number. */
    public OptionalLong actionId() {
        String h = href;
        int q = h.indexOf('?');
        if (q >= 0) {
            h = h.substring(0, q);
        }
        String last = h.substring(h.lastIndexOf('/') + 1);
        try {
            return OptionalLong.of(Long.parseLong(last));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The percent-decoded segment after {@code /controller/v1/}, or null when the path has none. */
    public String controllerSegment(URI base) {
        String p = path(base);
        int i = p.indexOf("/controller/v1/");
        if (i < 0) {
            return null;
        }
        String rest = p.substring(i + "/controller/v1/".length());
        int slash = rest.indexOf('/');
        String seg = slash < 0 ? rest : rest.substring(0, slash);
        return URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

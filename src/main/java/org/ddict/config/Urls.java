package org.ddict.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Validates URLs given by the user. */
public final class Urls {

    private Urls() {
    }

    public static URI parse(String setting, String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new ConfigException(setting + ": '" + value + "' is not an http(s) URL such as http://host:8080");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException(setting + ": '" + value + "' must not carry a query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(setting + ": '" + value + "' is not a valid URL (" + e.getReason() + ")");
        }
    }
}

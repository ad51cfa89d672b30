package org.ddict.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ddict.reference.Http.Request;

/**
 * hawkBit's certificate-header authentication (a trusted reverse proxy terminated mTLS): with tenant key
 * {@code authentication.header.enabled}, a request whose {@code X-Controller-Id} equals the path controllerId and
 * whose {@code X-Authority} (or {@code X-Authority-0}, {@code X-Authority-1}, …) names one of the configured
 * authorities ({@code authentication.header.authority}, separated by {@code ,} or {@code ;}, case-insensitive) is
 * authenticated as that controller.
 */
final class HeaderAuthentication {
    static final String ENABLED = "authentication.header.enabled";
    static final String AUTHORITY = "authentication.header.authority";

    private HeaderAuthentication() {
    }

    static boolean accepts(Request req, String pathControllerId, Store store) {
        TenantConfig cfg = store.config;
        if (!cfg.bool(ENABLED)) {
            return false;
        }
        String controllerId = req.header("X-Controller-Id");
        if (controllerId == null) {
            return false;
        }
        if (!controllerId.equals(pathControllerId) && !store.has(Defect.CERT_HEADER_ANY_CONTROLLER)) {
            return false;
        }
        List<String> trusted = split(cfg.string(AUTHORITY));
        if (trusted.isEmpty()) {
            return false;
        }
        List<String> presented = new ArrayList<>(split(req.header("X-Authority")));
        for (int i = 0; req.header("X-Authority-" + i) != null; i++) {
            presented.addAll(split(req.header("X-Authority-" + i)));
        }
        return presented.stream().anyMatch(trusted::contains);
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[,;]")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .toList();
    }
}

package org.ddict.reference;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tenant configuration keys ({@code /rest/v1/system/configs}) with hawkBit's system defaults. */
final class TenantConfig {
    static final String TARGET_TOKEN = "authentication.targettoken.enabled";
    static final String GATEWAY_TOKEN = "authentication.gatewaytoken.enabled";
    static final String GATEWAY_KEY = "authentication.gatewaytoken.key";
    static final String POLLING_TIME = "pollingTime";

    private static final Pattern HMS = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");

    private final Map<String, Object> systemDefaults = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    TenantConfig(ReferenceServer.Options o) {
        systemDefaults.put(TARGET_TOKEN, false);
        systemDefaults.put(GATEWAY_TOKEN, false);
        systemDefaults.put(GATEWAY_KEY, "");
        systemDefaults.put("authentication.header.enabled", false);
        systemDefaults.put("authentication.header.authority", "");
        systemDefaults.put(POLLING_TIME, "00:05:00");
        systemDefaults.put("pollingOverdueTime", "00:05:00");
        systemDefaults.put("maintenanceWindowPollCount", 3);
        systemDefaults.put("user.confirmation.flow.enabled", false);
        systemDefaults.put("repository.actions.autoclose.enabled", false);
        systemDefaults.put("implicit.lock.enabled", true);
        systemDefaults.put("rollout.approval.enabled", false);
        systemDefaults.put("batch.assignments.enabled", false);
        systemDefaults.put("action.cleanup.auto.expiry", -1);
        systemDefaults.put("action.cleanup.auto.status", "CANCELED,ERROR");
        systemDefaults.put("action.cleanup.onQuotaHit.percent", 0);
        systemDefaults.put("default.ds.type", "os_app");
        // the suggested run start (REQUIREMENTS §4.2) has been applied
        values.put(TARGET_TOKEN, true);
        values.put(GATEWAY_TOKEN, true);
        values.put(GATEWAY_KEY, o.gatewayToken());
        values.put(POLLING_TIME, o.pollingTime());
    }

    boolean known(String key) {
        return systemDefaults.containsKey(key);
    }

    Map<String, Object> systemDefaults() {
        return systemDefaults;
    }

    Object value(String key) {
        return values.containsKey(key) ? values.get(key) : systemDefaults.get(key);
    }

    /** The tenant's own values (keys absent here have the system default). */
    Map<String, Object> tenantValues() {
        return java.util.Collections.unmodifiableMap(values);
    }

    boolean global(String key) {
        return !values.containsKey(key);
    }

    boolean bool(String key) {
        return Boolean.TRUE.equals(value(key));
    }

    String string(String key) {
        Object v = value(key);
        return v == null ? "" : v.toString();
    }

    void reset(String key) {
        values.remove(key);
    }

    /** Normalises a value for a key; returns null when it is invalid. */
    Object validate(String key, tools.jackson.databind.JsonNode v) {
        Object def = systemDefaults.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (def instanceof Boolean) {
            if (v.isBoolean()) {
                return v.asBoolean();
            }
            if (v.isString() && (v.asString().equals("true") || v.asString().equals("false"))) {
                return Boolean.parseBoolean(v.asString());
            }
            return null;
        }
        if (def instanceof Integer) {
            return v.canConvertToInt() ? v.asInt() : null;
        }
        String s = v.isValueNode() ? v.asString() : null;
        if (s == null) {
            return null;
        }
        if (key.equals(POLLING_TIME) || key.equals("pollingOverdueTime")) {
            Duration d = parseDuration(s);
            if (d == null || d.compareTo(Duration.ofSeconds(30)) < 0 || d.compareTo(Duration.ofSeconds(86399)) > 0) {
                return null;
            }
        }
        return s;
    }

    void set(String key, Object value) {
        values.put(key, value);
    }

    /** Parses the base interval of a polling time ("HH:mm:ss" or ISO-8601, optional "~NN%" and overrides). */
    static Duration parseDuration(String raw) {
        String s = raw;
        int comma = s.indexOf(',');
        if (comma >= 0) {
            s = s.substring(0, comma);
        }
        int tilde = s.indexOf('~');
        if (tilde >= 0) {
            s = s.substring(0, tilde);
        }
        s = s.trim();
        Matcher m = HMS.matcher(s);
        if (m.matches()) {
            return Duration.ofHours(Integer.parseInt(m.group(1))).plusMinutes(Integer.parseInt(m.group(2)))
                    .plusSeconds(Integer.parseInt(m.group(3)));
        }
        try {
            return Duration.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String formatHms(Duration d) {
        long s = d.getSeconds();
        return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
    }
}

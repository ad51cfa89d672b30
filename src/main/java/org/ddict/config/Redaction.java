package org.ddict.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes credentials from every text the suite writes (report attachments, failure messages, summaries): each
 * {@link Secret} registers its value here when it is created, and token-like JSON fields are masked by name.
 */
public final class Redaction {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern TOKEN_FIELDS = Pattern.compile(
            "(\"(?:securityToken|password|authentication\\.gatewaytoken\\.key)\"\\s*:\\s*\")([^\"]*)(\")");
    private static final int MIN_LENGTH = 4;

    private Redaction() {
    }

    static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : SECRETS) {
            if (out.contains(s)) {
                out = out.replace(s, Secret.MASK);
            }
        }
        return TOKEN_FIELDS.matcher(out).replaceAll("$1" + Secret.MASK + "$3");
    }
}

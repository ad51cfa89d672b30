package org.ddict.config;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Names of everything a run creates start with its prefix ({@code ddict-<yyMMddHHmm>-<4 chars>}). */
public final class RunPrefix {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RunPrefix() {
    }

    public static String generate() {
        return "ddict-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyMMddHHmm")) + "-" + random(4);
    }

    /** Random characters from the portable alphabet (lower case and digits). */
    public static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}

package org.ddict.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ddict.catalogue.Req;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Permission for the server to fail one requirement until a date (inclusive), with the reason and who owns it.
 * A waivers file is a JSON array: {@code [{"requirement":"DDI-BASE-09","reason":"…","owner":"…","expires":"2027-03-31"}]}.
 */
public record Waiver(Req requirement, String reason, String owner, LocalDate expires) {

    private static final Set<String> KEYS = Set.of("requirement", "reason", "owner", "expires");

    /** Still in force on {@code today} (the expiry day itself included). */
    public boolean validOn(LocalDate today) {
        return !today.isAfter(expires);
    }

    /** One line for reports: {@code DDI-BASE-09 until 2027-03-31 (owner: reason)}. */
    public String describe() {
        return requirement.id() + " until " + expires + " (" + owner + ": " + reason + ")";
    }

    /** Reads and validates a waivers file; every problem is one {@link ConfigException} naming the entry. */
    public static List<Waiver> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--waivers: cannot read " + file + " (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(text);
        } catch (JacksonException e) {
            throw new ConfigException("--waivers: " + file + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray()) {
            throw new ConfigException("--waivers: " + file + " must hold a JSON array of {requirement, reason, owner, expires}");
        }
        List<Waiver> waivers = new ArrayList<>();
        Set<Req> seen = EnumSet.noneOf(Req.class);
        int i = 0;
        for (JsonNode n : root) {
            i++;
            String where = "--waivers: " + file + " entry " + i;
            if (!n.isObject()) {
                throw new ConfigException(where + " is not an object");
            }
            for (String key : n.propertyNames()) {
                if (!KEYS.contains(key)) {
                    throw new ConfigException(where + ": unknown key '" + key + "' (requirement, reason, owner, expires)");
                }
            }
            String id = text(n, "requirement", where);
            Req req = Req.byId(id).orElseThrow(() -> new ConfigException(where + ": unknown requirement ID '" + id + "'"));
            if (!seen.add(req)) {
                throw new ConfigException(where + ": a second waiver for " + req.id());
            }
            String date = text(n, "expires", where);
            LocalDate expires;
            try {
                expires = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ConfigException(where + ": expires '" + date + "' is not a date (YYYY-MM-DD)");
            }
            waivers.add(new Waiver(req, text(n, "reason", where), text(n, "owner", where), expires));
        }
        return List.copyOf(waivers);
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new ConfigException(where + ": '" + key + "' is missing or empty");
        }
        return v.asString().trim();
    }
}

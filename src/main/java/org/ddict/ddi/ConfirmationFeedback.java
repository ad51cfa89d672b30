package org.ddict.ddi;

import java.util.ArrayList;
import java.util.List;

import org.ddict.config.RunPrefix;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A confirmation feedback body (catalogue §0.4 {@code CF(conf)}): {@code {"confirmation":…,"code":…,"details":[marker]}};
 * the marker finds the status entry the server records for it (V-STATUS).
 */
public final class ConfirmationFeedback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String confirmation;
    private final String marker = "ddict-" + RunPrefix.random(10);
    private final List<String> details = new ArrayList<>(List.of(marker));
    private Integer code;

    private ConfirmationFeedback(String confirmation) {
        this.confirmation = confirmation;
    }

    public static ConfirmationFeedback confirmed() {
        return new ConfirmationFeedback("confirmed");
    }

    public static ConfirmationFeedback denied() {
        return new ConfirmationFeedback("denied");
    }

    /** Any value, or none at all ({@code null}), for negative checks. */
    public static ConfirmationFeedback raw(String confirmation) {
        return new ConfirmationFeedback(confirmation);
    }

    public ConfirmationFeedback code(int value) {
        this.code = value;
        return this;
    }

    public String marker() {
        return marker;
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        if (confirmation != null) {
            root.put("confirmation", confirmation);
        }
        if (code != null) {
            root.put("code", code);
        }
        details.forEach(root.putArray("details")::add);
        return JSON.writeValueAsString(root);
    }

    @Override
    public String toString() {
        return "confirmation " + (confirmation == null ? "(none)" : confirmation) + " [" + marker + "]";
    }
}

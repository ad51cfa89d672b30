package org.ddict.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.StatusEntry;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ?actionHistory=N} on deployment-shaped documents as hawkBit 1.1.0 renders it: the device messages of the
 * action (never those starting with {@code Update Server: }), newest status entry first, at most N (N < 0: at most 100),
 * and the action's status word in upper case as it was before the current request.
 */
final class HistorySupport {
    static final int MAX_MESSAGES = 100;
    static final String SERVER_MESSAGE_PREFIX = "Update Server: ";

    private HistorySupport() {
    }

    /** Adds {@code actionHistory} to {@code document} when {@code parameter} asks for it. */
    static void add(Store store, ObjectNode document, Action a, String parameter) {
        int n = count(parameter);
        if (n == 0 && store.has(Defect.HISTORY_ALWAYS_INCLUDED)) {
            n = -1;
        }
        if (n < 0 && store.has(Defect.HISTORY_NEGATIVE_EMPTY)) {
            n = 0;
        }
        if (n == 0) {
            return;
        }
        int limit = n < 0 ? MAX_MESSAGES : Math.min(n, MAX_MESSAGES);
        List<StatusEntry> entries = new ArrayList<>(a.statuses);
        entries.sort(Comparator.comparingLong((StatusEntry s) -> s.timestamp).thenComparingLong(s -> s.id).reversed());
        List<String> messages = new ArrayList<>();
        for (StatusEntry s : entries) {
            for (String m : s.messages) {
                if (messages.size() >= limit) {
                    break;
                }
                if (m == null || m.startsWith(SERVER_MESSAGE_PREFIX)) {
                    continue;
                }
                messages.add(store.has(Defect.HISTORY_MESSAGES_PREFIXED) ? s.type.toUpperCase(Locale.ROOT) + ": " + m : m);
            }
        }
        if (store.has(Defect.HISTORY_OLDEST_FIRST)) {
            java.util.Collections.reverse(messages);
        }
        ObjectNode history = document.putObject("actionHistory");
        history.put("status", a.status.toUpperCase(Locale.ROOT));
        ArrayNode list = history.putArray("messages");
        messages.forEach(list::add);
    }

    /** The requested count; absent, empty or not a number → 0 (hawkBit's default value). */
    private static int count(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(parameter.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

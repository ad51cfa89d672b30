package org.ddict.operator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of an action's status history: the recorded type (lower case) and its messages. */
public record StatusEntry(long id, String type, List<String> messages, Optional<Integer> code, long reportedAt) {

    public boolean mentions(String marker) {
        return messages.stream().filter(Objects::nonNull).anyMatch(m -> m.contains(marker));
    }

    @Override
    public String toString() {
        return "#" + id + " " + type + " " + messages + code.map(c -> " code=" + c).orElse("");
    }
}

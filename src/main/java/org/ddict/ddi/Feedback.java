package org.ddict.ddi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ddict.config.RunPrefix;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A feedback body (catalogue §0.4 {@code FB(exec, fin)}): every instance carries a unique marker in
 * {@code status.details}, so that the status entry the server records for it can be found (V-STATUS).
 */
public final class Feedback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code status.execution} values. */
    public enum Execution {
        CLOSED, PROCEEDING, CANCELED, SCHEDULED, REJECTED, RESUMED, DOWNLOADED, DOWNLOAD;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** {@code status.result.finished} values. */
    public enum Finished {
        SUCCESS, FAILURE, NONE;

        public String wire() {
            return name().toLowerCase();
        }
    }

    private final String execution;
    private final String finished;
    private final String marker;
    private final List<String> details = new ArrayList<>();
    private final Map<String, Object> extraTop = new LinkedHashMap<>();
    private Integer code;
    private int[] progress;
    private Long timestamp;

    private Feedback(String execution, String finished) {
        this.execution = execution;
        this.finished = finished;
        this.marker = "ddict-" + RunPrefix.random(10);
        this.details.add(marker);
    }

    public static Feedback of(Execution execution, Finished finished) {
        return new Feedback(execution.wire(), finished.wire());
    }

    /** Any words, for negative checks (unknown or upper-case enumeration values). */
    public static Feedback raw(String execution, String finished) {
        return new Feedback(execution, finished);
    }

    public Feedback details(String... more) {
        details.addAll(List.of(more));
        return this;
    }

    public Feedback code(int value) {
        this.code = value;
        return this;
    }

    public Feedback progress(int cnt, int of) {
        this.progress = new int[] {cnt, of};
        return this;
    }

    public Feedback timestamp(long epochMillis) {
        this.timestamp = epochMillis;
        return this;
    }

    /** An extra top-level property (e.g. the legacy {@code id} and {@code time} of old device clients). */
    public Feedback extra(String name, Object value) {
        extraTop.put(name, value);
        return this;
    }

    public String marker() {
        return marker;
    }

    public String execution() {
        return execution;
    }

    public String finished() {
        return finished;
    }

    public List<String> details() {
        return List.copyOf(details);
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        extraTop.forEach((k, v) -> root.putPOJO(k, v));
        ObjectNode status = root.putObject("status");
        status.put("execution", execution);
        ObjectNode result = status.putObject("result");
        result.put("finished", finished);
        if (progress != null) {
            result.putObject("progress").put("cnt", progress[0]).put("of", progress[1]);
        }
        if (code != null) {
            status.put("code", code);
        }
        details.forEach(status.putArray("details")::add);
        if (timestamp != null) {
            root.put("timestamp", timestamp);
        }
        return JSON.writeValueAsString(root);
    }

    @Override
    public String toString() {
        return execution + "/" + finished + " [" + marker + "]";
    }
}

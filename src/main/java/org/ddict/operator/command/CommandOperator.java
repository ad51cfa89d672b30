package org.ddict.operator.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ddict.catalogue.Feature;
import org.ddict.config.ConfigException;
import org.ddict.config.Durations;
import org.ddict.config.Redaction;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.operator.ActionState;
import org.ddict.operator.Assignment;
import org.ddict.operator.CancelOutcome;
import org.ddict.operator.Capability;
import org.ddict.operator.ControllerInfo;
import org.ddict.operator.ControllerRegistration;
import org.ddict.operator.OperatorException;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.SetupException;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.SoftwareSpec;
import org.ddict.operator.StatusEntry;
import org.ddict.operator.TenantSetting;

import io.qameta.allure.Allure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator {@code command:<program>}: every back-office step runs the external program once, as
 * {@code <program> <step>}, with one JSON request on stdin and one JSON answer on stdout ({@code {"ok":true,…}},
 * {@code {"unsupported":"why"}} or {@code {"error":"what"}}). The management password reaches the program only
 * through the environment ({@code DDICT_MGMT_PASSWORD}); the README documents every step.
 */
public final class CommandOperator implements ServerOperator {

    public static final String PREFIX = "command:";
    /** The protocol version sent in every request ({@code "protocol"}). */
    public static final int PROTOCOL = 1;
    /** A step may take this many request timeouts (it may send several requests to the back office). */
    static final int STEP_TIMEOUT_FACTOR = 6;
    /** Cleanup deletes everything of the run in one step. */
    static final int CLEANUP_TIMEOUT_FACTOR = 30;
    static final int STDERR_TAIL = 1500;
    private static final int ANSWER_EXCERPT = 300;
    private static final int ATTACHMENT_LIMIT = 32 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SuiteConfig config;
    private final String program;
    private final boolean attachToReport;
    private final Deque<String> createdControllers = new ConcurrentLinkedDeque<>();
    private final Deque<Long> createdSets = new ConcurrentLinkedDeque<>();
    private final Deque<Long> createdModules = new ConcurrentLinkedDeque<>();
    private volatile Description description;

    /** What the program answered to {@code describe}. */
    private record Description(EnumSet<Feature> features, EnumSet<Capability> capabilities, Optional<Secret> gatewayToken) {
    }

    public CommandOperator(SuiteConfig config, boolean attachToReport) {
        this.config = config;
        this.program = programOf(config.operator());
        this.attachToReport = attachToReport;
    }

    /** The program named by {@code command:<program>}; blank is a usage error. */
    static String programOf(String operator) {
        String p = operator.substring(PREFIX.length()).trim();
        if (p.isEmpty()) {
            throw new ConfigException("--operator command:<program>: name the program to run for each back-office step, "
                    + "e.g. command:examples/operator/hawkbit-operator.py");
        }
        return p;
    }

    @Override
    public String name() {
        return config.operator();
    }

    @Override
    public void preflight() {
        Path path = Path.of(program);
        if (!Files.isRegularFile(path)) {
            throw new SetupException(SetupException.Kind.BAD_CONFIGURATION, "the command operator program '" + program
                    + "' does not exist (--operator command:<path to an executable>)");
        }
        if (!Files.isExecutable(path)) {
            throw new SetupException(SetupException.Kind.BAD_CONFIGURATION, "the command operator program '" + program
                    + "' is not executable (chmod +x, and start a script with a #! line)");
        }
        try {
            try {
                call("preflight", JSON.createObjectNode(), stepTimeout());
            } catch (StepException e) {
                if (!e.unsupported) {
                    throw e;
                }
                // nothing to verify up front: the probe controller of the run's preflight shows whether steps work
            }
            description = describe();
        } catch (StepException e) {
            throw new SetupException(e.setupKind.orElse(SetupException.Kind.BAD_CONFIGURATION), e.getMessage());
        } catch (OperatorException e) {
            throw new SetupException(SetupException.Kind.BAD_CONFIGURATION, e.getMessage());
        }
    }

    private Description describe() {
        JsonNode a = call("describe", JSON.createObjectNode(), stepTimeout());
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (JsonNode f : a.path("features")) {
            features.add(known(Feature.class, f.asString(""), "feature"));
        }
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (JsonNode c : a.path("capabilities")) {
            capabilities.add(known(Capability.class, c.asString(""), "capability"));
        }
        Optional<Secret> gateway = config.gatewayToken();
        String key = a.path("gatewayToken").asString("");
        if (gateway.isEmpty() && !key.isEmpty()) {
            gateway = Optional.of(new Secret(key));
        }
        return new Description(features, capabilities, gateway);
    }

    private <E extends Enum<E>> E known(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OperatorException("step 'describe' of " + program + " answered the unknown " + what + " '" + value
                    + "' (known: " + String.join(", ", Stream.of(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    private Description description() {
        if (description == null) {
            preflight();
        }
        return description;
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.copyOf(description().features());
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.copyOf(description().capabilities());
    }

    @Override
    public Optional<Secret> gatewayToken() {
        return description().gatewayToken();
    }

    @Override
    public ControllerRegistration registerController(String controllerId) {
        Secret token = new Secret(RunPrefix.random(32));
        JsonNode a = call("registerController", JSON.createObjectNode().put("controllerId", controllerId)
                .put("description", "DDI conformance run " + config.runPrefix()).put("securityToken", token.reveal()), stepTimeout());
        createdControllers.push(controllerId);
        String assigned = a.path("securityToken").asString("");
        return new ControllerRegistration(controllerId, assigned.isEmpty() ? token : new Secret(assigned));
    }

    @Override
    public void adopt(String controllerId) {
        createdControllers.push(controllerId);
    }

    @Override
    public Optional<ControllerInfo> controller(String controllerId) {
        JsonNode a = call("controller", JSON.createObjectNode().put("controllerId", controllerId), stepTimeout());
        if (!a.path("found").asBoolean(false)) {
            return Optional.empty();
        }
        JsonNode last = a.path("lastRequestAt");
        return Optional.of(new ControllerInfo(a.path("controllerId").asString(controllerId), a.path("state").asString(""),
                last.isNumber() ? Optional.of(last.asLong()) : Optional.empty()));
    }

    @Override
    public SoftwareSet createSoftware(SoftwareSpec spec) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ddict-artifacts-");
            ObjectNode request = JSON.createObjectNode().put("name", spec.name()).put("version", "1.0.0")
                    .put("setType", spec.setType()).put("requiredMigrationStep", spec.requiredMigrationStep())
                    .put("description", "DDI conformance run " + config.runPrefix());
            ArrayNode modules = request.putArray("modules");
            List<List<SoftwareSet.Artifact>> artifacts = new ArrayList<>();
            int n = 0;
            for (SoftwareSpec.ModuleSpec m : spec.modules()) {
                ObjectNode module = modules.addObject().put("typeKey", m.typeKey()).put("name", m.name()).put("version", m.version())
                        .put("encrypted", m.encrypted());
                ArrayNode meta = module.putArray("metadata");
                m.metadata().forEach(x -> meta.addObject().put("key", x.key()).put("value", x.value()).put("targetVisible", x.targetVisible()));
                ArrayNode files = module.putArray("artifacts");
                List<SoftwareSet.Artifact> made = new ArrayList<>();
                for (SoftwareSpec.ArtifactSpec spec1 : m.artifacts()) {
                    // numbered, not named after the artifact: a file name may be longer than the file system allows
                    Path file = dir.resolve((n++) + ".bin");
                    Files.write(file, spec1.bytes());
                    SoftwareSet.Artifact art = new SoftwareSet.Artifact(spec1.filename(), spec1.bytes(), digest("SHA-1", spec1.bytes()),
                            digest("MD5", spec1.bytes()), digest("SHA-256", spec1.bytes()));
                    files.addObject().put("filename", art.filename()).put("path", file.toAbsolutePath().toString())
                            .put("size", art.size()).put("sha1", art.sha1()).put("md5", art.md5()).put("sha256", art.sha256());
                    made.add(art);
                }
                artifacts.add(made);
            }
            JsonNode a = call("createSoftware", request, stepTimeout());
            JsonNode ids = a.path("modules");
            List<SoftwareSet.Module> result = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                createdModules.push(ids.path(i).path("id").asLong());
            }
            if (!a.path("id").isIntegralNumber() || ids.size() != spec.modules().size()) {
                throw new OperatorException("step 'createSoftware' of " + program + " answered no distribution set id or not one "
                        + "module id per requested module (" + spec.modules().size() + "): " + excerpt(a.toString()));
            }
            long setId = a.path("id").asLong();
            createdSets.push(setId);
            for (int i = 0; i < spec.modules().size(); i++) {
                SoftwareSpec.ModuleSpec m = spec.modules().get(i);
                result.add(new SoftwareSet.Module(ids.path(i).path("id").asLong(), m.typeKey(), m.name(), m.version(), List.copyOf(artifacts.get(i))));
            }
            return new SoftwareSet(setId, spec.name(), a.path("version").asString("1.0.0"), List.copyOf(result));
        } catch (IOException e) {
            throw new OperatorException("step 'createSoftware': cannot write the artifacts for " + program + ": " + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    @Override
    public long assign(String controllerId, SoftwareSet set, Assignment assignment) {
        ObjectNode request = JSON.createObjectNode().put("controllerId", controllerId).put("distributionSetId", set.id())
                .put("type", assignment.mode().hawkbitType()).put("confirmationRequired", assignment.confirmationRequired());
        assignment.forceTime().ifPresent(t -> request.put("forceTime", t.toEpochMilli()));
        assignment.weight().ifPresent(w -> request.put("weight", w));
        assignment.maintenanceWindow().ifPresent(w -> request.putObject("maintenanceWindow").put("schedule", w.schedule())
                .put("duration", w.duration()).put("timezone", w.timezone()));
        JsonNode a = call("assign", request, stepTimeout());
        if (!a.path("actionId").isIntegralNumber()) {
            throw new OperatorException("step 'assign' of " + program + " answered no actionId: " + excerpt(a.toString()));
        }
        return a.path("actionId").asLong();
    }

    @Override
    public void assignOffline(String controllerId, SoftwareSet set) {
        call("assignOffline", JSON.createObjectNode().put("controllerId", controllerId).put("distributionSetId", set.id()), stepTimeout());
    }

    @Override
    public void switchToForced(String controllerId, long actionId) {
        call("switchToForced", action(controllerId, actionId, JSON.createObjectNode()), stepTimeout());
    }

    @Override
    public void requestAttributes(String controllerId) {
        call("requestAttributes", JSON.createObjectNode().put("controllerId", controllerId), stepTimeout());
    }

    @Override
    public Map<String, String> attributes(String controllerId) {
        JsonNode a = call("attributes", JSON.createObjectNode().put("controllerId", controllerId), stepTimeout());
        Map<String, String> attributes = new TreeMap<>();
        a.path("attributes").properties().forEach(p -> attributes.put(p.getKey(), p.getValue().asString("")));
        return attributes;
    }

    @Override
    public void confirm(String controllerId, long actionId, boolean confirmed) {
        call("confirm", action(controllerId, actionId, JSON.createObjectNode()).put("confirmed", confirmed), stepTimeout());
    }

    @Override
    public void setAutoConfirm(String controllerId, boolean active) {
        call("setAutoConfirm", JSON.createObjectNode().put("controllerId", controllerId).put("active", active), stepTimeout());
    }

    @Override
    public String tenantSetting(TenantSetting setting) {
        JsonNode a = call("tenantSetting", JSON.createObjectNode().put("setting", setting.name()).put("hawkbitKey", setting.hawkbitKey()),
                stepTimeout());
        JsonNode value = a.path("value");
        if (!value.isValueNode() || value.isNull()) {
            throw new OperatorException("step 'tenantSetting' of " + program + " answered no value for " + setting + ": " + excerpt(a.toString()));
        }
        return value.asString();
    }

    @Override
    public void setTenantSetting(TenantSetting setting, String value) {
        call("setTenantSetting", JSON.createObjectNode().put("setting", setting.name()).put("hawkbitKey", setting.hawkbitKey())
                .put("value", value), stepTimeout());
    }

    @Override
    public CancelOutcome cancel(String controllerId, long actionId, boolean force) {
        JsonNode a = call("cancel", action(controllerId, actionId, JSON.createObjectNode()).put("force", force), stepTimeout());
        if (!a.path("accepted").isBoolean()) {
            throw new OperatorException("step 'cancel' of " + program + " answered no accepted true/false: " + excerpt(a.toString()));
        }
        return new CancelOutcome(a.path("accepted").asBoolean(), a.path("httpStatus").asInt(0),
                a.path("evidence").asString(a.toString()));
    }

    @Override
    public ActionState action(String controllerId, long actionId) {
        JsonNode a = call("action", action(controllerId, actionId, JSON.createObjectNode()), stepTimeout());
        if (!a.path("active").isBoolean()) {
            throw new OperatorException("step 'action' of " + program + " answered no active true/false: " + excerpt(a.toString()));
        }
        return new ActionState(actionId, a.path("active").asBoolean(), a.path("status").asString(""), a.path("type").asString(""));
    }

    @Override
    public List<StatusEntry> statusHistory(String controllerId, long actionId) {
        JsonNode a = call("statusHistory", action(controllerId, actionId, JSON.createObjectNode()), stepTimeout());
        List<StatusEntry> entries = new ArrayList<>();
        for (JsonNode s : a.path("entries")) {
            List<String> messages = new ArrayList<>();
            s.path("messages").forEach(m -> messages.add(m.isNull() ? null : m.asString()));
            JsonNode code = s.path("code");
            entries.add(new StatusEntry(s.path("id").asLong(), s.path("type").asString("").toLowerCase(Locale.ROOT), messages,
                    code.isNumber() ? Optional.of(code.asInt()) : Optional.empty(), s.path("reportedAt").asLong()));
        }
        return entries;
    }

    /** One {@code cleanup} step with everything this instance created or adopted; never throws. */
    @Override
    public void close() {
        List<String> controllers = drain(createdControllers);
        List<Long> sets = drain(createdSets);
        List<Long> modules = drain(createdModules);
        if (controllers.isEmpty() && sets.isEmpty() && modules.isEmpty()) {
            return;
        }
        ObjectNode request = JSON.createObjectNode();
        controllers.forEach(request.putArray("controllers")::add);
        ArrayNode s = request.putArray("distributionSets");
        sets.forEach(s::add);
        ArrayNode m = request.putArray("softwareModules");
        modules.forEach(m::add);
        try {
            call("cleanup", request, config.timeout().multipliedBy(CLEANUP_TIMEOUT_FACTOR));
        } catch (RuntimeException ignored) {
            // cleanup is best effort and never fails a run (its attachment, if any, shows what went wrong)
        }
    }

    private static <T> List<T> drain(Deque<T> created) {
        List<T> all = new ArrayList<>();
        for (T item; (item = created.pollLast()) != null; ) {
            all.add(item);
        }
        return all;
    }

    private static ObjectNode action(String controllerId, long actionId, ObjectNode request) {
        return request.put("controllerId", controllerId).put("actionId", actionId);
    }

    private Duration stepTimeout() {
        return config.timeout().multipliedBy(STEP_TIMEOUT_FACTOR);
    }

    /**
     * Runs {@code <program> <step>} with the request on stdin and returns the {@code "ok"} answer; every other outcome
     * (unsupported, error, non-zero exit, no JSON, timeout) is an {@link OperatorException} naming the step.
     */
    JsonNode call(String step, ObjectNode request, Duration bound) {
        ObjectNode full = JSON.createObjectNode().put("protocol", PROTOCOL).put("step", step)
                .put("runPrefix", config.runPrefix()).put("ddiUrl", config.ddiUrl().toString()).put("tenant", config.tenant())
                .put("mgmtUrl", config.mgmtUrl().toString()).put("mgmtUser", config.mgmtUser())
                .put("timeoutMs", config.timeout().toMillis());
        full.setAll(request);
        byte[] input = JSON.writeValueAsBytes(full);
        Path out = null;
        Path err = null;
        long t0 = System.nanoTime();
        try {
            out = Files.createTempFile("ddict-" + step + "-", ".out");
            err = Files.createTempFile("ddict-" + step + "-", ".err");
            ProcessBuilder pb = new ProcessBuilder(program, step).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("DDICT_MGMT_URL", config.mgmtUrl().toString());
            env.put("DDICT_MGMT_USER", config.mgmtUser());
            env.put("DDICT_MGMT_PASSWORD", config.mgmtPassword().reveal());
            env.put("DDICT_DDI_URL", config.ddiUrl().toString());
            env.put("DDICT_TENANT", config.tenant());
            env.put("DDICT_RUN_PREFIX", config.runPrefix());
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new StepException("step '" + step + "': cannot start " + program + ": " + e.getMessage(), Optional.empty());
            }
            feed(process, input);
            boolean finished = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                String tail = tail(err);
                attach(step, full, "(no answer within " + Durations.format(bound) + ")", tail, t0);
                throw new StepException("step '" + step + "' of " + program + " did not answer within " + Durations.format(bound)
                        + " (" + STEP_TIMEOUT_FACTOR + " × --timeout); the program was stopped" + stderrPart(tail), Optional.empty());
            }
            String answer = Files.readString(out, StandardCharsets.UTF_8);
            String tail = tail(err);
            attach(step, full, answer, tail, t0);
            return interpret(step, process.exitValue(), answer, tail);
        } catch (IOException e) {
            throw new StepException("step '" + step + "': cannot exchange the request with " + program + ": " + e.getMessage(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepException("step '" + step + "' of " + program + " interrupted", Optional.empty());
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Writes the request on a thread of its own: a program that does not read stdin must not block the bound. */
    private static void feed(Process process, byte[] input) {
        Thread writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException ignored) {
                // the program exited without reading its request; its answer (or exit code) tells what happened
            }
        }, "ddict-command-stdin");
        writer.setDaemon(true);
        writer.start();
    }

    private JsonNode interpret(String step, int exit, String stdout, String tail) {
        JsonNode answer = null;
        try {
            answer = stdout.isBlank() ? null : JSON.readTree(stdout);
        } catch (JacksonException e) {
            // reported below as "no JSON object"
        }
        Optional<SetupException.Kind> kind = answer == null ? Optional.empty() : setupKind(answer.path("setup").asString(""));
        if (exit != 0) {
            String said = answer != null && answer.path("error").isString() ? ": " + answer.path("error").asString() : "";
            throw new StepException("step '" + step + "' of " + program + " exited with code " + exit + said + stderrPart(tail), kind);
        }
        if (answer == null || !answer.isObject()) {
            throw new StepException("step '" + step + "' of " + program + " answered no JSON object on stdout ("
                    + (stdout.isBlank() ? "nothing" : "'" + excerpt(stdout.strip()) + "'") + ")" + stderrPart(tail), kind);
        }
        if (answer.has("unsupported")) {
            throw new StepException("step '" + step + "' unsupported by " + program + ": " + answer.path("unsupported").asString(""),
                    Optional.empty(), true);
        }
        if (answer.has("error")) {
            throw new StepException("step '" + step + "' of " + program + " failed: " + answer.path("error").asString(answer.path("error").toString())
                    + stderrPart(tail), kind);
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new StepException("step '" + step + "' of " + program + " answered neither {\"ok\":true}, {\"unsupported\":…} nor {\"error\":…}: "
                    + excerpt(stdout.strip()) + stderrPart(tail), kind);
        }
        return answer;
    }

    private static Optional<SetupException.Kind> setupKind(String name) {
        return Stream.of(SetupException.Kind.values()).filter(k -> k.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The last characters of the program's stderr, redacted; empty when it wrote nothing. */
    private static String tail(Path err) {
        try {
            String text = Files.readString(err, StandardCharsets.UTF_8).strip();
            String cut = text.length() > STDERR_TAIL ? "…" + text.substring(text.length() - STDERR_TAIL) : text;
            return Redaction.apply(cut);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static String stderrPart(String tail) {
        return tail.isEmpty() ? "" : "; stderr: " + tail.replace("\r", "").replace("\n", " ⏎ ");
    }

    private static String excerpt(String text) {
        String one = text.replace("\r", "").replace("\n", " ⏎ ");
        return Redaction.apply(one.length() > ANSWER_EXCERPT ? one.substring(0, ANSWER_EXCERPT) + "…" : one);
    }

    /** Each step is evidence of the check that ran it: the request, the answer and stderr, credentials masked. */
    private void attach(String step, JsonNode request, String answer, String tail, long t0) {
        if (!attachToReport || Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        String text = "$ " + program + " " + step + " < request.json   (" + (System.nanoTime() - t0) / 1_000_000 + " ms)\n\n"
                + "--- request (stdin)\n" + request.toPrettyString() + "\n\n--- answer (stdout)\n" + cut(answer)
                + (tail.isEmpty() ? "" : "\n\n--- stderr (tail)\n" + tail) + "\n";
        Allure.addAttachment("operator step " + step, "text/plain", Redaction.apply(text), ".txt");
    }

    private static String cut(String s) {
        return s.length() > ATTACHMENT_LIMIT ? s.substring(0, ATTACHMENT_LIMIT) + "\n… (cut)" : s;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(CommandOperator::deleteQuietly);
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step that did not answer ok; {@code setupKind} is the exit-code kind a failed preflight asked for. */
    static final class StepException extends OperatorException {
        final transient Optional<SetupException.Kind> setupKind;
        final boolean unsupported;

        StepException(String message, Optional<SetupException.Kind> setupKind) {
            this(message, setupKind, false);
        }

        StepException(String message, Optional<SetupException.Kind> setupKind, boolean unsupported) {
            // one line, credentials masked: the message becomes a skip reason or the run's one error line
            super(Redaction.apply(message.replace("\r", "").replace("\n", " ⏎ ")));
            this.setupKind = setupKind;
            this.unsupported = unsupported;
        }
    }
}

package org.ddict.operator.hawkbit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.ddict.catalogue.Feature;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Http;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.TransportException;
import org.ddict.operator.ActionState;
import org.ddict.operator.Assignment;
import org.ddict.operator.Capability;
import org.ddict.operator.TenantSetting;
import org.ddict.operator.CancelOutcome;
import org.ddict.operator.ControllerInfo;
import org.ddict.operator.ControllerRegistration;
import org.ddict.operator.OperatorException;
import org.ddict.operator.ReadOnlyException;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.SetupException;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.SoftwareSpec;
import org.ddict.operator.StatusEntry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hawkBit Management API v1 operator (catalogue §4), as observed on hawkBit 1.1.0: every entity it creates carries
 * the run prefix (it refuses names without it), it deletes only what it created (by the id it recorded, the prefix as a
 * guard), and every tenant setting it changed is back at its first observed value when it closes. In a read-only run it
 * sends no Management API request but GETs.
 */
public final class HawkbitOperator implements ServerOperator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SuiteConfig config;
    private final Http http;
    private final URI api;
    private final String basic;
    private final Deque<String> createdTargets = new ConcurrentLinkedDeque<>();
    private final Deque<Created> createdSets = new ConcurrentLinkedDeque<>();
    private final Deque<Created> createdModules = new ConcurrentLinkedDeque<>();
    /** The value of each tenant setting before this operator first changed it, until it is restored. */
    private final java.util.Map<TenantSetting, Original> originals = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Optional<Secret> gatewayToken = Optional.empty();
    private volatile boolean preflightDone;

    public HawkbitOperator(SuiteConfig config, Http http) {
        this.config = config;
        this.http = http;
        this.api = URI.create(config.mgmtUrl() + "/rest/v1");
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (config.mgmtUser() + ":" + config.mgmtPassword().reveal()).getBytes(StandardCharsets.UTF_8));
        this.gatewayToken = config.gatewayToken();
    }

    @Override
    public String name() {
        return "hawkbit";
    }

    @Override
    public void preflight() {
        Exchange tokens;
        try {
            tokens = send(get("/system/configs/authentication.targettoken.enabled"));
        } catch (TransportException e) {
            throw new SetupException(SetupException.Kind.UNREACHABLE,
                    "management API unreachable at " + api + ": " + e.getMessage());
        }
        if (tokens.status() == 401 || tokens.status() == 403) {
            throw new SetupException(SetupException.Kind.BAD_CREDENTIALS, "management credentials rejected (HTTP "
                    + tokens.status() + ") by " + api + " for user '" + config.mgmtUser() + "': check --mgmt-user/--mgmt-password");
        }
        if (tokens.status() != 200 || tokens.jsonIfParsable().map(j -> !j.has("value")).orElse(true)) {
            throw new SetupException(SetupException.Kind.NOT_DDI, "no hawkBit Management API at " + api
                    + " (GET /system/configs answered " + tokens.describe() + "): check --mgmt-url");
        }
        if (!tokens.json().path("value").asBoolean(false)) {
            throw new SetupException(SetupException.Kind.AUTH_DISABLED, "target-token authentication is disabled on the server"
                    + " (tenant setting authentication.targettoken.enabled=false): enable it, the suite authenticates devices by target token");
        }
        if (gatewayToken.isEmpty()) {
            Exchange enabled = send(get("/system/configs/authentication.gatewaytoken.enabled"));
            Exchange key = http.quiet().send(get("/system/configs/authentication.gatewaytoken.key"));
            if (enabled.status() == 200 && enabled.json().path("value").asBoolean(false) && key.status() == 200
                    && !key.json().path("value").asString("").isEmpty()) {
                gatewayToken = Optional.of(new Secret(key.json().path("value").asString()));
            }
        }
        preflightDone = true;
    }

    @Override
    public Set<Feature> features() {
        if (!preflightDone) {
            preflight();
        }
        // hawkBit 1.1.0 offers all of these (catalogue §0.1; observed §H, §J, §Q, §R, §T, §U); anonymous access does not
        // exist. Certificate headers are declared because the operator can switch them on (authentication.header.*) and
        // hawkBit trusts every source address unless trustedIPs is configured; DDI-AUTH-07 is a MAY, so a proxy-only
        // setup is reported as a warning, never as a failure (remove with --capabilities -CERTHDR)
        Set<Feature> features = EnumSet.of(Feature.TOKEN, Feature.DLONLY, Feature.FORCEQUIT, Feature.INSTALLED, Feature.MW,
                Feature.TIMEFORCED, Feature.RANGE, Feature.ETAG, Feature.HISTORY, Feature.CONFIRM, Feature.META,
                Feature.OFFLINE, Feature.CBOR, Feature.CERTHDR);
        if (gatewayToken.isPresent()) {
            features.add(Feature.GWTOKEN);
            features.add(Feature.PNP);
        }
        return features;
    }

    @Override
    public Optional<Secret> gatewayToken() {
        if (!preflightDone) {
            preflight();
        }
        return gatewayToken;
    }

    @Override
    public ControllerRegistration registerController(String controllerId) {
        requirePrefixed("R-TARGET", controllerId);
        Secret token = new Secret(RunPrefix.random(32));
        ArrayNode body = JSON.createArrayNode();
        body.addObject().put("controllerId", controllerId).put("name", shortName(controllerId))
                .put("description", "DDI conformance run " + config.runPrefix()).put("securityToken", token.reveal());
        Exchange e = send(post("/targets", body));
        if (e.status() != 201) {
            throw new OperatorException("R-TARGET " + controllerId, e);
        }
        createdTargets.push(controllerId);
        return new ControllerRegistration(controllerId, token);
    }

    @Override
    public void adopt(String controllerId) {
        requirePrefixed("plug-and-play", controllerId);
        createdTargets.push(controllerId);
    }

    @Override
    public Optional<ControllerInfo> controller(String controllerId) {
        Exchange e = send(get("/targets/" + controllerId));
        if (e.status() == 404) {
            return Optional.empty();
        }
        if (e.status() != 200) {
            throw new OperatorException("R-TARGET-READ " + controllerId, e);
        }
        JsonNode t = e.json();
        JsonNode last = t.path("lastControllerRequestAt");
        return Optional.of(new ControllerInfo(t.path("controllerId").asString(), t.path("updateStatus").asString(""),
                last.isNumber() ? Optional.of(last.asLong()) : Optional.empty()));
    }

    @Override
    public SoftwareSet createSoftware(SoftwareSpec spec) {
        requirePrefixed("R-DS", spec.name());
        spec.modules().forEach(m -> requirePrefixed("R-SM", m.name()));
        List<SoftwareSet.Module> modules = new ArrayList<>();
        for (SoftwareSpec.ModuleSpec m : spec.modules()) {
            ArrayNode body = JSON.createArrayNode();
            body.addObject().put("name", m.name()).put("version", m.version()).put("type", m.typeKey())
                    .put("vendor", "ddict").put("description", "DDI conformance run " + config.runPrefix())
                    .put("encrypted", m.encrypted());
            Exchange created = send(post("/softwaremodules", body));
            if (created.status() != 201) {
                throw new OperatorException("R-SM " + m.name(), created);
            }
            long moduleId = created.json().path(0).path("id").asLong();
            createdModules.push(new Created(moduleId, m.name()));
            if (!m.metadata().isEmpty()) {
                ArrayNode meta = JSON.createArrayNode();
                m.metadata().forEach(x -> meta.addObject().put("key", x.key()).put("value", x.value()).put("targetVisible", x.targetVisible()));
                expect("R-SM-META " + m.name(), send(post("/softwaremodules/" + moduleId + "/metadata", meta)), 201);
            }
            List<SoftwareSet.Artifact> artifacts = new ArrayList<>();
            for (SoftwareSpec.ArtifactSpec a : m.artifacts()) {
                HttpCall upload = guarded(authorized(HttpCall.of("POST", URI.create(api + "/softwaremodules/" + moduleId + "/artifacts"))));
                Exchange up = http.sendFile(upload, "file", a.filename(), a.bytes());
                if (up.status() != 201) {
                    throw new OperatorException("R-ARTIFACT " + a.filename(), up);
                }
                artifacts.add(new SoftwareSet.Artifact(a.filename(), a.bytes(), digest("SHA-1", a.bytes()),
                        digest("MD5", a.bytes()), digest("SHA-256", a.bytes())));
            }
            modules.add(new SoftwareSet.Module(moduleId, m.typeKey(), m.name(), m.version(), List.copyOf(artifacts)));
        }
        ArrayNode body = JSON.createArrayNode();
        ObjectNode ds = body.addObject().put("name", spec.name()).put("version", "1.0.0").put("type", spec.setType())
                .put("requiredMigrationStep", spec.requiredMigrationStep()).put("description", "DDI conformance run " + config.runPrefix());
        ArrayNode refs = ds.putArray("modules");
        modules.forEach(m -> refs.addObject().put("id", m.id()));
        Exchange created = send(post("/distributionsets", body));
        if (created.status() != 201) {
            throw new OperatorException("R-DS " + spec.name(), created);
        }
        long setId = created.json().path(0).path("id").asLong();
        createdSets.push(new Created(setId, spec.name()));
        return new SoftwareSet(setId, spec.name(), "1.0.0", List.copyOf(modules));
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public long assign(String controllerId, SoftwareSet set, Assignment assignment) {
        ObjectNode body = JSON.createObjectNode().put("id", set.id()).put("type", assignment.mode().hawkbitType())
                .put("confirmationRequired", assignment.confirmationRequired());
        assignment.forceTime().ifPresent(t -> body.put("forcetime", t.toEpochMilli()));
        assignment.weight().ifPresent(w -> body.put("weight", w));
        assignment.maintenanceWindow().ifPresent(w -> body.putObject("maintenanceWindow").put("schedule", w.schedule())
                .put("duration", w.duration()).put("timezone", w.timezone()));
        Exchange e = send(post("/targets/" + controllerId + "/assignedDS", body));
        JsonNode actions = e.status() == 200 ? e.json().path("assignedActions") : null;
        if (actions == null || actions.isEmpty()) {
            throw new OperatorException("R-ASSIGN " + set.name() + " to " + controllerId, e);
        }
        return actions.path(0).path("id").asLong();
    }

    @Override
    public void assignOffline(String controllerId, SoftwareSet set) {
        ArrayNode body = JSON.createArrayNode();
        body.addObject().put("id", set.id());
        expect("R-ASSIGN-OFFLINE", send(post("/targets/" + controllerId + "/assignedDS?offline=true", body)), 200);
    }

    @Override
    public void switchToForced(String controllerId, long actionId) {
        expect("R-FORCE-SWITCH", send(put("/targets/" + controllerId + "/actions/" + actionId,
                JSON.createObjectNode().put("forceType", "forced"))), 200);
    }

    @Override
    public void requestAttributes(String controllerId) {
        expect("R-REQ-ATTR", send(put("/targets/" + controllerId, JSON.createObjectNode().put("requestAttributes", true))), 200);
    }

    @Override
    public java.util.Map<String, String> attributes(String controllerId) {
        Exchange e = send(get("/targets/" + controllerId + "/attributes"));
        java.util.Map<String, String> attributes = new java.util.TreeMap<>();
        if (e.status() == 204) {
            return attributes;
        }
        expect("R-ATTR-READ", e, 200);
        e.json().properties().forEach(p -> attributes.put(p.getKey(), p.getValue().asString("")));
        return attributes;
    }

    @Override
    public void confirm(String controllerId, long actionId, boolean confirmed) {
        expect("R-CONFIRM-MGMT", send(put("/targets/" + controllerId + "/actions/" + actionId + "/confirmation",
                JSON.createObjectNode().put("confirmation", confirmed ? "confirmed" : "denied"))), 204);
    }

    @Override
    public void setAutoConfirm(String controllerId, boolean active) {
        HttpCall call = authorized(HttpCall.of("POST", URI.create(api + "/targets/" + controllerId + "/autoConfirm/"
                + (active ? "activate" : "deactivate"))));
        expect("R-AUTOCONF-MGMT", send(active ? call.body("application/json", "{}") : call), 204);
    }

    @Override
    public String tenantSetting(TenantSetting setting) {
        Exchange e = send(get("/system/configs/" + setting.hawkbitKey()));
        expect("R-CFG " + setting.hawkbitKey(), e, 200);
        return e.json().path("value").asString("");
    }

    /**
     * Records the setting's value (and whether it was the system default) before the first change; setting that value
     * again restores it: a value that was the system default is reset (DELETE), so it stays the default.
     */
    @Override
    public void setTenantSetting(TenantSetting setting, String value) {
        if (!originals.containsKey(setting)) {
            Exchange before = send(get("/system/configs/" + setting.hawkbitKey()));
            expect("R-CFG " + setting.hawkbitKey(), before, 200);
            originals.put(setting, new Original(before.json().path("value").asString(""),
                    before.json().path("global").asBoolean(false)));
        }
        Original original = originals.get(setting);
        if (original.value().equals(value)) {
            restore(setting, original);
            originals.remove(setting);
        } else {
            put(setting, value);
        }
    }

    private void restore(TenantSetting setting, Original original) {
        if (original.global()) {
            Exchange e = send(delete("/system/configs/" + setting.hawkbitKey()));
            if (e.status() != 204 && e.status() != 200) {
                throw new OperatorException("R-CFG reset " + setting.hawkbitKey(), e);
            }
        } else {
            put(setting, original.value());
        }
    }

    private void put(TenantSetting setting, String value) {
        ObjectNode body = JSON.createObjectNode();
        if (value.equals("true") || value.equals("false")) {
            body.put("value", Boolean.parseBoolean(value));
        } else {
            body.put("value", value);
        }
        Exchange e = send(put("/system/configs/" + setting.hawkbitKey(), body));
        if (e.status() != 204 && e.status() != 200) {
            throw new OperatorException("R-CFG " + setting.hawkbitKey(), e);
        }
    }

    @Override
    public CancelOutcome cancel(String controllerId, long actionId, boolean force) {
        Exchange e = send(delete("/targets/" + controllerId + "/actions/" + actionId));
        if (force) {
            // hawkBit force-quits only an action that is already cancelling (catalogue §4.6)
            e = send(delete("/targets/" + controllerId + "/actions/" + actionId + "?force=true"));
        }
        if (e.status() == 204 || e.status() == 200) {
            return new CancelOutcome(true, e.status(), e.describe());
        }
        if (e.status() >= 400 && e.status() < 500) {
            return new CancelOutcome(false, e.status(), e.describe());
        }
        throw new OperatorException((force ? "R-FORCE-CANCEL " : "R-CANCEL ") + actionId, e);
    }

    @Override
    public ActionState action(String controllerId, long actionId) {
        Exchange e = send(get("/targets/" + controllerId + "/actions/" + actionId));
        if (e.status() != 200) {
            throw new OperatorException("R-ACTION " + actionId, e);
        }
        JsonNode a = e.json();
        return new ActionState(actionId, a.path("active").asBoolean(), a.path("status").asString(""), a.path("type").asString(""));
    }

    @Override
    public List<StatusEntry> statusHistory(String controllerId, long actionId) {
        Exchange e = send(get("/targets/" + controllerId + "/actions/" + actionId + "/status?offset=0&limit=50&sort=id%3ADESC"));
        if (e.status() != 200) {
            throw new OperatorException("R-STATUS " + actionId, e);
        }
        List<StatusEntry> entries = new ArrayList<>();
        for (JsonNode s : e.json().path("content")) {
            List<String> messages = new ArrayList<>();
            s.path("messages").forEach(m -> messages.add(m.isNull() ? null : m.asString()));
            JsonNode code = s.path("code");
            entries.add(new StatusEntry(s.path("id").asLong(), s.path("type").asString(""), messages,
                    code.isNumber() ? Optional.of(code.asInt()) : Optional.empty(), s.path("reportedAt").asLong()));
        }
        return entries;
    }

    /**
     * Restores the tenant settings a check left changed, then deletes targets (with their actions), then sets, then
     * modules, each kind in parallel: only ids this operator recorded, and only when their name carries the run prefix.
     */
    @Override
    public void close() {
        originals.forEach((setting, original) -> {
            try {
                restore(setting, original);
            } catch (RuntimeException ignored) {
                // best effort, like the rest of the cleanup
            }
        });
        originals.clear();
        deleteAll(createdTargets, t -> prefixed(t) ? "/targets/" + t : null);
        deleteAll(createdSets, s -> prefixed(s.name()) ? "/distributionsets/" + s.id() : null);
        deleteAll(createdModules, m -> prefixed(m.name()) ? "/softwaremodules/" + m.id() : null);
    }

    private boolean prefixed(String name) {
        return name != null && name.startsWith(config.runPrefix());
    }

    /** Every entity this operator creates carries the run prefix: anything else is refused before a request is sent. */
    private void requirePrefixed(String step, String name) {
        if (!prefixed(name)) {
            throw new OperatorException(step + " " + name + ": the name does not start with the run prefix "
                    + config.runPrefix() + " (the suite creates only entities it can recognise and delete)");
        }
    }

    private <T> void deleteAll(Deque<T> created, java.util.function.Function<T, String> path) {
        List<HttpCall> calls = new ArrayList<>();
        for (T item; (item = created.poll()) != null; ) {
            String p = path.apply(item);
            if (p != null) {
                calls.add(delete(p));
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            pool.invokeAll(calls.stream().<java.util.concurrent.Callable<Void>>map(c -> () -> {
                quietly(c);
                return null;
            }).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private void quietly(HttpCall call) {
        try {
            send(call);
        } catch (RuntimeException ignored) {
            // cleanup is best effort and never fails a run
        }
    }

    /** hawkBit limits target names to 128 characters (catalogue §5 Q-06); ids may have 256. */
    private static String shortName(String controllerId) {
        return controllerId.length() <= 128 ? controllerId : controllerId.substring(0, 120) + "…";
    }

    private Exchange send(HttpCall call) {
        return http.send(guarded(call));
    }

    /** Defence in depth for {@code --read-only}: a request that is not a GET never leaves this operator. */
    private HttpCall guarded(HttpCall call) {
        if (config.readOnly() && !call.method().equals("GET")) {
            throw new ReadOnlyException("read-only run: refused " + call.method() + " " + call.url().getRawPath()
                    + " (a state-changing Management API request)");
        }
        return call;
    }

    /** An entity this operator created: its id and the name it was given. */
    private record Created(long id, String name) {
    }

    /** A tenant setting's value before the first change, and whether it was the system default. */
    private record Original(String value, boolean global) {
    }

    private HttpCall authorized(HttpCall call) {
        return call.header("Authorization", basic).header("Accept", "application/json");
    }

    private HttpCall get(String path) {
        return authorized(HttpCall.of("GET", URI.create(api + path)));
    }

    private HttpCall delete(String path) {
        return authorized(HttpCall.of("DELETE", URI.create(api + path)));
    }

    private HttpCall put(String path, JsonNode body) {
        return authorized(HttpCall.of("PUT", URI.create(api + path))).body("application/json", JSON.writeValueAsString(body));
    }

    private static void expect(String step, Exchange e, int status) {
        if (e.status() != status) {
            throw new OperatorException(step, e);
        }
    }

    private HttpCall post(String path, JsonNode body) {
        return authorized(HttpCall.of("POST", URI.create(api + path))).body("application/json", JSON.writeValueAsString(body));
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

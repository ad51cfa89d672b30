package org.ddict.reference;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** In-memory state of the reference server; every access happens while holding the store's monitor. */
final class Store {
    static final SecureRandom RANDOM = new SecureRandom();

    final ReferenceServer.Options options;
    final Set<Defect> defects;
    final TenantConfig config;
    final Map<String, Target> targets = new LinkedHashMap<>();
    final Map<Long, SmType> smTypes = new TreeMap<>();
    final Map<Long, DsType> dsTypes = new TreeMap<>();
    final Map<Long, Module> modules = new TreeMap<>();
    final Map<Long, DistSet> distSets = new TreeMap<>();
    final Map<Long, Action> actions = new TreeMap<>();
    private long nextId = 1;
    private long nextStatusId = 1;

    Store(ReferenceServer.Options options) {
        this.options = options;
        this.defects = options.defects();
        this.config = new TenantConfig(options);
        SmType os = addSmType("os", "OS", 1);
        SmType app = addSmType("application", "Application", Integer.MAX_VALUE);
        addDsType("os", "OS only", List.of(os), List.of());
        addDsType("app", "App(s) only", List.of(app), List.of());
        addDsType("os_app", "OS with app(s)", List.of(os), List.of(app));
    }

    boolean has(Defect d) {
        return defects.contains(d);
    }

    long newId() {
        return nextId++;
    }

    static String randomHex32() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    SmType addSmType(String key, String name, int maxAssignments) {
        SmType t = new SmType(newId(), key, name, maxAssignments);
        smTypes.put(t.id, t);
        return t;
    }

    DsType addDsType(String key, String name, List<SmType> mandatory, List<SmType> optional) {
        DsType t = new DsType(newId(), key, name);
        t.mandatory.addAll(mandatory);
        t.optional.addAll(optional);
        dsTypes.put(t.id, t);
        return t;
    }

    SmType smTypeByKey(String key) {
        return smTypes.values().stream().filter(t -> t.key.equals(key)).findFirst().orElse(null);
    }

    DsType dsTypeByKey(String key) {
        return dsTypes.values().stream().filter(t -> t.key.equals(key)).findFirst().orElse(null);
    }

    /** The id under which a new target is stored. */
    String storedControllerId(String requested) {
        if (has(Defect.CONTROLLER_ID_CASE_FOLDED)) {
            return requested.toLowerCase(Locale.ROOT);
        }
        return requested;
    }

    /** Looks a target up; {@code ddi} marks lookups made for device requests. */
    Target findTarget(String controllerId, boolean ddi) {
        Target exact = targets.get(controllerId);
        if (exact != null) {
            return exact;
        }
        boolean ignoreCase = false;
        if (has(Defect.CONTROLLER_ID_CASE_FOLDED)) {
            ignoreCase = true;
        }
        if (ddi && has(Defect.LINKS_LOWER_CASE_CONTROLLER)) {
            ignoreCase = true;
        }
        if (ignoreCase) {
            return targets.values().stream().filter(t -> t.controllerId.equalsIgnoreCase(controllerId))
                    .findFirst().orElse(null);
        }
        return null;
    }

    Target addTarget(String controllerId, String name, String description, String token, String createdBy) {
        Target t = new Target();
        t.controllerId = storedControllerId(controllerId);
        t.name = name;
        t.description = description;
        t.securityToken = token == null ? randomHex32() : token;
        t.createdBy = createdBy;
        t.createdAt = System.currentTimeMillis();
        t.lastModifiedAt = t.createdAt;
        t.lastModifiedBy = createdBy;
        targets.put(t.controllerId, t);
        return t;
    }

    void removeTarget(Target t) {
        targets.remove(t.controllerId);
        actions.values().removeIf(a -> a.target == t);
    }

    List<Action> actionsOf(Target t) {
        List<Action> list = new ArrayList<>();
        for (Action a : actions.values()) {
            if (a.target == t) {
                list.add(a);
            }
        }
        return list;
    }

    /** The action offered to the device: active, highest weight, ties to the lowest id. */
    Action currentAction(Target t) {
        Action best = null;
        for (Action a : actionsOf(t)) {
            if (a.active && (best == null || a.weight > best.weight)) {
                best = a;
            }
        }
        return best;
    }

    StatusEntry addStatus(Action a, String type, List<String> messages, Long timestamp, Integer code) {
        StatusEntry s = new StatusEntry();
        s.id = nextStatusId++;
        s.type = type;
        s.messages = new ArrayList<>(messages);
        s.reportedAt = System.currentTimeMillis();
        s.timestamp = timestamp == null ? s.reportedAt : timestamp;
        s.code = code;
        a.statuses.add(s);
        a.touch();
        return s;
    }

    Action createAction(Target t, DistSet ds, String forceType, Long forceTime, int weight, String user) {
        Action a = new Action();
        a.id = has(Defect.ACTION_IDS_64_BIT) ? 1_700_000_000_000L + newId() : newId();
        a.target = t;
        a.ds = ds;
        a.forceType = forceType;
        a.forceTime = forceTime;
        a.weight = weight;
        a.createdAt = System.currentTimeMillis();
        a.lastModifiedAt = a.createdAt;
        a.createdBy = user;
        actions.put(a.id, a);
        addStatus(a, "running", List.of("Assignment initiated by user '" + user + "'"), a.createdAt, null);
        return a;
    }

    static final class Target {
        String controllerId;
        String name;
        String description;
        String securityToken;
        String createdBy;
        long createdAt;
        long lastModifiedAt;
        String lastModifiedBy;
        Long lastControllerRequestAt;
        String updateStatus = "unknown";
        boolean requestAttributes = true;
        boolean everPolled;
        final java.util.ArrayDeque<Long> recentPolls = new java.util.ArrayDeque<>();
        long polls;
        DistSet assignedDs;
        DistSet installedDs;
        Long installedAt;
        final Map<String, String> attributes = new TreeMap<>();
        ConfirmationSupport.AutoConfirm autoConfirm;
    }

    static final class SmType {
        final long id;
        final String key;
        final String name;
        final int maxAssignments;
        String description;
        final long createdAt = System.currentTimeMillis();

        SmType(long id, String key, String name, int maxAssignments) {
            this.id = id;
            this.key = key;
            this.name = name;
            this.maxAssignments = maxAssignments;
        }
    }

    static final class DsType {
        final long id;
        final String key;
        final String name;
        String description;
        final List<SmType> mandatory = new ArrayList<>();
        final List<SmType> optional = new ArrayList<>();
        final long createdAt = System.currentTimeMillis();

        DsType(long id, String key, String name) {
            this.id = id;
            this.key = key;
            this.name = name;
        }
    }

    static final class Module {
        long id;
        String name;
        String version;
        SmType type;
        String vendor;
        String description;
        boolean encrypted;
        boolean locked;
        final Map<String, ModuleMetadata> metadata = new LinkedHashMap<>();
        long createdAt;
        long lastModifiedAt;
        final List<Artifact> artifacts = new ArrayList<>();

        Artifact artifact(String filename) {
            return artifacts.stream().filter(f -> f.filename.equals(filename)).findFirst().orElse(null);
        }
    }

    record Artifact(long id, long moduleId, String filename, byte[] bytes, String sha1, String md5, String sha256,
                    long createdAt) {
    }

    static final class DistSet {
        long id;
        String name;
        String version;
        String description;
        DsType type;
        boolean requiredMigrationStep;
        boolean locked;
        boolean deleted;
        long createdAt;
        final List<Module> modules = new ArrayList<>();

        boolean complete() {
            return type.mandatory.stream().allMatch(mt -> modules.stream().anyMatch(m -> m.type == mt));
        }

        boolean contains(long moduleId) {
            return modules.stream().anyMatch(m -> m.id == moduleId);
        }
    }

    static final class Action {
        long id;
        Target target;
        DistSet ds;
        String type = "update";
        String status = "running";
        boolean active = true;
        String forceType;
        Long forceTime;
        MaintenanceSchedule maintenanceWindow;
        int weight;
        Integer lastStatusCode;
        long createdAt;
        long lastModifiedAt;
        String createdBy;
        int revision;
        final List<StatusEntry> statuses = new ArrayList<>();

        void touch() {
            revision++;
            lastModifiedAt = System.currentTimeMillis();
        }

        boolean canceling() {
            return "canceling".equals(status);
        }

        boolean forceTimeReached() {
            return "timeforced".equals(forceType) && forceTime != null && System.currentTimeMillis() >= forceTime;
        }

        StatusEntry latest() {
            return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
        }
    }

    static final class StatusEntry {
        long id;
        String type;
        List<String> messages;
        long reportedAt;
        long timestamp;
        Integer code;
    }

    static <T> List<T> page(Collection<T> all, int offset, int limit) {
        List<T> list = new ArrayList<>(all);
        int from = Math.min(Math.max(offset, 0), list.size());
        int to = Math.min(from + Math.max(limit, 0), list.size());
        return list.subList(from, to);
    }
}

package org.ddict.reference;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ddict.reference.Store.Action;
import org.ddict.reference.Store.DistSet;
import org.ddict.reference.Store.DsType;
import org.ddict.reference.Store.Module;
import org.ddict.reference.Store.SmType;
import org.ddict.reference.Store.StatusEntry;
import org.ddict.reference.Store.Target;

/**
 * Every entity of the store as one line of all its fields, keyed {@code kind:id} ({@code target:dev-01},
 * {@code action:7}, {@code module:3}, {@code set:4}, {@code smtype:1}, {@code dstype:2}, {@code config:pollingTime}):
 * equal snapshots mean the server's data did not change. Tenant settings appear only while they have a tenant value
 * (absent = the system default).
 */
final class StoreSnapshot {

    private StoreSnapshot() {
    }

    static Map<String, String> of(Store store) {
        Map<String, String> all = new TreeMap<>();
        store.targets.values().forEach(t -> all.put("target:" + t.controllerId, target(t)));
        store.actions.values().forEach(a -> all.put("action:" + a.id, action(a)));
        store.modules.values().forEach(m -> all.put("module:" + m.id, module(m)));
        store.distSets.values().forEach(d -> all.put("set:" + d.id, set(d)));
        store.smTypes.values().forEach(t -> all.put("smtype:" + t.id, smType(t)));
        store.dsTypes.values().forEach(t -> all.put("dstype:" + t.id, dsType(t)));
        store.config.tenantValues().forEach((k, v) -> all.put("config:" + k, String.valueOf(v)));
        return all;
    }

    private static String target(Target t) {
        return fields("controllerId", t.controllerId, "name", t.name, "description", t.description, "securityToken", t.securityToken,
                "createdBy", t.createdBy, "createdAt", t.createdAt, "lastModifiedAt", t.lastModifiedAt,
                "lastModifiedBy", t.lastModifiedBy, "lastControllerRequestAt", t.lastControllerRequestAt,
                "updateStatus", t.updateStatus, "requestAttributes", t.requestAttributes, "everPolled", t.everPolled,
                "polls", t.polls, "assignedDs", t.assignedDs == null ? null : t.assignedDs.id,
                "installedDs", t.installedDs == null ? null : t.installedDs.id, "installedAt", t.installedAt,
                "attributes", t.attributes, "autoConfirm", t.autoConfirm);
    }

    private static String action(Action a) {
        String statuses = a.statuses.stream().map(StoreSnapshot::status).collect(Collectors.joining(", ", "[", "]"));
        return fields("id", a.id, "target", a.target.controllerId, "ds", a.ds.id, "type", a.type, "status", a.status,
                "active", a.active, "forceType", a.forceType, "forceTime", a.forceTime,
                "maintenanceWindow", a.maintenanceWindow == null ? null
                        : a.maintenanceWindow.schedule + "/" + a.maintenanceWindow.durationText + "/" + a.maintenanceWindow.timezone,
                "weight", a.weight, "lastStatusCode", a.lastStatusCode, "createdAt", a.createdAt,
                "lastModifiedAt", a.lastModifiedAt, "createdBy", a.createdBy, "revision", a.revision, "statuses", statuses);
    }

    private static String status(StatusEntry s) {
        return fields("id", s.id, "type", s.type, "messages", s.messages, "reportedAt", s.reportedAt, "timestamp", s.timestamp,
                "code", s.code);
    }

    private static String module(Module m) {
        String artifacts = m.artifacts.stream().map(f -> fields("id", f.id(), "filename", f.filename(), "sha1", f.sha1(),
                "size", f.bytes().length, "createdAt", f.createdAt())).collect(Collectors.joining(", ", "[", "]"));
        return fields("id", m.id, "name", m.name, "version", m.version, "type", m.type.key, "vendor", m.vendor,
                "description", m.description, "encrypted", m.encrypted, "locked", m.locked, "metadata", m.metadata,
                "createdAt", m.createdAt, "lastModifiedAt", m.lastModifiedAt, "artifacts", artifacts);
    }

    private static String set(DistSet d) {
        return fields("id", d.id, "name", d.name, "version", d.version, "description", d.description, "type", d.type.key,
                "requiredMigrationStep", d.requiredMigrationStep, "locked", d.locked, "deleted", d.deleted,
                "createdAt", d.createdAt, "modules", d.modules.stream().map(m -> m.id).toList());
    }

    private static String smType(SmType t) {
        return fields("id", t.id, "key", t.key, "name", t.name, "maxAssignments", t.maxAssignments, "description", t.description,
                "createdAt", t.createdAt);
    }

    private static String dsType(DsType t) {
        return fields("id", t.id, "key", t.key, "name", t.name, "description", t.description, "createdAt", t.createdAt,
                "mandatory", t.mandatory.stream().map(m -> m.id).toList(), "optional", t.optional.stream().map(m -> m.id).toList());
    }

    private static String fields(Object... nameValue) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < nameValue.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(nameValue[i]).append('=').append(nameValue[i + 1]);
        }
        return sb.append('}').toString();
    }
}

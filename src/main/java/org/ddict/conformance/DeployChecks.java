package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.DOWNLOAD_ONLY;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ddict.catalogue.Feature;
import org.ddict.config.RunPrefix;
import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.RequiresCapability;
import org.ddict.conformance.support.RequiresFeature;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.ddict.operator.Assignment;
import org.ddict.operator.Capability;
import org.ddict.operator.MaintenanceWindow;
import org.ddict.operator.SoftwareSet;
import org.ddict.operator.SoftwareSpec;
import org.ddict.operator.SoftwareSpec.Metadata;
import org.ddict.operator.SoftwareSpec.ModuleSpec;
import org.ddict.operator.StatusEntry;
import org.ddict.schema.Schemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The deployment instruction {@code GET {base}/deploymentBase/{A}}: chunks, artifacts and their download links. */
@DdiChecks
@DisplayName("DEPLOY — content of the deployment instruction")
class DeployChecks {

    /** Chunk {@code part} expected per module type key (hawkBit's legacy renames). */
    private static final Map<String, String> PART = Map.of("os", "os", "application", "bApp");

    @Test
    @Requirement(DDI_DEPLOY_01)
    void deliversTheActionWithOneChunkPerModule(Device device) {
        Action action = device.assign(Software.osAndApp(device), SOFT);
        JsonNode deployment = device.deployment(action.id());
        JsonNode chunks = deployment.path("deployment").path("chunks");
        device.check().require(DDI_DEPLOY_01, chunks.size() == action.software().modules().size(),
                action.software().modules().size() + " chunks, one per module", () -> chunks.size() + " chunks: " + chunks, null);
    }

    @Test
    @Requirement(DDI_DEPLOY_02)
    void deliversASoftAssignmentAsAttempt(Device device) {
        expectTypes(device, SOFT, "attempt", DDI_DEPLOY_02);
    }

    @Test
    @Requirement(DDI_DEPLOY_03)
    void deliversAForcedAssignmentAsForced(Device device) {
        expectTypes(device, FORCED, "forced", DDI_DEPLOY_03);
    }

    @Test
    @Requirement(DDI_DEPLOY_07)
    void namesEachChunkAfterItsModule(Device device) {
        Action action = device.assign(Software.osAndApp(device), SOFT);
        JsonNode deployment = device.deployment(action.id());
        for (SoftwareSet.Module module : action.software().modules()) {
            JsonNode chunk = chunk(device, deployment, module);
            String part = chunk.path("part").asString("");
            device.check().should(DDI_DEPLOY_07, part.equals(PART.get(module.typeKey())),
                    "part \"" + PART.get(module.typeKey()) + "\" for a module of type " + module.typeKey(), () -> "\"" + part + "\"", null);
        }
    }

    @Test
    @Requirement(DDI_DEPLOY_08)
    void describesEachArtifactByItsBytes(Device device) {
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        CheckContext check = device.check();
        for (SoftwareSet.Module module : action.software().modules()) {
            JsonNode chunk = chunk(device, deployment, module);
            for (SoftwareSet.Artifact expected : module.artifacts()) {
                JsonNode artifact = artifact(device, chunk, expected);
                JsonNode hashes = artifact.path("hashes");
                check.require(DDI_DEPLOY_08, artifact.path("size").asLong(-1) == expected.size(), "size " + expected.size(),
                        () -> artifact.path("size").toString(), null);
                check.require(DDI_DEPLOY_08, hashes.path("sha1").asString("").equalsIgnoreCase(expected.sha1()),
                        "sha1 " + expected.sha1(), () -> hashes.path("sha1").toString(), null);
                check.require(DDI_DEPLOY_08, hashes.path("md5").asString("").equalsIgnoreCase(expected.md5()),
                        "md5 " + expected.md5(), () -> hashes.path("md5").toString(), null);
                check.should(DDI_DEPLOY_08, hashes.path("sha256").asString("").equalsIgnoreCase(expected.sha256()),
                        "sha256 " + expected.sha256(), () -> hashes.path("sha256").toString(), null);
            }
        }
    }

    @Test
    @Requirement(DDI_DEPLOY_09)
    void offersDownloadLinksThatServeTheArtifact(Device device) {
        Action action = device.openAction(SOFT);
        JsonNode deployment = device.deployment(action.id());
        CheckContext check = device.check();
        for (SoftwareSet.Module module : action.software().modules()) {
            JsonNode chunk = chunk(device, deployment, module);
            for (SoftwareSet.Artifact expected : module.artifacts()) {
                JsonNode links = artifact(device, chunk, expected).path("_links");
                List<Link> downloads = links(links, "download", "download-http");
                check.require(DDI_DEPLOY_09, !downloads.isEmpty(), "a download or download-http link", links::toString, null);
                for (Link link : downloads) {
                    Exchange e = device.send(device.follow("GET", link).header("Accept", "application/octet-stream"));
                    check.require(DDI_DEPLOY_09, e.status() == 200 && Arrays.equals(e.bytes(), expected.bytes()),
                            "HTTP 200 with the " + expected.size() + " uploaded bytes", e::describe, e);
                }
                List<Link> checksums = links(links, "md5sum", "md5sum-http");
                check.should(DDI_DEPLOY_09, !checksums.isEmpty(), "an md5sum or md5sum-http link", links::toString, null);
                for (Link link : checksums) {
                    Exchange e = device.send(device.follow("GET", link).header("Accept", "text/plain"));
                    String body = new String(e.bytes(), StandardCharsets.US_ASCII);
                    var m = Schemas.MD5SUM_LINE.matcher(body);
                    check.should(DDI_DEPLOY_09, e.status() == 200 && m.matches() && m.group(1).equalsIgnoreCase(expected.md5())
                            && m.group(2).equals(expected.filename()), "HTTP 200 '" + expected.md5() + "  " + expected.filename() + "'",
                            e::describe, e);
                }
            }
        }
    }

    @Test
    @Requirement(DDI_DEPLOY_12)
    void servesNoDeploymentForACancelledAction(Device device) {
        Action action = CancelChecks.cancelling(device);
        CancelChecks.confirmCancellation(device, action);
        device.expectNotFound(DDI_DEPLOY_12, "/deploymentBase/" + action.id(), "a cancelled action");
    }

    @Test
    @Requirement(DDI_DEPLOY_12)
    void servesNoDeploymentWhileTheActionIsBeingCancelled(Device device) {
        Action action = CancelChecks.cancelling(device);
        CancelChecks.cancelLink(device, action);
        device.expectNotFound(DDI_DEPLOY_12, "/deploymentBase/" + action.id(), "the action is being cancelled");
    }

    @Test
    @Requirement(DDI_DEPLOY_13)
    void refusesOtherMethodsOnDeploymentBase(Device device) {
        Action action = device.openAction(SOFT);
        CheckContext check = device.check();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpCall call = device.call(method, "/deploymentBase/" + action.id());
            Exchange e = device.send(method.equals("DELETE") ? call
                    : call.body("application/json", Feedback.of(CLOSED, SUCCESS).json()));
            check.refused(DDI_DEPLOY_13, e, "HTTP 405 for " + method + " on deploymentBase", s -> s == 405, null);
        }
        action.expectOpen(DDI_DEPLOY_13);
    }

    @Test
    @Requirement(DDI_DEPLOY_04)
    @RequiresFeature(Feature.TIMEFORCED)
    void forcesATimeForcedAssignmentAtTheForceTime(Device device) {
        CheckContext check = device.check();
        // the catalogue suggests now + 5 s; 3 s leaves ample time for the "before" reading and keeps the run short
        Instant forceTime = Instant.now().plusSeconds(3);
        long actionId = assign(device, Software.standard(device), Assignment.timeForced(forceTime));
        JsonNode early = device.deployment(actionId).path("deployment");
        if (Instant.now().isBefore(forceTime)) {
            check.require(DDI_DEPLOY_04, types(early).equals("attempt/attempt"), "attempt/attempt before the force time",
                    () -> types(early), null);
        }
        Link before = device.actionLink(DDI_BASE_04, "deploymentBase", actionId);
        check.await(Instant::now, now -> !now.isBefore(forceTime), Duration.ofSeconds(30));
        JsonNode late = check.await(() -> device.deployment(actionId).path("deployment"),
                d -> types(d).equals("forced/forced"), Duration.ofSeconds(5));
        check.require(DDI_DEPLOY_04, late != null && types(late).equals("forced/forced"),
                "forced/forced once the force time " + forceTime + " has passed", () -> late == null ? "nothing" : types(late), null);
        Link after = device.actionLink(DDI_BASE_04, "deploymentBase", actionId);
        check.should(DDI_BASE_07, !after.href().equals(before.href()), "a deploymentBase href (c) other than " + before.href()
                + " once the force time has passed", after::href, null);
    }

    @Test
    @Requirement(DDI_DEPLOY_05)
    @RequiresFeature(Feature.DLONLY)
    void deliversADownloadOnlyAssignmentAsForcedDownloadWithoutUpdate(Device device) {
        Action action = device.openAction(DOWNLOAD_ONLY);
        JsonNode d = device.deployment(action.id()).path("deployment");
        device.check().require(DDI_DEPLOY_05, types(d).equals("forced/skip"), "download \"forced\" and update \"skip\"", d::toString,
                null);
    }

    @Test
    @Requirement(DDI_DEPLOY_06)
    @RequiresFeature(Feature.MW)
    void skipsTheUpdateUntilTheMaintenanceWindowOpens(Device device) {
        expectWindow(device, MaintenanceWindow.later(), false);
    }

    @Test
    @Requirement(DDI_DEPLOY_06)
    @RequiresFeature(Feature.MW)
    void offersTheUpdateWhileTheMaintenanceWindowIsOpen(Device device) {
        expectWindow(device, MaintenanceWindow.openNow(), true);
    }

    @Test
    @Requirement(DDI_DEPLOY_10)
    @RequiresFeature(Feature.META)
    @RequiresCapability(Capability.MODULE_METADATA)
    void showsOnlyTargetVisibleModuleMetadata(Device device) {
        SoftwareSpec plain = Software.osAndApp(device);
        String value = "ddict-" + RunPrefix.random(8);
        SoftwareSpec spec = withFirstModule(plain, m -> new ModuleSpec(m.typeKey(), m.name(), m.version(), m.artifacts(),
                List.of(new Metadata("ddict.visible", value, true), new Metadata("ddict.hidden", "secret", false)), false));
        Action action = device.assign(spec, SOFT);
        JsonNode deployment = device.deployment(action.id());
        CheckContext check = device.check();
        JsonNode meta = chunk(device, deployment, action.software().modules().get(0)).path("metadata");
        check.require(DDI_DEPLOY_10, hasEntry(meta, "ddict.visible", value), "metadata {ddict.visible: " + value + "} in the os chunk",
                meta::toString, null);
        check.require(DDI_DEPLOY_10, !hasEntry(meta, "ddict.hidden", null), "no metadata ddict.hidden (not target visible)",
                meta::toString, null);
        JsonNode other = chunk(device, deployment, action.software().modules().get(1));
        check.require(DDI_DEPLOY_10, !other.has("metadata"), "no metadata in the chunk of a module without visible metadata",
                other::toString, null);
    }

    @Test
    @Requirement(DDI_DEPLOY_11)
    void flagsOnlyEncryptedModules(Device device) {
        SoftwareSpec spec = withFirstModule(Software.osAndApp(device),
                m -> new ModuleSpec(m.typeKey(), m.name(), m.version(), m.artifacts(), m.metadata(), true));
        // a server without artifact encryption refuses the module: the operator step fails and the check is skipped
        Action action = device.assign(spec, SOFT);
        JsonNode deployment = device.deployment(action.id());
        CheckContext check = device.check();
        JsonNode encrypted = chunk(device, deployment, action.software().modules().get(0));
        check.require(DDI_DEPLOY_11, encrypted.path("encrypted").isBoolean() && encrypted.path("encrypted").asBoolean(),
                "encrypted: true in the chunk of the encrypted module", encrypted::toString, null);
        JsonNode plain = chunk(device, deployment, action.software().modules().get(1));
        check.require(DDI_DEPLOY_11, !plain.path("encrypted").asBoolean(false), "no encrypted: true for a module without encryption",
                plain::toString, null);
    }

    @Test
    @Requirement(DDI_DEPLOY_14)
    void recordsTheRetrievalOfTheDeployment(Device device) {
        Action action = device.openAction(SOFT);
        Set<Long> before = action.history().stream().map(StatusEntry::id).collect(Collectors.toSet());
        device.deployment(action.id());
        device.deployment(action.id());
        List<StatusEntry> added = action.history().stream().filter(s -> !before.contains(s.id())).toList();
        // informational only (MAY): a server that keeps no retrieval entry is reported, never failed
        device.check().should(DDI_DEPLOY_14, added.stream().anyMatch(s -> s.type().equals("retrieved")),
                "(informational) a 'retrieved' status entry after GET deploymentBase", added::toString, null);
    }

    /** R-ASSIGN with all options; returns the new action id (nothing is polled). */
    static long assign(Device device, SoftwareSpec spec, Assignment assignment) {
        var operator = device.check().run().operator();
        SoftwareSet set = operator.createSoftware(spec);
        return operator.assign(device.controllerId(), set, assignment);
    }

    // ---- shared steps ----------------------------------------------------------------------------------------

    private static void expectTypes(Device device, org.ddict.operator.AssignMode mode, String expected,
            org.ddict.catalogue.Req req) {
        Action action = device.openAction(mode);
        JsonNode d = device.deployment(action.id()).path("deployment");
        device.check().require(req, d.path("download").asString("").equals(expected) && d.path("update").asString("").equals(expected),
                "download \"" + expected + "\" and update \"" + expected + "\"", () -> d.toString(), null);
        device.check().require(req, !d.has("maintenanceWindow"), "no maintenanceWindow without a schedule", d::toString, null);
    }

    /** {@code download} itself follows the action type (DDI-DEPLOY-02/03); here only the window's effect is judged. */
    private static void expectWindow(Device device, MaintenanceWindow window, boolean open) {
        long actionId = assign(device, Software.standard(device), Assignment.of(FORCED).withMaintenanceWindow(window));
        JsonNode d = device.deployment(actionId).path("deployment");
        String update = open ? d.path("download").asString("") : "skip";
        String availability = open ? "available" : "unavailable";
        device.check().require(DDI_DEPLOY_06, d.path("update").asString("").equals(update)
                && d.path("maintenanceWindow").asString("").equals(availability),
                "update \"" + update + "\" and maintenanceWindow \"" + availability + "\" for schedule " + window, d::toString, null);
    }

    private static String types(JsonNode deployment) {
        return deployment.path("download").asString("") + "/" + deployment.path("update").asString("");
    }

    private static SoftwareSpec withFirstModule(SoftwareSpec spec, java.util.function.UnaryOperator<ModuleSpec> change) {
        List<ModuleSpec> modules = new java.util.ArrayList<>(spec.modules());
        modules.set(0, change.apply(modules.get(0)));
        return new SoftwareSpec(spec.name(), spec.setType(), modules, spec.requiredMigrationStep());
    }

    private static boolean hasEntry(JsonNode metadata, String key, String value) {
        for (JsonNode e : metadata) {
            if (e.path("key").asString("").equals(key) && (value == null || e.path("value").asString("").equals(value))) {
                return true;
            }
        }
        return false;
    }

    /** The chunk of {@code module}, found by name and version (DDI-DEPLOY-07 is broken when there is none). */
    static JsonNode chunk(Device device, JsonNode deployment, SoftwareSet.Module module) {
        for (JsonNode chunk : deployment.path("deployment").path("chunks")) {
            if (chunk.path("name").asString("").equals(module.name()) && chunk.path("version").asString("").equals(module.version())) {
                return chunk;
            }
        }
        throw device.check().fail(DDI_DEPLOY_07, "a chunk named " + module.name() + " version " + module.version(),
                deployment.path("deployment").path("chunks").toString(), null);
    }

    /** The artifact entry of {@code expected} in its chunk, found by file name (DDI-DEPLOY-08 otherwise). */
    static JsonNode artifact(Device device, JsonNode chunk, SoftwareSet.Artifact expected) {
        for (JsonNode a : chunk.path("artifacts")) {
            if (a.path("filename").asString("").equals(expected.filename())) {
                return a;
            }
        }
        throw device.check().fail(DDI_DEPLOY_08, "an artifact named " + expected.filename(), chunk.path("artifacts").toString(), null);
    }

    private static List<Link> links(JsonNode links, String... rels) {
        return Arrays.stream(rels).map(rel -> Optional.ofNullable(links.get(rel)).filter(l -> l.path("href").isString())
                .map(l -> new Link(rel, l.path("href").asString()))).flatMap(Optional::stream).toList();
    }
}

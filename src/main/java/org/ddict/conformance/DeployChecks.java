package org.ddict.conformance;

import static org.ddict.catalogue.Req.*;
import static org.ddict.ddi.Feedback.Execution.CLOSED;
import static org.ddict.ddi.Feedback.Finished.SUCCESS;
import static org.ddict.operator.AssignMode.FORCED;
import static org.ddict.operator.AssignMode.SOFT;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ddict.conformance.support.Action;
import org.ddict.conformance.support.CheckContext;
import org.ddict.conformance.support.DdiChecks;
import org.ddict.conformance.support.Device;
import org.ddict.conformance.support.Requirement;
import org.ddict.conformance.support.Software;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Feedback;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.Link;
import org.ddict.operator.SoftwareSet;
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

    // ---- shared steps ----------------------------------------------------------------------------------------

    private static void expectTypes(Device device, org.ddict.operator.AssignMode mode, String expected,
            org.ddict.catalogue.Req req) {
        Action action = device.openAction(mode);
        JsonNode d = device.deployment(action.id()).path("deployment");
        device.check().require(req, d.path("download").asString("").equals(expected) && d.path("update").asString("").equals(expected),
                "download \"" + expected + "\" and update \"" + expected + "\"", () -> d.toString(), null);
        device.check().require(req, !d.has("maintenanceWindow"), "no maintenanceWindow without a schedule", d::toString, null);
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

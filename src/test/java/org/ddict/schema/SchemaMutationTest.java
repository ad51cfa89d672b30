package org.ddict.schema;

import org.ddict.schema.SchemaViolation.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Broken variants of the real samples must fail with the right kind, at the right place. */
class SchemaMutationTest {

    private static final Schemas SCHEMAS = Schemas.fromClasspath();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static String mutate(String sample, Consumer<JsonNode> change) {
        JsonNode root = MAPPER.readTree(SchemaSampleFiles.bundled(sample));
        change.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode obj(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static List<SchemaViolation> validate(DdiDocument document, String json) {
        return SCHEMAS.validate(document, json);
    }

    // --- missing required fields -------------------------------------------------------------------------

    @Test
    void missingDeploymentUpdate() {
        String json = mutate("deploymentBase.json", r -> obj(r, "/deployment").remove("update"));
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/deployment", "required", Kind.REQUIRED));
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json).get(0).message()).contains("'update'");
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json).get(0).describe())
                .isEqualTo("/deployment: missing required property 'update'");
    }

    @Test
    void missingStopId() {
        String json = mutate("cancelAction.json", r -> obj(r, "/cancelAction").remove("stopId"));
        List<SchemaViolation> v = validate(DdiDocument.CANCEL, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/cancelAction", Kind.REQUIRED));
        assertThat(v.get(0).message()).contains("'stopId'");
    }

    @Test
    void missingCancelId() {
        String json = mutate("cancelAction.json", r -> ((ObjectNode) r).remove("id"));
        assertThat(validate(DdiDocument.CANCEL, json)).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("", Kind.REQUIRED));
        assertThat(validate(DdiDocument.CANCEL, json).get(0).describe()).isEqualTo("(root): missing required property 'id'");
    }

    @Test
    void missingPolling() {
        String json = mutate("controllerBase-no-action.json", r -> obj(r, "/config").remove("polling"));
        List<SchemaViolation> v = validate(DdiDocument.CONTROLLER_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/config", Kind.REQUIRED));
        assertThat(v.get(0).message()).contains("'polling'");
    }

    @Test
    void missingChunkVersionInsideArray() {
        String json = mutate("deploymentBase.json", r -> obj(r, "/deployment/chunks/1").remove("version"));
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/deployment/chunks/1", Kind.REQUIRED));
    }

    @Test
    void missingAutoConfirmActive() {
        String json = mutate("confirmationBase.json", r -> obj(r, "/autoConfirm").remove("active"));
        assertThat(validate(DdiDocument.CONFIRMATION_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/autoConfirm", Kind.REQUIRED));
    }

    // --- wrong types -------------------------------------------------------------------------------------

    @Test
    void sizeAsString() {
        String json = mutate("softwaremodule-artifacts.json", r -> obj(r, "/0").put("size", "4100"));
        assertThat(validate(DdiDocument.ARTIFACT_LIST, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/0/size", "type", Kind.TYPE));
    }

    @Test
    void idAsNumber() {
        String json = mutate("deploymentBase.json", r -> ((ObjectNode) r).put("id", 1));
        List<SchemaViolation> v = validate(DdiDocument.DEPLOYMENT_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("/id", Kind.TYPE));
        assertThat(v.get(0).message()).contains("string").contains("integer");
    }

    @Test
    void stopIdAsNumber() {
        String json = mutate("cancelAction.json", r -> obj(r, "/cancelAction").put("stopId", 5));
        assertThat(validate(DdiDocument.CANCEL, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/cancelAction/stopId", Kind.TYPE));
    }

    @Test
    void sleepAsNumberIsSleepFormat() {
        String json = mutate("controllerBase-no-action.json", r -> obj(r, "/config/polling").put("sleep", 30));
        assertThat(validate(DdiDocument.CONTROLLER_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/config/polling/sleep", "type", Kind.SLEEP_FORMAT));
    }

    @Test
    void activeAsString() {
        String json = mutate("confirmationBase.json", r -> obj(r, "/autoConfirm").put("active", "false"));
        assertThat(validate(DdiDocument.CONFIRMATION_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/autoConfirm/active", Kind.TYPE));
    }

    // --- enumerations ------------------------------------------------------------------------------------

    @Test
    void upperCaseEnumIsWrongCase() {
        String json = mutate("deploymentBase.json", r -> obj(r, "/deployment").put("download", "ATTEMPT"));
        List<SchemaViolation> v = validate(DdiDocument.DEPLOYMENT_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/deployment/download", "enum", Kind.WRONG_CASE));
        assertThat(v.get(0).message()).contains("\"ATTEMPT\"").contains("\"attempt\"");
    }

    @Test
    void mixedCaseMaintenanceWindowIsWrongCase() {
        String json = mutate("deploymentBase-maintenanceWindow-available.json",
                r -> obj(r, "/deployment").put("maintenanceWindow", "Available"));
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json)).extracting(SchemaViolation::kind)
                .containsExactly(Kind.WRONG_CASE);
    }

    @Test
    void unknownEnumValueIsEnum() {
        String json = mutate("confirmationBase-action.json", r -> obj(r, "/confirmation").put("update", "later"));
        assertThat(validate(DdiDocument.CONFIRMATION_BASE_ACTION, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/confirmation/update", Kind.ENUM));
    }

    // --- controller base links and sleep -----------------------------------------------------------------

    @Test
    void twoActionLinks() {
        String json = mutate("controllerBase-with-deployment.json", r -> obj(r, "/_links")
                .set("cancelAction", MAPPER.createObjectNode().put("href", "http://h/T/controller/v1/C/cancelAction/1")));
        List<SchemaViolation> v = validate(DdiDocument.CONTROLLER_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/_links", Kind.AT_MOST_ONE_ACTION_LINK));
        assertThat(v.get(0).message()).contains("'deploymentBase', 'cancelAction'");
    }

    @Test
    void confirmationAndCancelLinks() {
        String json = mutate("controllerBase-with-confirmationBase.json", r -> obj(r, "/_links")
                .set("cancelAction", MAPPER.createObjectNode().put("href", "x")));
        assertThat(validate(DdiDocument.CONTROLLER_BASE, json)).extracting(SchemaViolation::kind)
                .containsExactly(Kind.AT_MOST_ONE_ACTION_LINK);
    }

    @Test
    void sleepWithoutColonsIsSleepFormat() {
        String json = mutate("controllerBase-no-action.json", r -> obj(r, "/config/polling").put("sleep", "30"));
        List<SchemaViolation> v = validate(DdiDocument.CONTROLLER_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/config/polling/sleep", Kind.SLEEP_FORMAT));
        assertThat(v.get(0).describe()).startsWith("/config/polling/sleep: ").contains("\"30\"");
    }

    @Test
    void sleepOutOfRangeOrIsoIsSleepFormat() {
        for (String sleep : List.of("00:60:00", "00:00:61", "0:05:00", "PT5M", "00:05:00.000")) {
            String json = mutate("controllerBase-no-action.json", r -> obj(r, "/config/polling").put("sleep", sleep));
            assertThat(validate(DdiDocument.CONTROLLER_BASE, json)).as(sleep).extracting(SchemaViolation::kind)
                    .containsExactly(Kind.SLEEP_FORMAT);
        }
        String ok = mutate("controllerBase-no-action.json", r -> obj(r, "/config/polling").put("sleep", "23:59:59"));
        assertThat(validate(DdiDocument.CONTROLLER_BASE, ok)).isEmpty();
    }

    @Test
    void linkWithoutHref() {
        String json = mutate("controllerBase-with-deployment.json", r -> obj(r, "/_links/deploymentBase").remove("href"));
        assertThat(validate(DdiDocument.CONTROLLER_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/_links/deploymentBase", Kind.REQUIRED));
    }

    // --- artifacts ---------------------------------------------------------------------------------------

    @Test
    void hashWithWrongLength() {
        String json = mutate("softwaremodule-artifacts.json",
                r -> obj(r, "/0/hashes").put("sha1", "7cc6e47dfccf945cc2ea65a4fd43d25b6e73e9d"));
        assertThat(validate(DdiDocument.ARTIFACT_LIST, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/0/hashes/sha1", "pattern", Kind.PATTERN));
    }

    @Test
    void nonHexMd5() {
        String json = mutate("deploymentBase.json",
                r -> obj(r, "/deployment/chunks/0/artifacts/0/hashes").put("md5", "zzd9e5bf0dffc0a10c2af5020b7b152d"));
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/deployment/chunks/0/artifacts/0/hashes/md5", Kind.PATTERN));
    }

    @Test
    void upperCaseHexIsAccepted() {
        String json = mutate("softwaremodule-artifacts.json",
                r -> obj(r, "/0/hashes").put("md5", "D2D16BCAFBE8D47C58A1B44B2079BA04"));
        assertThat(validate(DdiDocument.ARTIFACT_LIST, json)).isEmpty();
    }

    @Test
    void artifactWithoutDownloadLink() {
        String json = mutate("softwaremodule-artifacts.json", r -> obj(r, "/0/_links").remove("download-http"));
        List<SchemaViolation> v = validate(DdiDocument.ARTIFACT_LIST, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/0/_links", "required", Kind.REQUIRED));
        assertThat(v.get(0).message()).contains("at least one of 'download', 'download-http'");
    }

    @Test
    void artifactWithHttpsDownloadOnlyIsValid() {
        String json = mutate("softwaremodule-artifacts.json", r -> {
            ObjectNode links = obj(r, "/0/_links");
            links.set("download", links.remove("download-http"));
        });
        assertThat(validate(DdiDocument.ARTIFACT_LIST, json)).isEmpty();
    }

    @Test
    void emptyChunksAreRejected() {
        String json = mutate("deploymentBase.json", r -> ((ArrayNode) r.at("/deployment/chunks")).removeAll());
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json))
                .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                .containsExactly(tuple("/deployment/chunks", "minItems", Kind.OTHER));
    }

    // --- confirmation base toggle links -----------------------------------------------------------------

    @Test
    void confirmationBaseWithoutToggleLink() {
        String json = mutate("confirmationBase-no-action.json", r -> obj(r, "/_links").remove("activateAutoConfirm"));
        List<SchemaViolation> v = validate(DdiDocument.CONFIRMATION_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::kind)
                .containsExactly(tuple("/_links", Kind.REQUIRED));
        assertThat(v.get(0).message()).contains("exactly one of 'activateAutoConfirm', 'deactivateAutoConfirm'");
    }

    @Test
    void confirmationBaseWithBothToggleLinks() {
        String json = mutate("confirmationBase-no-action.json", r -> obj(r, "/_links")
                .set("deactivateAutoConfirm", MAPPER.createObjectNode().put("href", "x")));
        List<SchemaViolation> v = validate(DdiDocument.CONFIRMATION_BASE, json);
        assertThat(v).extracting(SchemaViolation::pointer, SchemaViolation::keyword)
                .containsExactly(tuple("/_links", "oneOf"));
        assertThat(v.get(0).message()).contains("exactly one of").contains("found 'activateAutoConfirm', 'deactivateAutoConfirm'");
    }

    // --- openness of response schemas ------------------------------------------------------------------

    @Test
    void responseSchemasAllowUnknownProperties() {
        String json = mutate("deploymentBase.json", r -> {
            ((ObjectNode) r).put("futureField", 1);
            obj(r, "/deployment").put("other", true);
            obj(r, "/deployment/chunks/0").put("x", "y");
        });
        assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json)).isEmpty();
    }

    @Test
    void exceptionInfoIsOpen() {
        assertThat(validate(DdiDocument.EXCEPTION_INFO, "{}")).isEmpty();
        assertThat(validate(DdiDocument.EXCEPTION_INFO,
                "{\"timestamp\":\"2026-11-30T10:00:00.000+00:00\",\"status\":405,\"error\":\"Method Not Allowed\"}")).isEmpty();
        assertThat(validate(DdiDocument.EXCEPTION_INFO,
                "{\"exceptionClass\":\"org.eclipse.hawkbit.X\",\"errorCode\":\"hawkbit.server.error.repo.entitiyNotFound\",\"message\":\"m\",\"info\":{\"a\":1}}"))
                .isEmpty();
        assertThat(validate(DdiDocument.EXCEPTION_INFO, "{\"errorCode\":7}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("/errorCode", Kind.TYPE));
    }

    // --- reporting -------------------------------------------------------------------------------------

    @Test
    void invalidJsonIsOneOtherViolation() {
        for (String text : List.of("{", "", "{\"a\":1} trailing", "<html></html>")) {
            assertThat(validate(DdiDocument.CONTROLLER_BASE, text)).as(text)
                    .extracting(SchemaViolation::pointer, SchemaViolation::keyword, SchemaViolation::kind)
                    .containsExactly(tuple("", "json", Kind.OTHER));
        }
    }

    @Test
    void severalViolationsAreStableAndDistinct() {
        String json = mutate("deploymentBase.json", r -> {
            ((ObjectNode) r).put("id", 1);
            obj(r, "/deployment").put("download", "ATTEMPT");
            obj(r, "/deployment/chunks/0/artifacts/0").put("size", "14");
        });
        List<SchemaViolation> first = validate(DdiDocument.DEPLOYMENT_BASE, json);
        assertThat(first).extracting(SchemaViolation::pointer).containsExactly(
                "/id", "/deployment/download", "/deployment/chunks/0/artifacts/0/size");
        assertThat(first).doesNotHaveDuplicates();
        for (int i = 0; i < 5; i++) {
            assertThat(validate(DdiDocument.DEPLOYMENT_BASE, json)).isEqualTo(first);
        }
    }

    @Test
    void wrongRootType() {
        assertThat(validate(DdiDocument.ARTIFACT_LIST, "{}"))
                .extracting(SchemaViolation::pointer, SchemaViolation::kind).containsExactly(tuple("", Kind.TYPE));
        assertThat(validate(DdiDocument.CONTROLLER_BASE, "[]").get(0).describe()).startsWith("(root): ");
    }
}

package org.ddict.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Each group of defects: the deviation shows when enabled and not when disabled. */
class ReferenceServerDefectTest {

    @Test
    void pollDefectsChangeThePollOnlyWhenEnabled() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.REPEAT_POLL_NOT_MODIFIED,
                    Defect.SLEEP_AS_SECONDS, Defect.IDLE_PHANTOM_ACTION_LINK) : ReferenceClient.start()) {
                String c = ReferenceClient.id();
                String token = client.createTarget(c);
                JsonNode first = client.poll(c, token);
                assertThat(first.at("/config/polling/sleep").asString()).isEqualTo(on ? "300" : "00:05:00");
                assertThat(first.at("/_links/deploymentBase").isMissingNode()).isEqualTo(!on);
                assertThat(client.device("GET", c, "", token, null).statusCode()).isEqualTo(on ? 304 : 200);
            }
        }
    }

    @Test
    void feedbackMappingDefectsChangeTheRecordedType() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.PROCEEDING_AS_DOWNLOAD,
                    Defect.CLOSED_NONE_AS_FAILURE, Defect.FEEDBACK_ANSWERS_500) : ReferenceClient.start()) {
                String c = ReferenceClient.id();
                String token = client.createTarget(c);
                long a = client.assignNew(c, "soft", new byte[] {1});
                String fb = "/deploymentBase/" + a + "/feedback";
                HttpResponse<byte[]> r = client.device("POST", c, fb, token, ReferenceClient.fb("proceeding", "none"));
                assertThat(r.statusCode()).isEqualTo(on ? 500 : 200);
                assertThat(client.statuses(c, a).at("/content/0/type").asString()).isEqualTo(on ? "download" : "running");
                client.device("POST", c, fb, token, ReferenceClient.fb("closed", "none"));
                assertThat(client.action(c, a).get("status").asString()).isEqualTo(on ? "error" : "finished");
            }
        }
    }

    @Test
    void cancelDefectsChangeTheCancelFlow() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.CANCEL_STOP_ID_WRONG,
                    Defect.CANCEL_REJECTED_CLOSES, Defect.TWO_ACTION_LINKS) : ReferenceClient.start()) {
                String c = ReferenceClient.id();
                String token = client.createTarget(c);
                long a1 = client.assignNew(c, "soft", new byte[] {1});
                client.assignNew(c, "soft", new byte[] {2});
                JsonNode poll = client.poll(c, token);
                assertThat(poll.at("/_links/deploymentBase").isMissingNode()).isEqualTo(!on);
                JsonNode cancel = Json.MAPPER.readTree(client.device("GET", c, "/cancelAction/" + a1, token, null).body());
                assertThat(cancel.at("/cancelAction/stopId").asString().equals(Long.toString(a1))).isEqualTo(!on);
                client.device("POST", c, "/cancelAction/" + a1 + "/feedback", token, ReferenceClient.fb("rejected", "none"));
                assertThat(client.action(c, a1).get("active").asBoolean()).isEqualTo(!on);
            }
        }
    }

    @Test
    void identityAndAuthDefectsWidenAccess() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.TARGET_TOKEN_ANY_CONTROLLER,
                    Defect.CONTROLLER_ID_CASE_FOLDED, Defect.TARGET_TOKEN_READ_ONLY) : ReferenceClient.start()) {
                String c = "Dev-" + ReferenceClient.id();
                JsonNode created = client.mgmtJson("POST", "/targets", "[{\"controllerId\":\"" + c + "\",\"name\":\"n\"}]", 201);
                assertThat(created.get(0).get("controllerId").asString()).isEqualTo(on ? c.toLowerCase() : c);
                String token = created.get(0).get("securityToken").asString();
                String other = client.createTarget(ReferenceClient.id());
                assertThat(client.send("GET", client.ddi(c), "TargetToken " + other, null, null).statusCode())
                        .isEqualTo(on ? 200 : 401);
                assertThat(client.device("PUT", c, "/configData", token, "{\"data\":{\"k\":\"v\"}}").statusCode())
                        .isEqualTo(on ? 401 : 200);
            }
        }
    }

    @Test
    void bodyDefectsChangeErrorHandling() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.BAD_BODY_500, Defect.UNKNOWN_ACTION_EMPTY_200,
                    Defect.DEPLOYMENT_WITHOUT_UPDATE, Defect.ARTIFACT_SIZE_AS_STRING) : ReferenceClient.start()) {
                String c = ReferenceClient.id();
                String token = client.createTarget(c);
                long a = client.assignNew(c, "soft", new byte[] {1});
                assertThat(client.device("POST", c, "/deploymentBase/" + a + "/feedback", token, "{oops").statusCode())
                        .isEqualTo(on ? 500 : 400);
                assertThat(client.device("GET", c, "/deploymentBase/999999", token, null).statusCode())
                        .isEqualTo(on ? 200 : 404);
                JsonNode dep = Json.MAPPER.readTree(client.device("GET", c, "/deploymentBase/" + a, token, null).body());
                assertThat(dep.at("/deployment/update").isMissingNode()).isEqualTo(on);
                assertThat(dep.at("/deployment/chunks/0/artifacts/0/size").isString()).isEqualTo(on);
            }
        }
    }

    @Test
    void securityDefectsOpenWhatTheFaithfulServerRefuses() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.FOREIGN_TOKEN_ON_SUBRESOURCES,
                    Defect.PATH_NORMALISED_AFTER_AUTH, Defect.QUERY_TOKEN_ACCEPTED) : ReferenceClient.start()) {
                String a = ReferenceClient.id();
                String b = ReferenceClient.id();
                String tokenA = client.createTarget(a);
                String tokenB = client.createTarget(b);
                assertThat(client.device("PUT", a, "/configData", tokenB, "{\"data\":{\"k\":\"v\"}}").statusCode())
                        .isEqualTo(on ? 200 : 401);
                assertThat(client.device("GET", a, "", tokenB, null).statusCode()).isEqualTo(401);
                assertThat(client.device("GET", a, "/../" + b, tokenA, null).statusCode()).isEqualTo(on ? 200 : 404);
                assertThat(client.device("GET", a, "%2F..%2F" + b, tokenA, null).statusCode()).isEqualTo(on ? 200 : 401);
                assertThat(client.device("GET", a, "?access_token=" + tokenA, null, null).statusCode()).isEqualTo(on ? 200 : 401);
            }
        }
    }

    @Test
    void oversizedRequestsAreRefusedAndCrashTheDefectiveServer() throws Exception {
        for (boolean on : new boolean[] {false, true}) {
            try (ReferenceClient client = on ? ReferenceClient.start(Defect.OVERSIZED_REQUEST_500, Defect.QUERY_TOKEN_500)
                    : ReferenceClient.start()) {
                String c = ReferenceClient.id();
                String token = client.createTarget(c);
                assertThat(client.send("GET", client.ddi(c), "TargetToken " + token, null, null, "X-Padding", "a".repeat(9000))
                        .statusCode()).isEqualTo(on ? 500 : 400);
                String big = "{\"data\":{\"k\":\"" + "x".repeat(ReferenceServer.MAX_DDI_BODY_BYTES) + "\"}}";
                assertThat(client.device("PUT", c, "/configData", token, big).statusCode()).isEqualTo(on ? 500 : 413);
                assertThat(client.device("GET", c, "?token=" + token, null, null).statusCode()).isEqualTo(on ? 500 : 401);
                assertThat(client.device("GET", c, "", token, null).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void everyDefectHasAUniqueKey() {
        assertThat(java.util.Arrays.stream(Defect.values()).map(Defect::key).distinct().count())
                .isEqualTo(Defect.values().length);
    }
}

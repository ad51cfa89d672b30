package org.ddict.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Happy path, cancel flow, auth and plug-and-play against a defect-free reference server. */
class ReferenceServerFlowTest {
    private static ReferenceClient client;

    @BeforeAll
    static void start() throws Exception {
        client = ReferenceClient.start();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void deliversAndFinishesASoftUpdate() throws Exception {
        String c = ReferenceClient.id();
        String token = client.createTarget(c);
        byte[] bytes = new byte[4100];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        long m = client.createModule("os");
        JsonNode art = client.upload(m, "fw.bin", bytes);
        assertThat(art.get("hashes").get("sha1").asString()).isEqualTo(MgmtHandler.hash("SHA-1", bytes));
        assertThat(art.get("size").asInt()).isEqualTo(4100);
        long ds = client.createDs("os", m);
        JsonNode assign = client.mgmtJson("POST", "/targets/" + c + "/assignedDS", "{\"id\":" + ds + ",\"type\":\"soft\"}", 200);
        long a = assign.get("assignedActions").get(0).get("id").asLong();
        assertThat(client.mgmtJson("POST", "/targets/" + c + "/assignedDS", "{\"id\":" + ds + "}", 200)
                .get("alreadyAssigned").asInt()).isEqualTo(1);

        JsonNode poll = client.poll(c, token);
        assertThat(poll.at("/config/polling/sleep").asString()).isEqualTo("00:05:00");
        String href = poll.at("/_links/deploymentBase/href").asString();
        assertThat(href).contains("/deploymentBase/" + a + "?c=");
        assertThat(poll.at("/_links/configData/href").asString()).endsWith(c + "/configData");

        HttpResponse<byte[]> dep = client.device("GET", c, "/deploymentBase/" + a, token, null);
        assertThat(dep.statusCode()).isEqualTo(200);
        JsonNode d = Json.MAPPER.readTree(dep.body());
        assertThat(d.get("id").asString()).isEqualTo(Long.toString(a));
        assertThat(d.at("/deployment/download").asString()).isEqualTo("attempt");
        assertThat(d.at("/deployment/update").asString()).isEqualTo("attempt");
        JsonNode artifact = d.at("/deployment/chunks/0/artifacts/0");
        assertThat(d.at("/deployment/chunks/0/part").asString()).isEqualTo("os");
        assertThat(artifact.get("size").isNumber()).isTrue();
        assertThat(client.action(c, a).get("status").asString()).isEqualTo("retrieved");

        String download = artifact.at("/_links/download-http/href").asString();
        String path = java.net.URI.create(download).getPath();
        HttpResponse<byte[]> file = client.send("GET", path, "TargetToken " + token, null, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(bytes);
        assertThat(file.headers().firstValue("ETag")).contains("\"" + MgmtHandler.hash("SHA-1", bytes) + "\"");
        HttpResponse<byte[]> range = client.send("GET", path, "TargetToken " + token, null, null, "Range", "bytes=0-99");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(100);
        assertThat(client.send("GET", path, "TargetToken " + token, null, null, "Range", "bytes=5000-")
                .statusCode()).isEqualTo(416);
        HttpResponse<byte[]> md5 = client.send("GET", path + ".MD5SUM", "TargetToken " + token, null, null);
        assertThat(new String(md5.body(), StandardCharsets.UTF_8))
                .isEqualTo(MgmtHandler.hash("MD5", bytes) + "  fw.bin");

        assertThat(client.device("POST", c, "/deploymentBase/" + a + "/feedback", token,
                ReferenceClient.fb("proceeding", "none")).statusCode()).isEqualTo(200);
        assertThat(client.device("POST", c, "/deploymentBase/" + a + "/feedback", token,
                ReferenceClient.fb("closed", "success")).statusCode()).isEqualTo(200);
        JsonNode action = client.action(c, a);
        assertThat(action.get("active").asBoolean()).isFalse();
        assertThat(action.get("status").asString()).isEqualTo("finished");
        assertThat(client.statuses(c, a).at("/content/0/type").asString()).isEqualTo("finished");
        assertThat(client.mgmtJson("GET", "/targets/" + c, null, 200).get("updateStatus").asString())
                .isEqualTo("in_sync");
        JsonNode after = client.poll(c, token);
        assertThat(after.at("/_links/installedBase/href").asString()).endsWith("/installedBase/" + a);
        assertThat(after.at("/_links/deploymentBase").isMissingNode()).isTrue();
        assertThat(client.device("GET", c, "/installedBase/" + a, token, null).statusCode()).isEqualTo(200);
        assertThat(client.device("POST", c, "/deploymentBase/" + a + "/feedback", token,
                ReferenceClient.fb("closed", "success")).statusCode()).isEqualTo(410);
    }

    @Test
    void cancelsThroughTheCancelChannel() throws Exception {
        String c = ReferenceClient.id();
        String token = client.createTarget(c);
        long a = client.assignNew(c, "soft", new byte[] {1, 2, 3});
        assertThat(client.mgmt("DELETE", "/targets/" + c + "/actions/" + a + "?force=true", null).statusCode())
                .isEqualTo(405);
        assertThat(client.mgmt("DELETE", "/targets/" + c + "/actions/" + a, null).statusCode()).isEqualTo(204);
        assertThat(client.mgmt("DELETE", "/targets/" + c + "/actions/" + a, null).statusCode()).isEqualTo(405);
        JsonNode poll = client.poll(c, token);
        assertThat(poll.at("/_links/cancelAction/href").asString()).endsWith("/cancelAction/" + a);
        assertThat(poll.at("/_links/deploymentBase").isMissingNode()).isTrue();
        assertThat(client.device("GET", c, "/deploymentBase/" + a, token, null).statusCode()).isEqualTo(404);
        JsonNode cancel = Json.MAPPER.readTree(client.device("GET", c, "/cancelAction/" + a, token, null).body());
        assertThat(cancel.at("/cancelAction/stopId").asString()).isEqualTo(Long.toString(a));
        assertThat(client.device("POST", c, "/cancelAction/" + a + "/feedback", token,
                ReferenceClient.fb("canceled", "none")).statusCode()).isEqualTo(200);
        assertThat(client.statuses(c, a).at("/content/0/type").asString()).isEqualTo("warning");
        assertThat(client.device("POST", c, "/cancelAction/" + a + "/feedback", token,
                ReferenceClient.fb("closed", "success")).statusCode()).isEqualTo(200);
        JsonNode action = client.action(c, a);
        assertThat(action.get("status").asString()).isEqualTo("canceled");
        assertThat(action.get("type").asString()).isEqualTo("cancel");
        assertThat(action.get("active").asBoolean()).isFalse();
        assertThat(client.device("POST", c, "/deploymentBase/" + a + "/feedback", token,
                ReferenceClient.fb("closed", "success")).statusCode()).isEqualTo(410);
    }

    @Test
    void supersedingAssignmentCancelsTheOlderActionFirst() throws Exception {
        String c = ReferenceClient.id();
        String token = client.createTarget(c);
        long a1 = client.assignNew(c, "soft", new byte[] {1});
        long a2 = client.assignNew(c, "forced", new byte[] {2});
        assertThat(client.action(c, a1).get("status").asString()).isEqualTo("canceling");
        assertThat(client.poll(c, token).at("/_links/cancelAction/href").asString()).endsWith("/" + a1);
        client.device("POST", c, "/cancelAction/" + a1 + "/feedback", token, ReferenceClient.fb("closed", "success"));
        assertThat(client.poll(c, token).at("/_links/deploymentBase/href").asString()).contains("/" + a2 + "?c=");
    }

    @Test
    void refusesEveryCredentialButTheControllersOwnToken() throws Exception {
        String c = ReferenceClient.id();
        String token = client.createTarget(c);
        String other = client.createTarget(ReferenceClient.id());
        for (String auth : new String[] {null, client.admin(), "Bearer " + token, "targettoken " + token,
                "TargetToken  " + token, "TargetToken " + other}) {
            HttpResponse<byte[]> r = client.send("GET", client.ddi(c), auth, null, null);
            assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
        assertThat(client.send("GET", client.ddi("unknown-" + c), "TargetToken " + token, null, null).statusCode())
                .isEqualTo(401);
        assertThat(client.send("GET", "/default/controller/v1/" + c, "TargetToken " + token, null, null).statusCode())
                .isEqualTo(200);
        assertThat(client.send("GET", "/OTHER/controller/v1/" + c, "TargetToken " + token, null, null).statusCode())
                .isEqualTo(401);
        assertThat(client.send("GET", "/rest/v1/targets/" + c, null, null, null).headers()
                .firstValue("WWW-Authenticate")).contains("Basic realm=\"hawkBit\"");
        assertThat(client.send("POST", client.ddi(c), "TargetToken " + token, null, null).statusCode()).isEqualTo(405);
        assertThat(client.send("GET", client.ddi(c), "TargetToken " + token, null, null, "Accept", "application/xml")
                .statusCode()).isEqualTo(406);
        assertThat(client.send("GET", client.ddi(c) + "/foo", "TargetToken " + token, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void registersUnknownControllersPolledWithTheGatewayToken() throws Exception {
        String c = ReferenceClient.id();
        String gw = "GatewayToken " + client.server.options().gatewayToken();
        assertThat(client.send("GET", client.ddi(c), gw, null, null).statusCode()).isEqualTo(200);
        JsonNode t = client.mgmtJson("GET", "/targets/" + c, null, 200);
        assertThat(t.get("createdBy").asString()).isEqualTo("CONTROLLER_PLUG_AND_PLAY");
        assertThat(t.get("updateStatus").asString()).isEqualTo("registered");
        assertThat(client.send("GET", client.ddi("x".repeat(129)), gw, null, null).statusCode()).isEqualTo(400);
        assertThat(client.mgmt("GET", "/targets/" + c.toUpperCase(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void validatesFeedbackBodies() throws Exception {
        String c = ReferenceClient.id();
        String token = client.createTarget(c);
        long a = client.assignNew(c, "forced", new byte[] {9});
        String fb = "/deploymentBase/" + a + "/feedback";
        assertThat(client.device("POST", c, fb, token, "{not json").statusCode()).isEqualTo(400);
        assertThat(client.device("POST", c, fb, token, ReferenceClient.fb("PROCEEDING", "none")).statusCode())
                .isEqualTo(400);
        assertThat(client.send("POST", client.ddi(c) + fb, "TargetToken " + token, "text/plain",
                ReferenceClient.fb("proceeding", "none").getBytes()).statusCode()).isEqualTo(415);
        assertThat(client.device("POST", c, fb, token,
                "{\"id\":1,\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\"},\"details\":\"x\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(client.device("POST", c, "/deploymentBase/99999/feedback", token,
                ReferenceClient.fb("proceeding", "none")).statusCode()).isEqualTo(404);
        assertThat(client.device("POST", c, "/cancelAction/" + a + "/feedback", token,
                ReferenceClient.fb("closed", "success")).statusCode()).isEqualTo(405);
        assertThat(client.device("PUT", c, "/configData", token, "{\"data\":{\"k\":\"v\"}}").statusCode())
                .isEqualTo(200);
        assertThat(client.poll(c, token).at("/_links/configData").isMissingNode()).isTrue();
        assertThat(client.server.requestCount()).isPositive();
    }
}

package org.ddict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.ddict.reference.ReferenceServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data safety: a run leaves what was on the server before it exactly as it was (entities, actions, status histories,
 * tenant settings), and leaves nothing of its own behind; a read-only run changes nothing at all.
 */
class DataSafetyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DEVICE = "customer-device-1";
    private static final String DEVICE_TOKEN = "customer0token0of0device0number1";

    private ReferenceServer server;

    @BeforeEach
    void startServerWithCustomerData() throws Exception {
        server = ReferenceServer.start(ReferenceServer.Options.defaults());
        long module = mgmt("POST", "/softwaremodules",
                "[{\"name\":\"customer-os\",\"version\":\"7.1\",\"type\":\"os\",\"vendor\":\"acme\"}]", 201).path(0).path("id").asLong();
        long set = mgmt("POST", "/distributionsets", "[{\"name\":\"customer-firmware\",\"version\":\"7.1\",\"type\":\"os\","
                + "\"modules\":[{\"id\":" + module + "}]}]", 201).path(0).path("id").asLong();
        mgmt("POST", "/targets", "[{\"controllerId\":\"" + DEVICE + "\",\"name\":\"Customer device\",\"securityToken\":\""
                + DEVICE_TOKEN + "\"}]", 201);
        long action = mgmt("POST", "/targets/" + DEVICE + "/assignedDS", "{\"id\":" + set + ",\"type\":\"soft\"}", 200)
                .path("assignedActions").path(0).path("id").asLong();
        String ddi = "/DEFAULT/controller/v1/" + DEVICE;
        assertThat(send("GET", ddi, "TargetToken " + DEVICE_TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", ddi + "/deploymentBase/" + action + "/feedback", "TargetToken " + DEVICE_TOKEN,
                "{\"status\":{\"execution\":\"proceeding\",\"result\":{\"finished\":\"none\"},\"details\":[\"customer step\"]}}")
                .statusCode()).isEqualTo(200);
        mgmt("PUT", "/system/configs/pollingTime", "{\"value\":\"00:07:00\"}", 204);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aRunLeavesThePreExistingDataUntouchedAndNothingOfItsOwn(@TempDir Path reports) throws Exception {
        Map<String, String> before = server.snapshot();
        assertThat(before).containsKeys("target:" + DEVICE, "config:pollingTime")
                .anySatisfy((k, v) -> assertThat(v).contains("customer step"));

        // these areas create targets, software, actions and plug-and-play controllers, and switch tenant settings
        // (target-token and certificate-header authentication, the polling interval, the consent flow)
        JsonNode summary = run(reports, "--only", "AUTH,CTRLID,DDI-BASE-10,CONFIRM");

        String prefix = summary.path("run").path("prefix").asString();
        assertThat(summary.path("verdict").asString()).isEqualTo("CONFORMANT");
        assertThat(summary.path("checkCounts").path("passed").asInt()).isGreaterThan(30);
        Map<String, String> after = server.snapshot();
        assertThat(after).as("entities the run left behind or changed (prefix %s)", prefix).isEqualTo(before);
        assertThat(after.toString()).doesNotContain(prefix);
    }

    @Test
    void aReadOnlyRunChangesNothing(@TempDir Path reports) throws Exception {
        Map<String, String> before = server.snapshot();
        long writesBefore = server.managementWrites();

        JsonNode summary = run(reports, "--read-only");

        assertThat(server.snapshot()).isEqualTo(before);
        assertThat(server.managementWrites()).as("non-GET Management API requests").isEqualTo(writesBefore);
        assertThat(summary.path("run").path("readOnly").asBoolean()).isTrue();
        assertThat(summary.path("verdict").asString()).isEqualTo("INCOMPLETE");
        assertThat(summary.path("checkCounts").path("failed").asInt()).isZero();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (JsonNode check : summary.path("checks")) {
            String outcome = check.path("outcome").asString();
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome.equals("SKIPPED")) {
                assertThat(check.path("reason").asString()).as(check.path("name").asString())
                        .matches("(?s)(read-only run: needs .*|feature Opt:ANON is not declared.*)");
            }
        }
        assertThat(outcomes.get("PASSED")).as("checks that need no state change pass: %s", outcomes).isGreaterThanOrEqualTo(4);
        assertThat(summary.toString()).contains("read-only run: needs R-TARGET")
                .contains("(a state-changing Management API request)");
    }

    private JsonNode run(Path reports, String... extra) throws Exception {
        String[] args = new String[] {"run", "--url", server.baseUri().toString(), "--reports", reports.toString(), "--no-html",
                "--parallel", "4", "--gateway-token", server.options().gatewayToken()};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true));
        boolean readOnly = java.util.Arrays.asList(extra).contains("--read-only");
        // a read-only run checks too little to certify: INCOMPLETE, exit code 4
        assertThat(code).as(out + "\n" + err).isEqualTo(readOnly ? Main.INCOMPLETE : Main.CONFORMANT);
        return JSON.readTree(Files.readString(reports.resolve("summary.json")));
    }

    private JsonNode mgmt(String method, String path, String json, int expected) throws Exception {
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(method, "/rest/v1" + path, admin, json);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

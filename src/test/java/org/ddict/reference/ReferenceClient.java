package org.ddict.reference;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Test helper: raw HTTP against a running reference server plus the hawkBit arrangement recipes. */
final class ReferenceClient implements AutoCloseable {
    final ReferenceServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    final HttpClient http = HTTP;

    ReferenceClient(ReferenceServer server) {
        this.server = server;
    }

    static ReferenceClient start(Defect... defects) throws Exception {
        return new ReferenceClient(ReferenceServer.start(
                ReferenceServer.Options.defaults().withDefects(java.util.List.of(defects))));
    }

    @Override
    public void close() {
        server.close();
    }

    HttpResponse<byte[]> send(String method, String path, String auth, String contentType, byte[] body,
                              String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String admin() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> mgmt(String method, String path, String json) throws Exception {
        return send(method, "/rest/v1" + path, admin(), json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode mgmtJson(String method, String path, String json, int expected) throws Exception {
        HttpResponse<byte[]> r = mgmt(method, path, json);
        if (r.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " → " + r.statusCode() + " " + new String(r.body()));
        }
        return r.body().length == 0 ? null : Json.MAPPER.readTree(r.body());
    }

    /** A controller registered through the operator; returns its target token. */
    String createTarget(String controllerId) throws Exception {
        JsonNode r = mgmtJson("POST", "/targets", "[{\"controllerId\":\"" + controllerId + "\",\"name\":\"n\"}]", 201);
        return r.get(0).get("securityToken").asString();
    }

    long createModule(String type) throws Exception {
        String name = "m-" + UUID.randomUUID();
        return mgmtJson("POST", "/softwaremodules",
                "[{\"name\":\"" + name + "\",\"version\":\"1.0\",\"type\":\"" + type + "\"}]", 201)
                .get(0).get("id").asLong();
    }

    JsonNode upload(long module, String filename, byte[] data) throws Exception {
        String boundary = "----b" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = send("POST", "/rest/v1/softwaremodules/" + module + "/artifacts", admin(),
                "multipart/form-data; boundary=" + boundary, out.toByteArray());
        if (r.statusCode() != 201) {
            throw new AssertionError("upload → " + r.statusCode() + " " + new String(r.body()));
        }
        return Json.MAPPER.readTree(r.body());
    }

    long createDs(String type, long... modules) throws Exception {
        StringBuilder mods = new StringBuilder();
        for (long m : modules) {
            mods.append(mods.length() == 0 ? "" : ",").append("{\"id\":").append(m).append('}');
        }
        return mgmtJson("POST", "/distributionsets", "[{\"name\":\"ds-" + UUID.randomUUID()
                + "\",\"version\":\"1\",\"type\":\"" + type + "\",\"modules\":[" + mods + "]}]", 201)
                .get(0).get("id").asLong();
    }

    /** Module with one artifact, DS of type os, assigned with the given type; returns the action id. */
    long assignNew(String controllerId, String type, byte[] artifact) throws Exception {
        long m = createModule("os");
        upload(m, "fw.bin", artifact);
        long ds = createDs("os", m);
        return mgmtJson("POST", "/targets/" + controllerId + "/assignedDS",
                "{\"id\":" + ds + ",\"type\":\"" + type + "\"}", 200).get("assignedActions").get(0).get("id").asLong();
    }

    String ddi(String controllerId) {
        return "/" + server.options().tenant() + "/controller/v1/" + controllerId;
    }

    HttpResponse<byte[]> device(String method, String controllerId, String sub, String token, String json)
            throws Exception {
        return send(method, ddi(controllerId) + sub, token == null ? null : "TargetToken " + token,
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode poll(String controllerId, String token) throws Exception {
        HttpResponse<byte[]> r = device("GET", controllerId, "", token, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("poll → " + r.statusCode());
        }
        return Json.MAPPER.readTree(r.body());
    }

    JsonNode action(String controllerId, long action) throws Exception {
        return mgmtJson("GET", "/targets/" + controllerId + "/actions/" + action, null, 200);
    }

    JsonNode statuses(String controllerId, long action) throws Exception {
        return mgmtJson("GET", "/targets/" + controllerId + "/actions/" + action + "/status", null, 200);
    }

    static String fb(String execution, String finished) {
        return "{\"status\":{\"execution\":\"" + execution + "\",\"result\":{\"finished\":\"" + finished
                + "\"},\"details\":[\"marker\"]}}";
    }

    static String id() {
        return "c-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

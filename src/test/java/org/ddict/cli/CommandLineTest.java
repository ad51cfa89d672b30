package org.ddict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ddict.catalogue.Priority;
import org.ddict.catalogue.Req;
import org.ddict.reference.ReferenceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line contract: exit codes, one clear line per setup problem, the five report outputs, no secret leaks. */
class CommandLineTest {

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static void oneErrorLine(Result r, int code, String containing) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err().strip().lines()).as("stderr: one clear line").hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(containing).doesNotContain("Exception\n").doesNotContain("\tat ");
    }

    @Test
    void listsRequirementsAndDefects() {
        Result reqs = cli("list", "requirements");
        assertThat(reqs.code()).isZero();
        assertThat(reqs.out()).contains("DDI-STATE-01").contains("DDI-ERROR-11");
        Result defects = cli("list", "defects");
        assertThat(defects.code()).isZero();
        assertThat(defects.out()).contains("rejected-maps-to-error").contains("DDI-STATE-10");
        Result faults = cli("list", "faults");
        assertThat(faults.code()).isZero();
        for (org.ddict.reference.Fault f : org.ddict.reference.Fault.values()) {
            assertThat(faults.out()).contains(f.key()).contains(f.scope().resource());
        }
    }

    @Test
    void badUsageIsOneLineAndExitCode2() {
        oneErrorLine(cli("list", "things"), 2, "unknown list 'things'");
        oneErrorLine(cli("run", "--only", "DDI-NOPE-01"), 2, "--only: 'DDI-NOPE-01'");
        oneErrorLine(cli("run", "--defect", "no-such-defect"), 2, "unknown defect 'no-such-defect'");
        oneErrorLine(cli("run", "--url", "ftp://example"), 2, "not an http(s) URL");
        oneErrorLine(cli("run", "--frobnicate"), 2, "Unknown option");
        oneErrorLine(cli("run", "--url", "http://127.0.0.1:1", "--defect", "sleep-as-seconds"), 2, "embedded reference server only");
        oneErrorLine(cli("run", "--fault", "no-such-fault"), 2, "unknown fault 'no-such-fault'");
        oneErrorLine(cli("run", "--url", "http://127.0.0.1:1", "--fault", "huge-body"), 2, "--fault applies to the embedded reference server only");
        oneErrorLine(cli("serve", "--fault", "no-such-fault"), 2, "unknown fault 'no-such-fault'");
    }

    @Test
    void unreachableServerIsExitCode3(@TempDir Path reports) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        oneErrorLine(cli("run", "--url", "http://127.0.0.1:" + port, "--timeout", "2s", "--reports", reports.toString()), 3, "unreachable");
    }

    @Test
    void aServerThatIsNotDdiIsExitCode2(@TempDir Path reports) throws IOException {
        HttpServer html = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        html.createContext("/", ex -> {
            byte[] b = "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(404, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        html.start();
        try {
            oneErrorLine(cli("run", "--url", "http://127.0.0.1:" + html.getAddress().getPort(), "--reports", reports.toString()), 2,
                    "no hawkBit Management API");
        } finally {
            html.stop(0);
        }
    }

    @Test
    void rejectedManagementCredentialsAreExitCode2AndLeaveNothingBehind(@TempDir Path reports) throws IOException {
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults())) {
            Result r = cli("run", "--url", server.baseUri().toString(), "--mgmt-password", "wrong", "--reports", reports.toString());
            oneErrorLine(r, 2, "management credentials rejected");
            assertThat(r.err()).doesNotContain("wrong");
        }
    }

    @Test
    void disabledDeviceAuthenticationIsExitCode2(@TempDir Path reports) throws Exception {
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults())) {
            HttpResponse<String> off = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUri() + "/rest/v1/system/configs/authentication.targettoken.enabled"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":false}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(off.statusCode()).isEqualTo(204);
            oneErrorLine(cli("run", "--url", server.baseUri().toString(), "--reports", reports.toString()), 2,
                    "target-token authentication is disabled");
        }
    }

    @Test
    void anUndeclaredFeatureSkipsItsChecksWithTheSettingThatWouldEnableThem(@TempDir Path reports) throws IOException {
        Result r = cli("run", "--only", "DDI-STATE-09", "--capabilities", "-DLONLY", "--no-html", "--reports", reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode summary = JsonMapper.builder().build().readTree(reports.resolve("summary.json").toFile());
        JsonNode state09 = null;
        for (JsonNode req : summary.path("requirements")) {
            if (req.path("id").asString().equals("DDI-STATE-09")) {
                state09 = req;
            }
        }
        assertThat(state09).isNotNull();
        assertThat(state09.path("status").asString()).isEqualTo("SKIP");
        assertThat(state09.path("reason").asString()).contains("Opt:DLONLY").contains("--capabilities +DLONLY");
        assertThat(summary.path("server").path("features").toString()).doesNotContain("DLONLY").contains("TOKEN");
        oneErrorLine(cli("run", "--capabilities", "+TELEPORT"), 2, "unknown feature '+TELEPORT'");
    }

    @Test
    void aDefectMakesTheRunNonConformant(@TempDir Path reports) {
        Result r = cli("run", "--defect", "rejected-maps-to-error", "--only", "STATE", "--no-html", "--reports", reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL DDI-STATE-10").contains("Verdict: NON_CONFORMANT");
    }

    @Test
    void theMainJobWritesAllFiveReportsWithoutLeakingSecrets(@TempDir Path reports) throws Exception {
        String password = "pw-SECRET-7c1e5b9a2d";
        String gateway = "gw-SECRET-4f8a0c6e1b";
        try (ReferenceServer server = ReferenceServer.start(ReferenceServer.Options.defaults().withCredentials("operator", password)
                .withGatewayToken(gateway))) {
            Result r = cli("run", "--url", server.baseUri().toString(), "--mgmt-user", "operator", "--mgmt-password", password,
                    "--reports", reports.toString());
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("area").contains("pass").contains("Verdict: CONFORMANT");
            assertThat(r.out() + r.err()).doesNotContain(password).doesNotContain(gateway);
        }
        assertThat(reports.resolve("allure-report/index.html")).isRegularFile();
        assertThat(Files.list(reports.resolve("junit")).filter(p -> p.toString().endsWith(".xml"))).isNotEmpty();
        try (Stream<Path> results = Files.list(reports.resolve("allure-results"))) {
            assertThat(results.filter(p -> p.toString().endsWith("-result.json")).count()).isGreaterThan(60);
        }
        assertThat(reports.resolve("summary.md")).content().contains("# DDI conformance: CONFORMANT");
        JsonNode summary = JsonMapper.builder().build().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asString()).isEqualTo("CONFORMANT");
        assertThat(summary.path("server").path("url").asString()).startsWith("http://127.0.0.1:");
        assertThat(summary.path("suite").path("version").asString()).isNotBlank();
        assertThat(summary.path("counts").path("pass").asInt()).isPositive();
        assertThat(summary.path("counts").has("fail")).isTrue();
        assertThat(summary.path("counts").has("skip")).isTrue();
        EnumSet<Req> listed = EnumSet.noneOf(Req.class);
        for (JsonNode r : summary.path("requirements")) {
            Req req = Req.byId(r.path("id").asString()).orElseThrow();
            listed.add(req);
            assertThat(List.of("PASS", "FAIL", "SKIP", "WARN")).contains(r.path("status").asString());
            if (req.priority() == Priority.P0) {
                assertThat(r.path("status").asString()).as(req.id()).isIn("PASS", "WARN");
            }
            if (!r.path("status").asString().equals("PASS")) {
                assertThat(r.path("reason").asString()).as("reason of %s", req.id()).isNotBlank();
            }
        }
        assertThat(listed).hasSize(Req.values().length);

        Pattern unmaskedToken = Pattern.compile("(TargetToken|GatewayToken) (?!\\$DDICT)[A-Za-z0-9-]{8,}");
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                if (f.toString().endsWith("index.html")) {
                    // the single-file report embeds every data file base64-encoded: scan what a browser would show
                    text = decodedReportData(text);
                    assertThat(text).as("decoded report data").contains("DDI-BASE-01");
                }
                assertThat(text).as("secret in %s", f).doesNotContain(password).doesNotContain(gateway);
                assertThat(unmaskedToken.matcher(text).find()).as("unmasked device token in %s", f).isFalse();
            }
        }
    }

    /** The data files of a single-file Allure report ({@code d('data/…','<base64>')}), decoded and joined. */
    static String decodedReportData(String html) {
        StringBuilder all = new StringBuilder();
        java.util.regex.Matcher m = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]*)'\\)").matcher(html);
        while (m.find()) {
            all.append(m.group(1)).append('\n')
                    .append(new String(java.util.Base64.getDecoder().decode(m.group(2)), StandardCharsets.ISO_8859_1)).append('\n');
        }
        return all.toString();
    }
}

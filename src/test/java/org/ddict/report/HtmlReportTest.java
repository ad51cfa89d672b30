package org.ddict.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ddict.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML report as a person sees it (issue 4 §6): a run against a defect, then the single-file Allure report is
 * read twice — its embedded data (always), and rendered in headless Chromium (Debian's {@code chromium}; {@code .ci/run}
 * installs it) with screenshots of the overview and of the failed check in {@code target/report-screenshots/}.
 */
class HtmlReportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ENTRY = Pattern.compile("d\\('(data/[^']+|widgets/[^']+)','([A-Za-z0-9+/=]*)'\\)");

    @TempDir
    static Path reports;
    private static Path index;
    private static Map<String, String> data;

    @BeforeAll
    static void runAgainstADefect() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.execute(new String[] {"run", "--defect", "base-accepts-post", "--defect", "https-download-only", "--only", "BASE,SUITE-CLIENT-04", "--reports", reports.toString()},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true));
        assertThat(code).as(out.toString()).isEqualTo(1);
        index = reports.resolve("allure-report/index.html");
        data = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(Files.readString(index, StandardCharsets.UTF_8));
        while (m.find()) {
            data.put(m.group(1), new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        }
    }

    /** The failed check that the defect's requirement was charged to, from the report's own data. */
    private static JsonNode failedBase12() {
        return data.entrySet().stream().filter(e -> e.getKey().startsWith("data/test-cases/"))
                .map(e -> JSON.readTree(e.getValue()))
                .filter(t -> t.path("status").asString().equals("failed")
                        && t.path("statusMessage").asString().startsWith("DDI-BASE-12 (MUST) Only GET on the controller base"))
                .findFirst().orElseThrow(() -> new AssertionError("no failed check charged to DDI-BASE-12 in the report"));
    }

    @Test
    void everyFailureShowsRequirementExpectedReceivedAndAMaskedCurlLine() {
        JsonNode failed = failedBase12();
        assertThat(failed.path("statusMessage").asString()).contains("Expected: ").contains("Received: ")
                .contains("Request:  curl -i -X ").contains("'http://127.0.0.1:")
                .contains("TargetToken $DDICT_TARGET_TOKEN").contains("Response: HTTP 200");
        assertThat(failed.path("description").asString()).as("the requirement statement").startsWith("**DDI-BASE-");
        assertThat(failed.path("name").asString()).as("a readable title naming the requirement").startsWith("DDI-BASE-");
        List<String> labels = new ArrayList<>();
        failed.path("labels").forEach(l -> labels.add(l.path("name").asString() + "=" + l.path("value").asString()));
        assertThat(labels).contains("epic=DDI", "feature=BASE").anyMatch(l -> l.startsWith("requirement=DDI-BASE-"));
    }

    @Test
    void theOverviewCarriesEnvironmentAndCategories() {
        assertThat(data.get("widgets/environment.json")).contains("DDI.server").contains("Suite.version").contains("Verdict")
                .contains("NON_CONFORMANT");
        assertThat(data.get("widgets/categories.json")).contains("Non-conformance").contains("Client compatibility (warning)");
    }

    @Test
    void chromiumRendersTheOverviewAndTheFailedCheck() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent() || System.getenv("DDICT_REQUIRE_CHROMIUM") != null,
                "Debian's chromium is not installed here (.ci/run installs it for CI)");
        assertThat(chromium).as("chromium on CI (.ci/run installs it)").isPresent();
        Path shots = Path.of("target/report-screenshots");
        Files.createDirectories(shots);

        String overview = render(chromium.get(), "", shots.resolve("overview.png"));
        assertThat(overview).contains("DDI conformance: NON-CONFORMANT").contains("Non-conformance").contains("Client compatibility (warning)").contains("DDI.server").contains("BASE — controller base resource and polling")
                .contains("Verdict");

        String uid = failedBase12().path("uid").asString();
        String check = render(chromium.get(), "#testresult/" + uid, shots.resolve("failed-check.png"));
        assertThat(check).contains("Failed").contains("DDI-BASE-12 (MUST) Only GET on the controller base").contains("Expected:")
                .contains("curl -i").contains("$DDICT_TARGET_TOKEN");
        assertThat(shots.resolve("overview.png")).isNotEmptyFile();
        assertThat(shots.resolve("failed-check.png")).isNotEmptyFile();
    }

    /** Renders the report page in headless Chromium: returns its visible text and writes a screenshot. */
    private static String render(Path chromium, String route, Path screenshot) throws Exception {
        String url = index.toUri() + route;
        run(chromium, "--window-size=1400,1700", "--screenshot=" + screenshot.toAbsolutePath(), url);
        String dom = run(chromium, "--dump-dom", url);
        String text = dom.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("<[^>]+>", " ");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String run(Path chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=8000"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chromium-", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + cmd);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return Optional.of(Path.of(c));
            }
        }
        return Optional.empty();
    }
}

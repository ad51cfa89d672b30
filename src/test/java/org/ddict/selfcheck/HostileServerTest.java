package org.ddict.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ddict.catalogue.Area;
import org.ddict.cli.Main;
import org.ddict.reference.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite against a hostile server: for every {@link Fault} a run of the area it hits plus one area it does not
 * hit ends within its bound with exit code 1, the affected checks FAIL with a reason that names the problem, the
 * other area's checks still PASS, nothing breaks (no check ends in a stack trace), and the evidence is attached.
 */
class HostileServerTest {

    /** A run of two areas takes 4–12 s on the 2-core machine; every hostile answer is bounded by the 2 s timeout. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String TIMEOUT = "2s";

    /** What the reason of a failed check says about each fault. */
    private static final Map<Fault, String> REASON = new EnumMap<>(Map.of(
            Fault.NON_JSON_BODY, "not valid JSON: Unexpected character ('<'",
            Fault.TRUNCATED_JSON, "not valid JSON: Unexpected end-of-input",
            Fault.WRONG_CONTENT_TYPE, "received Content-Type: text/html",
            Fault.SERVER_ERROR_500, "received HTTP 500 (text/html)",
            Fault.SLOW_RESPONSE, "no complete HTTP answer within 2 s to GET",
            Fault.RESET_MID_BODY, "the connection closed before the answer to GET",
            Fault.REDIRECT_LOOP, "received HTTP 302 (no Content-Type, a redirect to http://127.0.0.1:",
            Fault.HUGE_BODY, "body larger than 16777216 bytes (Content-Length: 52428800)",
            Fault.ENDLESS_CHUNKED, "no complete HTTP answer within 2 s to GET"));

    /** Faults whose failing exchange must be in the Allure evidence, with this text. */
    private static final Map<Fault, String> EVIDENCE = new EnumMap<>(Map.of(
            Fault.HUGE_BODY, "--- body larger than 16777216 bytes",
            Fault.ENDLESS_CHUNKED, "--- no complete HTTP answer within 2 s",
            Fault.RESET_MID_BODY, "--- the connection closed before the answer"));

    record Result(int code, String out, String err) {
    }

    @Test
    void everyFaultHasAnExpectedReason() {
        assertThat(REASON.keySet()).containsExactlyInAnyOrder(Fault.values());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void theRunEndsInTimeAndFailsOnlyTheChecksThatMeetTheFault(Fault fault, @TempDir Path reports) throws IOException {
        Area hit = fault.scope().areas().get(0);
        Area unaffected = hit == Area.CONFIG ? Area.CANCEL : Area.CONFIG;
        long t0 = System.nanoTime();
        Result r = cli("run", "--fault", fault.key(), "--only", hit + "," + unaffected, "--timeout", TIMEOUT,
                "--parallel", "4", "--no-html", "--reports", reports.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).as("run time with fault %s", fault).isLessThan(BOUND);
        assertThat(r.code()).as("exit code; stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isEqualTo(Main.NON_CONFORMANT);
        assertThat(r.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception:");

        JsonNode summary = JsonMapper.builder().build().readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("verdict").asString()).isEqualTo("NON_CONFORMANT");
        List<JsonNode> checks = new ArrayList<>();
        summary.path("checks").forEach(checks::add);
        List<String> failed = checks.stream().filter(c -> c.path("outcome").asString().equals("FAILED"))
                .map(c -> c.path("name").asString() + ": " + c.path("reason").asString()).toList();
        assertThat(failed).as("failed checks").isNotEmpty()
                .anySatisfy(reason -> assertThat(reason).contains(REASON.get(fault)))
                .allSatisfy(reason -> assertThat(reason).as("a failed check, not a broken one").doesNotContain("the check broke"));
        assertThat(checks.stream().filter(c -> c.path("area").asString().equals(hit.name()))
                .filter(c -> c.path("outcome").asString().equals("FAILED"))).as("failed checks in %s", hit).isNotEmpty();

        List<JsonNode> other = checks.stream().filter(c -> c.path("area").asString().equals(unaffected.name())).toList();
        assertThat(other).as("checks of the unaffected area %s", unaffected).isNotEmpty()
                .noneMatch(c -> c.path("outcome").asString().equals("FAILED"))
                .anyMatch(c -> c.path("outcome").asString().equals("PASSED"));
        summary.path("requirements").forEach(q -> {
            if (q.path("area").asString().equals(unaffected.name())) {
                assertThat(q.path("status").asString()).as("%s (unaffected area)", q.path("id").asString()).isNotEqualTo("FAIL");
            }
        });

        if (EVIDENCE.containsKey(fault)) {
            assertEvidence(reports.resolve("allure-results"), EVIDENCE.get(fault));
        }
    }

    /** The failing exchange is attached (request and what arrived), and no attachment carries a huge body. */
    private static void assertEvidence(Path results, String text) throws IOException {
        List<Path> attachments;
        try (Stream<Path> files = Files.list(results)) {
            attachments = files.filter(p -> p.getFileName().toString().contains("-attachment")).toList();
        }
        assertThat(attachments).as("Allure attachments").isNotEmpty();
        long largest = 0;
        boolean found = false;
        for (Path a : attachments) {
            largest = Math.max(largest, Files.size(a));
            String content = Files.readString(a);
            found |= content.contains(text) && content.startsWith("curl -i ");
        }
        assertThat(found).as("an attachment with the request and '%s'", text).isTrue();
        assertThat(largest).as("largest attachment (bytes)").isLessThan(200_000);
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}

package org.ddict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.ddict.cli.CommandLineTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 5 §2 and §6 on the command line: --deadline, --max-requests and --rate, and their traces in summary.json. */
class PolitenessCommandLineTest {

    private static JsonNode summary(Path reports) {
        return JsonMapper.builder().build().readTree(reports.resolve("summary.json").toFile());
    }

    @Test
    void aSpentBudgetStopsTheRunAsIncompleteWithTheChecksNotRunNamed(@TempDir Path reports) {
        Result r = CommandLineTest.cli("run", "--only", "BASE,STATE", "--max-requests", "40", "--parallel", "2", "--no-html",
                "--reports", reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(r.out()).contains("Limits       budget 40 requests").contains("Verdict: INCOMPLETE")
                .contains("Stopped early: the run's request budget of 40 requests is spent");
        JsonNode s = summary(reports);
        assertThat(s.path("verdict").asString()).isEqualTo("INCOMPLETE");
        assertThat(s.path("run").path("stopped").asString()).contains("budget of 40 requests");
        assertThat(s.path("run").path("limits").asString()).isEqualTo("budget 40 requests");
        assertThat(s.path("run").has("retries")).isTrue();
        assertThat(s.path("requirements").toString()).contains("not run: the run's request budget of 40 requests is spent");
        assertThat(s.path("checkCounts").path("passed").asInt()).as("checks that ran before the budget was spent").isPositive();
    }

    @Test
    void aDeadlineEndsAFullRunInTime(@TempDir Path reports) {
        long t0 = System.nanoTime();
        Result r = CommandLineTest.cli("run", "--deadline", "2s", "--no-html", "--reports", reports.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("deadline 2s, plus cleanup").isLessThan(Duration.ofSeconds(30));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.INCOMPLETE);
        assertThat(summary(reports).path("run").path("stopped").asString()).isEqualTo("the run's deadline of 2s was reached");
        assertThat(summary(reports).path("requirements").toString()).doesNotContain("\"FAIL\"");
    }

    @Test
    void aRateLimitedRunIsCountedAndStillConformant(@TempDir Path reports) {
        Result r = CommandLineTest.cli("run", "--only", "DDI-BASE-01,DDI-BASE-03", "--rate", "30/s", "--no-html", "--reports",
                reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode run = summary(reports).path("run");
        assertThat(run.path("limits").asString()).isEqualTo("rate 30/s");
        assertThat(run.path("requests").asLong()).isPositive();
        // n requests at 30/s cannot take less than (n - 1) / 30 s
        assertThat(run.path("durationMs").asLong()).isGreaterThanOrEqualTo((run.path("requests").asLong() - 1) * 1000 / 30 - 50);
    }

    @Test
    void badLimitsAreOneLineAndExitCode2() {
        CommandLineTest.oneErrorLine(CommandLineTest.cli("run", "--rate", "fast"), 2, "'fast' is not a request rate");
        CommandLineTest.oneErrorLine(CommandLineTest.cli("run", "--deadline", "0s"), 2, "--deadline must be positive");
        CommandLineTest.oneErrorLine(CommandLineTest.cli("run", "--deadline", "soon"), 2, "'soon' is not a duration");
        CommandLineTest.oneErrorLine(CommandLineTest.cli("run", "--max-requests", "0"), 2, "--max-requests must be at least 1");
    }
}

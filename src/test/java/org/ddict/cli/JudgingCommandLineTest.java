package org.ddict.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ddict.cli.CommandLineTest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ddict.cli.CommandLineTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --waivers}, {@code --profile}, {@code --dialect} and {@code list profiles|dialects} on the command line. */
class JudgingCommandLineTest {

    @TempDir
    Path dir;

    private Path waivers(String requirement, String expires) throws IOException {
        return Files.writeString(dir.resolve("waivers-" + requirement + "-" + expires + ".json"), "[{\"requirement\":\"" + requirement
                + "\",\"reason\":\"firmware 2.x parses seconds\",\"owner\":\"platform team\",\"expires\":\"" + expires + "\"}]");
    }

    private static JsonNode summary(Path reports) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(reports.resolve("summary.json")));
    }

    private static JsonNode requirement(JsonNode summary, String id) {
        for (JsonNode r : summary.path("requirements")) {
            if (r.path("id").asString().equals(id)) {
                return r;
            }
        }
        throw new AssertionError(id + " not in summary.json");
    }

    private static void oneErrorLine(Result r, String containing) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines()).as("stderr: one clear line").hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(containing).doesNotContain("\tat ");
    }

    @Test
    void aWaivedDefectIsConformantAndAnExpiredWaiverIsNot() throws IOException {
        Path valid = dir.resolve("valid");
        Result ok = cli("run", "--only", "DDI-BASE-09", "--defect", "sleep-as-seconds", "--no-html", "--reports", valid.toString(),
                "--waivers", waivers("DDI-BASE-09", "2099-12-31").toString());
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("Verdict: CONFORMANT").contains("  WAIVED DDI-BASE-09");
        JsonNode s = summary(valid);
        assertThat(s.path("verdict").asString()).isEqualTo("CONFORMANT");
        assertThat(requirement(s, "DDI-BASE-09").path("status").asString()).isEqualTo("WAIVED");
        assertThat(requirement(s, "DDI-BASE-09").path("reason").asString()).contains("waived until 2099-12-31 (platform team");
        assertThat(s.path("counts").path("waived").asInt()).isEqualTo(1);
        assertThat(Files.readString(valid.resolve("summary.md"))).contains("## Waived").contains("**DDI-BASE-09**");

        Path expired = dir.resolve("expired");
        Result bad = cli("run", "--only", "DDI-BASE-09", "--defect", "sleep-as-seconds", "--no-html", "--reports", expired.toString(),
                "--waivers", waivers("DDI-BASE-09", "2020-01-31").toString());
        assertThat(bad.code()).as(bad.out() + bad.err()).isEqualTo(Main.NON_CONFORMANT);
        JsonNode e = summary(expired);
        assertThat(e.path("verdict").asString()).isEqualTo("NON_CONFORMANT");
        assertThat(requirement(e, "DDI-BASE-09").path("status").asString()).isEqualTo("FAIL");
        assertThat(requirement(e, "DDI-BASE-09").path("reason").asString()).startsWith("the waiver expired on 2020-01-31");
    }

    @Test
    void aWaiverForAPassingRequirementIsStale() throws IOException {
        Path reports = dir.resolve("stale");
        Result r = cli("run", "--only", "DDI-BASE-09", "--no-html", "--reports", reports.toString(),
                "--waivers", waivers("DDI-BASE-09", "2099-12-31").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("warning: stale waiver DDI-BASE-09 until 2099-12-31").contains("DDI-BASE-09 is PASS");
        JsonNode s = summary(reports);
        assertThat(requirement(s, "DDI-BASE-09").path("status").asString()).isEqualTo("PASS");
        assertThat(s.path("staleWaivers").get(0).asString()).isEqualTo("DDI-BASE-09");
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Stale waivers");
    }

    @Test
    void theCoreProfileSkipsAnOptionalAreaWithTheReason() throws IOException {
        Path reports = dir.resolve("core");
        Result r = cli("run", "--only", "CONFIRM,DDI-BASE-09", "--profile", "core", "--no-html", "--reports", reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Judged by    profile core");
        JsonNode s = summary(reports);
        assertThat(s.path("judging").path("profile").asString()).isEqualTo("core");
        assertThat(requirement(s, "DDI-BASE-09").path("status").asString()).isEqualTo("PASS");
        for (String id : new String[] {"DDI-CONFIRM-01", "DDI-CONFIRM-13", "DDI-SCHEMA-05"}) {
            assertThat(requirement(s, id).path("status").asString()).as(id).isEqualTo("SKIP");
            assertThat(requirement(s, id).path("reason").asString()).as(id).isEqualTo("not claimed by profile core");
        }
        assertThat(s.path("server").path("features")).as("core claims no optional feature").isEmpty();
    }

    @Test
    void aClaimedFeatureTheServerLacksIsCheckedNotSkipped() throws IOException {
        // the reference server, like hawkBit 1.1.0, has no anonymous access; declared, DDI-AUTH-08 is skipped as not offered
        Path declared = dir.resolve("declared");
        assertThat(cli("run", "--only", "DDI-AUTH-08", "--no-html", "--reports", declared.toString()).code()).isZero();
        assertThat(requirement(summary(declared), "DDI-AUTH-08").path("status").asString()).isEqualTo("SKIP");
        Path claimed = dir.resolve("claimed");
        Result r = cli("run", "--only", "DDI-AUTH-08", "--profile", "core+anon", "--no-html", "--reports", claimed.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode auth08 = requirement(summary(claimed), "DDI-AUTH-08");
        assertThat(auth08.path("status").asString()).as("MAY: broken → WARN").isEqualTo("WARN");
    }

    @Test
    void badProfilesDialectsAndWaiversAreOneLineAndExitCode2() throws IOException {
        oneErrorLine(cli("run", "--profile", "core+teleport"), "unknown profile or module 'teleport'");
        oneErrorLine(cli("run", "--profile", "core", "--capabilities", "+CBOR"), "--capabilities applies to the profile 'declared' only");
        oneErrorLine(cli("run", "--dialect", "openapi"), "unknown dialect 'openapi'");
        oneErrorLine(cli("run", "--waivers", dir.resolve("none.json").toString()), "--waivers: cannot read");
        oneErrorLine(cli("run", "--waivers", waivers("DDI-BASE-99", "2099-12-31").toString()), "unknown requirement ID 'DDI-BASE-99'");
        oneErrorLine(cli("run", "--waivers", waivers("DDI-BASE-09", "tomorrow").toString()), "expires 'tomorrow' is not a date");
    }

    @Test
    void listsProfilesAndDialects() {
        Result profiles = cli("list", "profiles");
        assertThat(profiles.code()).isZero();
        assertThat(profiles.out()).contains("declared").contains("core+download+config").contains("full (173 of 173 requirements")
                .contains("MODULES").contains("range ");
        Result dialects = cli("list", "dialects");
        assertThat(dialects.code()).isZero();
        assertThat(dialects.out()).contains("hawkbit").contains("published").contains("HB-DEV-01").contains("DDI-CANCEL-07");
    }
}

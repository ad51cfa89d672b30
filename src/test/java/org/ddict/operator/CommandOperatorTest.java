package org.ddict.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.ddict.catalogue.Feature;
import org.ddict.cli.Main;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.operator.command.CommandOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command operator: the protocol with small stub programs (answers, failures, timeout, request contents), and
 * the whole suite through the example program against the embedded reference server, faithful and with a defect.
 */
class CommandOperatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EXAMPLE = Path.of("examples/operator/hawkbit-operator.py").toAbsolutePath();
    private static final String PASSWORD = "s3cret-mgmt-password";

    @TempDir
    Path dir;

    // ---- the protocol, with stubs ----------------------------------------------------------------------------

    @Test
    void anUnsupportedStepIsAnOperatorExceptionThatSaysUnsupported() throws IOException {
        CommandOperator op = operator(stub("cat >/dev/null; echo '{\"unsupported\":\"no consent flow in this back office\"}'"));
        assertThatThrownBy(() -> op.confirm("c1", 7, true)).isInstanceOf(OperatorException.class)
                .hasMessageContaining("step 'confirm' unsupported by").hasMessageContaining("no consent flow in this back office");
    }

    @Test
    void anErrorAnswerCarriesTheMessageAndTheRedactedStderrTail() throws IOException {
        CommandOperator op = operator(stub("cat >/dev/null; echo \"login with password $DDICT_MGMT_PASSWORD refused\" >&2; "
                + "echo '{\"error\":\"HTTP 500 from the back office\"}'"));
        assertThatThrownBy(() -> op.action("c1", 7)).isInstanceOf(OperatorException.class)
                .hasMessageContaining("step 'action'").hasMessageContaining("failed: HTTP 500 from the back office")
                .hasMessageContaining("stderr: login with password **** refused").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void garbageOnStdoutAndANonZeroExitAreClearErrors() throws IOException {
        assertThatThrownBy(() -> operator(stub("cat >/dev/null; echo 'Traceback? no, just text'")).action("c1", 1))
                .isInstanceOf(OperatorException.class).hasMessageContaining("answered no JSON object on stdout ('Traceback? no, just text')");
        assertThatThrownBy(() -> operator(stub("cat >/dev/null; echo '{\"ok\":false}'")).action("c1", 1))
                .isInstanceOf(OperatorException.class).hasMessageContaining("answered neither {\"ok\":true}");
        assertThatThrownBy(() -> operator(stub("cat >/dev/null; echo 'KeyError: actionId' >&2; exit 3")).action("c1", 1))
                .isInstanceOf(OperatorException.class).hasMessageContaining("exited with code 3").hasMessageContaining("stderr: KeyError: actionId");
        assertThatThrownBy(() -> operator(stub("cat >/dev/null; echo '{\"ok\":true}'")).assign("c1",
                new SoftwareSet(1, "s", "1", java.util.List.of()), AssignMode.SOFT))
                .isInstanceOf(OperatorException.class).hasMessageContaining("answered no actionId");
    }

    @Test
    void aProgramThatDoesNotAnswerIsStoppedWithinItsBound() throws IOException {
        // reads nothing and never answers; the bound is 6 × 200 ms
        CommandOperator op = operator(stub("sleep 30"), Duration.ofMillis(200));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> op.action("c1", 1)).isInstanceOf(OperatorException.class)
                .hasMessageContaining("did not answer within 1200ms").hasMessageContaining("stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void theRequestCarriesTheStepInputsAndTheRunContextButThePasswordOnlyInTheEnvironment() throws IOException {
        Path request = dir.resolve("request.json");
        Path env = dir.resolve("env.txt");
        CommandOperator op = operator(stub("cat > " + request + "; echo \"$1 $DDICT_MGMT_PASSWORD $DDICT_MGMT_USER\" > " + env
                + "; echo '{\"ok\":true,\"actionId\":42}'"));
        long id = op.assign("ddict-x-c1", new SoftwareSet(9, "set", "1.0.0", java.util.List.of()),
                Assignment.timeForced(java.time.Instant.ofEpochMilli(1_700_000_000_000L)).withWeight(500));
        assertThat(id).isEqualTo(42);
        JsonNode r = JSON.readTree(request.toFile());
        assertThat(r.path("step").asString()).isEqualTo("assign");
        assertThat(r.path("protocol").asInt()).isEqualTo(CommandOperator.PROTOCOL);
        assertThat(r.path("controllerId").asString()).isEqualTo("ddict-x-c1");
        assertThat(r.path("distributionSetId").asLong()).isEqualTo(9);
        assertThat(r.path("type").asString()).isEqualTo("timeforced");
        assertThat(r.path("forceTime").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(r.path("weight").asInt()).isEqualTo(500);
        assertThat(r.path("runPrefix").asString()).isEqualTo("ddict-test-abcd");
        assertThat(r.path("ddiUrl").asString()).isEqualTo("http://127.0.0.1:9");
        assertThat(r.path("tenant").asString()).isEqualTo("DEFAULT");
        assertThat(Files.readString(request)).doesNotContain(PASSWORD);
        assertThat(Files.readString(env).strip()).isEqualTo("assign " + PASSWORD + " admin");
    }

    @Test
    void createSoftwareHandsOverEachArtifactAsAFileWhateverItsNameAndDeletesItAfterwards() throws IOException {
        Path request = dir.resolve("request.json");
        Path seen = dir.resolve("seen.bin");
        // the stub copies the first artifact file it was given (its path is the only .bin path in the request)
        CommandOperator op = operator(stub("cat > " + request + "; cp \"$(grep -o '\"/[^\"]*\\.bin\"' " + request
                + " | head -1 | tr -d '\"')\" " + seen + "; echo '{\"ok\":true,\"id\":5,\"modules\":[{\"id\":6}]}'"));
        String longName = "a".repeat(300) + ".bin";
        byte[] bytes = "firmware bytes".getBytes(StandardCharsets.UTF_8);
        SoftwareSet set = op.createSoftware(new SoftwareSpec("set", "os", java.util.List.of(new SoftwareSpec.ModuleSpec("os", "m", "1.0",
                java.util.List.of(new SoftwareSpec.ArtifactSpec(longName, bytes))))));
        assertThat(set.id()).isEqualTo(5);
        assertThat(set.module("os").id()).isEqualTo(6);
        JsonNode artifact = JSON.readTree(request.toFile()).path("modules").path(0).path("artifacts").path(0);
        assertThat(artifact.path("filename").asString()).isEqualTo(longName);
        assertThat(artifact.path("size").asLong()).isEqualTo(bytes.length);
        assertThat(artifact.path("sha256").asString()).isEqualTo(set.module("os").artifacts().get(0).sha256())
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(bytes)));
        assertThat(Files.readAllBytes(seen)).isEqualTo(bytes);
        assertThat(Path.of(artifact.path("path").asString())).doesNotExist();
    }

    @Test
    void describeGivesFeaturesCapabilitiesAndTheGatewayTokenAndAPreflightErrorChoosesTheExitCode() throws IOException {
        CommandOperator op = operator(stub("cat >/dev/null; case \"$1\" in "
                + "describe) echo '{\"ok\":true,\"features\":[\"TOKEN\",\"dlonly\"],\"capabilities\":[\"CONSENT\"],\"gatewayToken\":\"gw-key-123456\"}';; "
                + "*) echo '{\"unsupported\":\"no\"}';; esac"));
        op.preflight(); // 'preflight' itself is unsupported: nothing to verify up front
        assertThat(op.features()).isEqualTo(EnumSet.of(Feature.TOKEN, Feature.DLONLY));
        assertThat(op.capabilities()).isEqualTo(EnumSet.of(Capability.CONSENT));
        assertThat(op.gatewayToken().map(Secret::reveal)).contains("gw-key-123456");

        CommandOperator refused = operator(stub("cat >/dev/null; echo '{\"error\":\"credentials rejected (HTTP 401)\",\"setup\":\"BAD_CREDENTIALS\"}'"));
        assertThatThrownBy(refused::preflight).isInstanceOf(SetupException.class).hasMessageContaining("credentials rejected")
                .satisfies(e -> assertThat(((SetupException) e).kind()).isEqualTo(SetupException.Kind.BAD_CREDENTIALS));
        CommandOperator unknown = operator(stub("cat >/dev/null; case \"$1\" in describe) echo '{\"ok\":true,\"features\":[\"TELEPORT\"]}';; "
                + "*) echo '{\"ok\":true}';; esac"));
        assertThatThrownBy(unknown::preflight).isInstanceOf(SetupException.class).hasMessageContaining("unknown feature 'TELEPORT'");
    }

    @Test
    void aMissingOrNonExecutableProgramIsOneErrorLineAndExitCode2() throws IOException {
        Result missing = cli("run", "--operator", "command:" + dir.resolve("nope.sh"), "--no-html", "--reports", dir.resolve("r1").toString());
        oneErrorLine(missing, "nope.sh' does not exist");
        Path plain = Files.writeString(dir.resolve("plain.sh"), "#!/bin/sh\necho '{\"ok\":true}'\n");
        oneErrorLine(cli("run", "--operator", "command:" + plain, "--no-html", "--reports", dir.resolve("r2").toString()), "is not executable");
        oneErrorLine(cli("run", "--operator", "command:", "--no-html", "--reports", dir.resolve("r3").toString()), "name the program");
    }

    // ---- the suite through the example program -----------------------------------------------------------------

    @Test
    void theExampleProgramCertifiesTheReferenceServerAndUnsupportedStepsSkipTheirChecks() throws IOException {
        assumeTrue(python3(), "python3 is not installed");
        // the example program for every step but 'controller', which this back office "cannot" read
        Path program = stub("if [ \"$1\" = controller ]; then cat >/dev/null; "
                + "echo '{\"unsupported\":\"this back office does not show target states\"}'; exit 0; fi; exec " + EXAMPLE + " \"$@\"");
        Path reports = dir.resolve("reports");
        Result r = cli("run", "--operator", "command:" + program, "--only",
                "DDI-STATE-01,DDI-STATE-03,DDI-STATE-19,DDI-CANCEL-01,DDI-CANCEL-12,DDI-CANCEL-13,DDI-BASE-15",
                "--no-html", "--reports", reports.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.CONFORMANT);
        Map<String, JsonNode> reqs = requirements(reports);
        for (String id : new String[] {"DDI-STATE-01", "DDI-STATE-03", "DDI-CANCEL-01", "DDI-CANCEL-12", "DDI-CANCEL-13"}) {
            assertThat(reqs.get(id).path("status").asString()).as(id + ": " + reqs.get(id)).isEqualTo("PASS");
        }
        for (String id : new String[] {"DDI-BASE-15", "DDI-STATE-19"}) {
            assertThat(reqs.get(id).path("status").asString()).as(id).isEqualTo("SKIP");
            assertThat(reqs.get(id).path("reason").asString()).as(id).contains("not arrangeable")
                    .contains("step 'controller' unsupported").contains("does not show target states");
        }
        JsonNode summary = JSON.readTree(reports.resolve("summary.json").toFile());
        assertThat(summary.path("server").path("operator").asString()).startsWith("command:");
    }

    @Test
    void theExampleProgramDoesNotPassABrokenServer() throws IOException {
        assumeTrue(python3(), "python3 is not installed");
        Result r = cli("run", "--operator", "command:" + EXAMPLE, "--defect", "rejected-maps-to-error", "--only", "DDI-STATE-10",
                "--no-html", "--reports", dir.resolve("reports").toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.NON_CONFORMANT);
        assertThat(r.out()).contains("FAIL DDI-STATE-10").contains("Verdict: NON_CONFORMANT");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void oneErrorLine(Result r, String containing) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.BAD_USAGE);
        assertThat(r.err().strip().lines()).as("stderr: one clear line").hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(containing).doesNotContain("\tat ");
    }

    private static Map<String, JsonNode> requirements(Path reports) {
        Map<String, JsonNode> byId = new HashMap<>();
        JSON.readTree(reports.resolve("summary.json").toFile()).path("requirements")
                .forEach(req -> byId.put(req.path("id").asString(), req));
        return byId;
    }

    private Path stub(String body) throws IOException {
        Path p = Files.createTempFile(dir, "operator-", ".sh");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private CommandOperator operator(Path program) {
        return operator(program, Duration.ofSeconds(10));
    }

    private CommandOperator operator(Path program, Duration timeout) {
        return new CommandOperator(new SuiteConfig(URI.create("http://127.0.0.1:9"), "DEFAULT", URI.create("http://127.0.0.1:9"),
                "admin", new Secret(PASSWORD), Optional.empty(), "command:" + program, timeout, 1, "ddict-test-abcd",
                dir.resolve("reports")), false);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

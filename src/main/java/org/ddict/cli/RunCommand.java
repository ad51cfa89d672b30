package org.ddict.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ddict.catalogue.Area;
import org.ddict.catalogue.Req;
import org.ddict.config.ConfigException;
import org.ddict.config.Durations;
import org.ddict.config.Limits;
import org.ddict.ddi.Traffic;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.config.Urls;
import org.ddict.operator.SetupException;
import org.ddict.reference.Defect;
import org.ddict.reference.Fault;
import org.ddict.reference.ReferenceServer;
import org.ddict.report.EvidenceBundle;
import org.ddict.report.Summary;
import org.ddict.report.SummaryWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run}: certifies a DDI server (the embedded reference server when no {@code --url} is given). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the conformance suite against a DDI server.")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "DDI base URL of the server under test, e.g. http://host:8080 (env DDI_URL). "
            + "Omitted: the embedded reference server is started on a free loopback port.", defaultValue = "${env:DDI_URL}")
    String url;

    @Option(names = "--tenant", description = "Tenant (default: ${DEFAULT-VALUE}; env DDI_TENANT).", defaultValue = "${env:DDI_TENANT:-DEFAULT}")
    String tenant;

    @Option(names = "--mgmt-url", description = "Management API base URL (default: --url; env DDI_MGMT_URL).", defaultValue = "${env:DDI_MGMT_URL}")
    String mgmtUrl;

    @Option(names = "--mgmt-user", description = "Management API user (default: ${DEFAULT-VALUE}; env DDI_MGMT_USER).", defaultValue = "${env:DDI_MGMT_USER:-admin}")
    String mgmtUser;

    @Option(names = "--mgmt-password", description = "Management API password (default: admin; env DDI_MGMT_PASSWORD). Never printed.",
            defaultValue = "${env:DDI_MGMT_PASSWORD:-admin}", arity = "1", interactive = false)
    String mgmtPassword;

    @Option(names = "--gateway-token", description = "Gateway token for plug-and-play checks (env DDI_GATEWAY_TOKEN); "
            + "by default the operator reads it from the server when it is enabled. Never printed.", defaultValue = "${env:DDI_GATEWAY_TOKEN}")
    String gatewayToken;

    @Option(names = "--operator", description = "Back-office operator (default: ${DEFAULT-VALUE}).", defaultValue = "hawkbit")
    String operator;

    @Option(names = "--reports", description = "Report folder (default: ${DEFAULT-VALUE}).", defaultValue = "reports")
    Path reports;

    @Option(names = "--only", description = "Only checks naming these requirement IDs or areas, comma-separated (e.g. DDI-STATE-01,CANCEL).")
    String only;

    @Option(names = "--timeout", description = "Per-request timeout (default: ${DEFAULT-VALUE}).", defaultValue = "10s")
    String timeout;

    @Option(names = "--parallel", description = "Checks run at once (default: 2 × cores).")
    Integer parallel;

    @Option(names = "--deadline", description = "Overall deadline of the checks, e.g. 10m: when it passes no further request "
            + "is sent, the checks not run are SKIP and the verdict is INCOMPLETE (exit code 4). Cleanup still runs.")
    String deadline;

    @Option(names = "--max-requests", description = "Request budget of the run (the checks' requests; cleanup is exempt): "
            + "when spent, as for --deadline.")
    Long maxRequests;

    @Option(names = "--rate", description = "Request-rate limit, e.g. 20/s or 600/min (default: none).")
    String rate;

    @Option(names = "--defect", description = "Embedded reference server only: start it with this deliberate defect (repeatable; see 'list defects').")
    List<String> defects = new ArrayList<>();

    @Option(names = "--latency", description = "Embedded reference server only: add this much time to every answer "
            + "(e.g. 20ms), to model a remote server in benchmarks.")
    String latency;

    @Option(names = "--fault", description = "Embedded reference server only: make it a hostile server with this fault "
            + "(repeatable; see 'list faults').")
    List<String> faults = new ArrayList<>();

    @Option(names = "--capabilities", description = "Optional features the server offers, overriding the operator's answer: "
            + "'+CBOR,-PNP' adds/removes, 'TOKEN,RANGE' replaces, '@file' reads the list from a file (see 'list features').")
    String capabilities;

    @Option(names = "--bundle", description = "Also write the evidence bundle, one zip: reports, curl reproducers, inputs, "
            + "suite version and jar SHA-256, server identity.")
    Path bundle;

    @Option(names = "--profile", description = "The parts of the catalogue the server claims: a built-in profile, modules joined "
            + "by '+' (core+download+config), or a JSON/properties file (see 'list profiles'; default: declared).")
    String profile;

    @Option(names = "--dialect", description = "How hawkBit's known divergences from the published table are judged: "
            + "hawkbit (default) or published (see 'list dialects').")
    String dialect;

    @Option(names = "--waivers", description = "JSON file of waivers: requirement, reason, owner, expires (YYYY-MM-DD).")
    Path waivers;

    @Option(names = "--no-html", description = "Skip the Allure HTML report (the other reports are written).")
    boolean noHtml;

    @Option(names = "--read-only", description = "Change nothing on the server: no state-changing Management API request, "
            + "no plug-and-play registration; only checks that need none run, the others are skipped with that reason.")
    boolean readOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReferenceServer embedded = null;
        try {
            Set<Defect> chosen = defects();
            Set<Fault> hostile = faults(this.faults);
            validateOnly();
            org.ddict.config.Capabilities.validate(capabilities);
            org.ddict.config.Profile.resolve(profile).offered(java.util.Set.of(), capabilities);
            org.ddict.config.Dialect.parse(dialect);
            if (waivers != null) {
                org.ddict.config.Waiver.read(waivers);
            }
            if (url == null || url.isBlank()) {
                embedded = ReferenceServer.start(ReferenceServer.Options.defaults().withDefects(chosen).withFaults(hostile));
                if (latency != null) {
                    embedded.withLatency(Durations.parse(latency));
                }
                out.println("Embedded reference server on " + embedded.baseUri()
                        + (chosen.isEmpty() && hostile.isEmpty() ? " (faithful)" : "")
                        + (chosen.isEmpty() ? "" : " with defects " + chosen) + (hostile.isEmpty() ? "" : " with faults " + hostile));
            } else if (!chosen.isEmpty()) {
                throw new ConfigException("--defect applies to the embedded reference server only (drop --url)");
            } else if (!hostile.isEmpty()) {
                throw new ConfigException("--fault applies to the embedded reference server only (drop --url)");
            } else if (latency != null) {
                throw new ConfigException("--latency applies to the embedded reference server only (drop --url)");
            }
            SuiteConfig config = config(embedded);
            out.println(config.describe());
            Preflight.Result preflight = Preflight.check(config);
            var features = preflight.features();
            out.println("Features     " + (features.isEmpty() ? "none" : Main.joined(features.toArray())));
            out.println("Running checks" + (only == null ? "" : " (only " + only + ")") + " …");
            out.flush();
            long t0 = System.nanoTime();
            Summary summary = SuiteRunner.run(new SuiteRunner.Options(config, only, !noHtml, embedded != null, out, true, features));
            SummaryWriter.table(summary, out);
            out.printf("%d requests, %d ms server time, %d ms wall; reports in %s%n", summary.run().requests(),
                    summary.run().serverMillis(), (System.nanoTime() - t0) / 1_000_000, config.reportsDir().toAbsolutePath());
            if (bundle != null) {
                int files = EvidenceBundle.write(bundle, config.reportsDir(), summary,
                        new EvidenceBundle.Inputs(options(config), preflight.identity(), inputFiles()));
                out.println("Evidence bundle " + bundle.toAbsolutePath() + " (" + files + " files)");
            }
            if (summary.run().stopped() != null) {
                out.println("Stopped early: " + summary.run().stopped() + " — the checks not run are SKIP");
            }
            return switch (summary.verdict()) {
                case CONFORMANT -> Main.CONFORMANT;
                case NON_CONFORMANT -> Main.NON_CONFORMANT;
                case INCOMPLETE -> Main.INCOMPLETE;
            };
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_USAGE;
        } catch (SetupException e) {
            err.println("error: " + e.getMessage());
            return e.kind().exitCode();
        } catch (IOException e) {
            err.println("error: cannot start the embedded reference server: " + e.getMessage());
            return Main.BAD_USAGE;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private SuiteConfig config(ReferenceServer embedded) {
        URI ddi = embedded != null ? embedded.baseUri() : Urls.parse("--url", url);
        URI mgmt = mgmtUrl == null || mgmtUrl.isBlank() ? ddi : Urls.parse("--mgmt-url", mgmtUrl);
        Duration t = Durations.parse(timeout);
        if (t.isZero() || t.isNegative()) {
            throw new ConfigException("--timeout must be positive");
        }
        int p = parallel == null ? SuiteConfig.defaultParallelism() : parallel;
        if (p < 1) {
            throw new ConfigException("--parallel must be at least 1");
        }
        Optional<Secret> gw = gatewayToken == null || gatewayToken.isBlank() ? Optional.empty() : Optional.of(new Secret(gatewayToken));
        return new SuiteConfig(ddi, embedded != null ? embedded.options().tenant() : tenant, mgmt,
                embedded != null ? embedded.options().mgmtUser() : mgmtUser,
                new Secret(embedded != null ? embedded.options().mgmtPassword() : mgmtPassword), gw, operator, t, p,
                RunPrefix.generate(), reports, capabilities, limits(), readOnly, profile, org.ddict.config.Dialect.parse(dialect), waivers);
    }

    private Limits limits() {
        Optional<Duration> d = Optional.ofNullable(deadline).map(Durations::parse);
        if (maxRequests != null && maxRequests < 1) {
            throw new ConfigException("--max-requests must be at least 1");
        }
        if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
            throw new ConfigException("--deadline must be positive");
        }
        return new Limits(d, maxRequests == null ? 0 : maxRequests, rate == null ? 0 : Limits.parseRate(rate));
    }

    /** The options that shaped the run, as the evidence bundle records them (secrets are never among them). */
    private java.util.Map<String, String> options(SuiteConfig config) {
        java.util.Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("url", config.ddiUrl().toString());
        o.put("tenant", config.tenant());
        o.put("mgmtUrl", config.mgmtUrl().toString());
        o.put("mgmtUser", config.mgmtUser());
        o.put("operator", config.operator());
        o.put("only", only == null ? "(all)" : only);
        o.put("capabilities", capabilities == null ? "(the operator's)" : capabilities);
        o.put("timeout", Durations.format(config.timeout()));
        o.put("parallel", Integer.toString(config.parallelism()));
        o.put("limits", config.limits().describe());
        o.put("defects", defects.isEmpty() ? "(none)" : String.join(",", defects));
        o.put("profile", config.resolvedProfile().name() + " (" + config.resolvedProfile().describe() + ")");
        o.put("dialect", config.dialect().key());
        o.put("waivers", waivers == null ? "(none)" : waivers.getFileName().toString());
        o.put("readOnly", Boolean.toString(config.readOnly()));
        return o;
    }

    /** Files the user handed to the run (capabilities list, profile, waivers), copied into the bundle. */
    private List<Path> inputFiles() {
        List<Path> files = new ArrayList<>();
        if (capabilities != null && capabilities.startsWith("@")) {
            files.add(Path.of(capabilities.substring(1)));
        }
        if (profile != null && java.nio.file.Files.isRegularFile(Path.of(profile))) {
            files.add(Path.of(profile));
        }
        if (waivers != null) {
            files.add(waivers);
        }
        return files;
    }

    private Set<Defect> defects() {
        Set<Defect> chosen = EnumSet.noneOf(Defect.class);
        for (String d : defects) {
            chosen.add(Defect.byKey(d).orElseThrow(() -> new ConfigException("unknown defect '" + d + "' (see 'list defects')")));
        }
        return chosen;
    }

    static Set<Fault> faults(List<String> keys) {
        Set<Fault> chosen = EnumSet.noneOf(Fault.class);
        for (String f : keys) {
            chosen.add(Fault.byKey(f).orElseThrow(() -> new ConfigException("unknown fault '" + f + "' (see 'list faults')")));
        }
        return chosen;
    }

    private void validateOnly() {
        if (only == null) {
            return;
        }
        for (String item : only.split(",")) {
            String v = item.trim().toUpperCase();
            boolean known = Req.byId(v).isPresent() || Arrays.stream(Area.values()).anyMatch(a -> a.name().equals(v));
            if (!known) {
                throw new ConfigException("--only: '" + item.trim() + "' is neither a requirement ID (DDI-STATE-01) nor an area ("
                        + Main.joined(Area.values()) + ")");
            }
        }
    }
}

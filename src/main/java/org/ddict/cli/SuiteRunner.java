package org.ddict.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ddict.conformance.DdiConformanceSuite;
import org.ddict.conformance.support.ConformanceExtension;
import org.ddict.config.SuiteConfig;
import org.ddict.config.Waiver;
import org.ddict.ddi.Traffic;
import org.ddict.report.AllureReport;
import org.ddict.report.ResultCollector;
import org.ddict.report.Summary;
import org.ddict.report.SummaryWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

/**
 * Runs the conformance suite in-process with the JUnit Platform Launcher and writes the reports:
 * {@code allure-results/}, {@code allure-report/index.html}, {@code junit/}, {@code summary.json}, {@code summary.md}.
 */
public final class SuiteRunner {

    /** What to run and where to say how it goes. */
    public record Options(SuiteConfig config, String only, boolean htmlReport, boolean embedded, PrintWriter out,
            boolean evidence, java.util.Set<org.ddict.catalogue.Feature> features) {

        /** A quiet run that keeps only the verdicts (no Allure results, no JUnit XML): for the self-validation. */
        public static Options verdictsOnly(SuiteConfig config) {
            return new Options(config, null, false, true, null, false, java.util.Set.of());
        }
    }

    private SuiteRunner() {
    }

    public static Summary run(Options options) {
        return run(options, Clock.systemDefaultZone());
    }

    /** A run whose waivers are compared with the date of {@code clock}. */
    public static Summary run(Options options, Clock clock) {
        SuiteConfig config = options.config();
        Summary.Judging judging = new Summary.Judging(config.resolvedProfile(), config.dialect(),
                config.waivers() == null ? List.of() : Waiver.read(config.waivers()), LocalDate.now(clock));
        Path reports = config.reportsDir().toAbsolutePath();
        Path results = reports.resolve("allure-results");
        Path junit = reports.resolve("junit");
        LauncherConfig.Builder launcherConfig = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false);
        if (options.evidence()) {
            clean(results);
            clean(junit);
            clean(reports.resolve("allure-report"));
            writeAllureMetadata(results, config, judging);
            AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
            Allure.setLifecycle(lifecycle);
            launcherConfig.addTestExecutionListeners(new AllureJunitPlatform(lifecycle));
        }
        Launcher launcher = LauncherFactory.create(launcherConfig.build());

        Map<String, String> parameters = new LinkedHashMap<>(config.toParameters());
        if (!options.evidence()) {
            // verdicts-only runs are the self-validation's: its reference server is discarded, so nothing is deleted
            parameters.put(SuiteConfig.CLEANUP, "false");
        }
        parameters.put(ConformanceExtension.WARNINGS_TO_STDOUT, "false");
        if (options.only() != null && !options.only().isBlank()) {
            parameters.put(ConformanceExtension.ONLY, options.only());
        }
        if (config.parallelism() > 1) {
            parameters.put("junit.jupiter.execution.parallel.enabled", "true");
            parameters.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
            parameters.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            parameters.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            parameters.put("junit.jupiter.execution.parallel.config.executor-service", "FORK_JOIN_POOL");
            parameters.put("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(config.parallelism()));
            parameters.put("junit.jupiter.execution.parallel.config.fixed.max-pool-size", Integer.toString(config.parallelism()));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DdiConformanceSuite.class))
                .filters(EngineFilter.includeEngines("junit-platform-suite"))
                .configurationParameters(parameters)
                .build();

        ResultCollector collector = new ResultCollector(options.out());
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(collector));
        if (options.evidence()) {
            listeners.add(new LegacyXmlReportGeneratingListener(junit, new PrintWriter(new StringWriter())));
        }
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Traffic traffic = Traffic.register(config.runPrefix(), new Traffic(config.limits()));
        try {
            launcher.execute(request, listeners.toArray(TestExecutionListener[]::new));
        } finally {
            Traffic.unregister(config.runPrefix());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        Summary summary = Summary.build(collector.results(),
                new Summary.Server(config.ddiUrl().toString(), config.tenant(), config.mgmtUrl().toString(), config.operator(),
                        options.embedded(), options.features()),
                new Summary.Run(config.runPrefix(), started.toString(), millis, traffic.requests(), traffic.serverMillis(),
                        traffic.retries(), traffic.limits(), traffic.stoppedBecause().orElse(null),
                        config.readOnly()), judging);
        if (options.evidence()) {
            SummaryWriter.write(summary, reports);
        }
        if (options.evidence()) {
            writeEnvironment(results, config, summary);
        }
        if (options.htmlReport()) {
            AllureReport.generate(results, reports.resolve("allure-report"), "DDI conformance: " + summary.verdict().name().replace('_', '-'));
        }
        return summary;
    }

    private static void writeAllureMetadata(Path results, SuiteConfig config, Summary.Judging judging) {
        try {
            Files.createDirectories(results);
            // failures of requirements with a waiver in force get their own category, ahead of "Non-conformance"
            String waived = judging.waivers().stream().filter(w -> w.validOn(judging.today()))
                    .map(w -> w.requirement().id()).collect(java.util.stream.Collectors.joining("|"));
            String waivedCategory = waived.isEmpty() ? ""
                    : "\n  {\"name\": \"Waived (allowed to fail)\", \"matchedStatuses\": [\"failed\"], \"messageRegex\": \"(?s)[^\\\\n]*("
                            + waived + ") \\\\(.*\"},";
            Files.writeString(results.resolve("categories.json"), """
                    [%s
                      {"name": "Specification ambiguity", "matchedStatuses": ["passed", "failed"], "messageRegex": "(?s).*(Specification ambiguity|HB-DEV-[0-9]+).*"},
                      {"name": "Not claimed by the profile", "matchedStatuses": ["skipped"], "messageRegex": "(?s)not claimed by profile.*"},
                      {"name": "Non-conformance", "matchedStatuses": ["failed"], "messageRegex": "(?s)(DDI|SUITE)-[A-Z]+-[0-9]+.*"},
                      {"name": "Client compatibility (warning)", "matchedStatuses": ["passed", "failed"], "messageRegex": "(?s).*WARN SUITE-CLIENT-.*"},
                      {"name": "Warning (SHOULD or MAY not met)", "matchedStatuses": ["passed", "failed"], "messageRegex": "(?s).*WARN (DDI|SUITE-SEC)-.*"},
                      {"name": "Setup problem (not arrangeable, inconclusive, not run)", "matchedStatuses": ["skipped"], "messageRegex": "(?s)(not arrangeable|inconclusive|not run|read-only run).*"},
                      {"name": "Optional feature not offered", "matchedStatuses": ["skipped"], "messageRegex": "(?s)feature Opt:.*"},
                      {"name": "Broken check (suite error)", "matchedStatuses": ["broken"]}
                    ]
                    """.formatted(waivedCategory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + results, e);
        }
    }

    /** The report's Environment panel starts with the outcome: verdict, counts, and how the run went. */
    /**
     * The report's Environment panel, written once the verdict is known: the outcome first (verdict, counts, how the
     * run went, so the overview shows it without "Show all"), then the server and the settings that judged it.
     */
    private static void writeEnvironment(Path results, SuiteConfig config, Summary summary) {
        var c = summary.counts();
        String text = "Verdict=" + summary.verdict() + "\nRequirements=" + c.get(org.ddict.report.RequirementResult.Status.PASS)
                + " pass, " + c.get(org.ddict.report.RequirementResult.Status.FAIL) + " fail, "
                + c.get(org.ddict.report.RequirementResult.Status.WARN) + " warn, "
                + c.get(org.ddict.report.RequirementResult.Status.SKIP) + " skip\nRun=" + summary.run().requests() + " requests, "
                + summary.run().retries() + " retried, " + summary.run().durationMillis() + " ms, limits " + summary.run().limits()
                + (summary.run().stopped() == null ? "" : ", stopped early: " + summary.run().stopped())
                + "\nDDI.server=" + config.ddiUrl() + "\nTenant=" + config.tenant() + "\nManagement=" + config.mgmtUrl()
                + "\nOperator=" + config.operator() + "\nSuite.version=" + org.ddict.report.SuiteVersion.get()
                + "\nCatalogue=REQUIREMENTS.md 1.1\nRun.prefix=" + config.runPrefix()
                + "\nProfile=" + config.resolvedProfile().name() + "\nDialect=" + config.dialect() + "\n";
        try {
            Files.writeString(results.resolve("environment.properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + results, e);
        }
    }

    private static void clean(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}

package org.ddict.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of one run, immutable. Built once (flags > environment > defaults) by the command line, or from
 * JUnit configuration parameters when the suite runs inside another build; secrets are never printed.
 */
public record SuiteConfig(
        URI ddiUrl,
        String tenant,
        URI mgmtUrl,
        String mgmtUser,
        Secret mgmtPassword,
        Optional<Secret> gatewayToken,
        String operator,
        Duration timeout,
        int parallelism,
        String runPrefix,
        Path reportsDir,
        String capabilities,
        Limits limits,
        boolean readOnly,
        String profile,
        Dialect dialect,
        Path waivers) {

    /** Configuration parameter keys (also accepted as {@code -Dddi.url=…} system properties). */
    public static final String URL = "ddi.url";
    public static final String TENANT = "ddi.tenant";
    public static final String MGMT_URL = "ddi.mgmt.url";
    public static final String MGMT_USER = "ddi.mgmt.user";
    public static final String MGMT_PASSWORD = "ddi.mgmt.password";
    public static final String GATEWAY_TOKEN = "ddi.gateway.token";
    public static final String OPERATOR = "ddi.operator";
    public static final String TIMEOUT = "ddi.timeout";
    public static final String PARALLELISM = "ddi.parallel";
    public static final String RUN_PREFIX = "ddi.run.prefix";
    public static final String REPORTS = "ddi.reports";
    public static final String CAPABILITIES = "ddi.capabilities";
    public static final String DEADLINE = "ddi.deadline";
    public static final String BUDGET = "ddi.budget";
    public static final String RATE = "ddi.rate";
    /** A profile name, a {@code +} composition of modules, or a profile file ({@link Profile}). */
    public static final String PROFILE = "ddi.profile";
    /** {@code hawkbit} (default) or {@code published} ({@link Dialect}). */
    public static final String DIALECT = "ddi.dialect";
    /** A waivers file ({@link Waiver}). */
    public static final String WAIVERS = "ddi.waivers";
    /** {@code false} skips deleting what the run created: only for the self-validation, whose server is discarded. */
    public static final String CLEANUP = "ddi.cleanup";
    /** {@code true}: no state-changing Management API request, no plug-and-play registration; checks needing one are skipped. */
    public static final String READ_ONLY = "ddi.readonly";

    public SuiteConfig {
        ddiUrl = stripTrailingSlash(ddiUrl);
        mgmtUrl = stripTrailingSlash(mgmtUrl);
        limits = limits == null ? Limits.NONE : limits;
        dialect = dialect == null ? Dialect.HAWKBIT : dialect;
    }

    /** The same settings without limits (no deadline, budget or rate), not read-only, judged by the defaults. */
    public SuiteConfig(URI ddiUrl, String tenant, URI mgmtUrl, String mgmtUser, Secret mgmtPassword, Optional<Secret> gatewayToken,
            String operator, Duration timeout, int parallelism, String runPrefix, Path reportsDir, String capabilities) {
        this(ddiUrl, tenant, mgmtUrl, mgmtUser, mgmtPassword, gatewayToken, operator, timeout, parallelism, runPrefix, reportsDir,
                capabilities, Limits.NONE, false, null, Dialect.HAWKBIT, null);
    }

    /** The same settings with another profile, dialect and waivers file. */
    public SuiteConfig judgedBy(String profile, Dialect dialect, Path waivers) {
        return new SuiteConfig(ddiUrl, tenant, mgmtUrl, mgmtUser, mgmtPassword, gatewayToken, operator, timeout, parallelism,
                runPrefix, reportsDir, capabilities, limits, readOnly, profile, dialect, waivers);
    }

    /** The profile this run judges by ({@code declared} unless set). */
    public Profile resolvedProfile() {
        return Profile.resolve(profile);
    }

    /** The same settings without a capability override. */
    public SuiteConfig(URI ddiUrl, String tenant, URI mgmtUrl, String mgmtUser, Secret mgmtPassword, Optional<Secret> gatewayToken,
            String operator, Duration timeout, int parallelism, String runPrefix, Path reportsDir) {
        this(ddiUrl, tenant, mgmtUrl, mgmtUser, mgmtPassword, gatewayToken, operator, timeout, parallelism, runPrefix, reportsDir,
                null);
    }

    /** The same settings with these limits. */
    public SuiteConfig withLimits(Limits l) {
        return new SuiteConfig(ddiUrl, tenant, mgmtUrl, mgmtUser, mgmtPassword, gatewayToken, operator, timeout, parallelism,
                runPrefix, reportsDir, capabilities, l, readOnly, profile, dialect, waivers);
    }

    /** The settings as configuration parameters, for the JUnit launcher (secrets included: they never reach a report). */
    public Map<String, String> toParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(URL, ddiUrl.toString());
        p.put(TENANT, tenant);
        p.put(MGMT_URL, mgmtUrl.toString());
        p.put(MGMT_USER, mgmtUser);
        p.put(MGMT_PASSWORD, mgmtPassword.reveal());
        gatewayToken.ifPresent(t -> p.put(GATEWAY_TOKEN, t.reveal()));
        p.put(OPERATOR, operator);
        p.put(TIMEOUT, timeout.toMillis() + "ms");
        p.put(PARALLELISM, Integer.toString(parallelism));
        p.put(RUN_PREFIX, runPrefix);
        p.put(REPORTS, reportsDir.toString());
        if (capabilities != null && !capabilities.isBlank()) {
            p.put(CAPABILITIES, capabilities);
        }
        limits.deadline().ifPresent(d -> p.put(DEADLINE, d.toMillis() + "ms"));
        if (limits.budget() > 0) {
            p.put(BUDGET, Long.toString(limits.budget()));
        }
        if (limits.ratePerSecond() > 0) {
            p.put(RATE, Double.toString(limits.ratePerSecond()));
        }
        if (readOnly) {
            p.put(READ_ONLY, "true");
        }
        if (profile != null && !profile.isBlank()) {
            p.put(PROFILE, profile);
        }
        p.put(DIALECT, dialect.key());
        if (waivers != null) {
            p.put(WAIVERS, waivers.toString());
        }
        return p;
    }

    /** Environment variables that supply the secrets when no configuration parameter does (as for the command line). */
    public static final String MGMT_PASSWORD_ENV = "DDI_MGMT_PASSWORD";
    public static final String GATEWAY_TOKEN_ENV = "DDI_GATEWAY_TOKEN";

    /**
     * Reads the settings back from configuration parameters; {@code ddi.url} is required. The secrets may also come from
     * the environment ({@value #MGMT_PASSWORD_ENV}, {@value #GATEWAY_TOKEN_ENV}): a build's test reports list the
     * system properties of the test JVM, so inside another build a secret belongs in the environment, not in a -D.
     */
    public static SuiteConfig fromParameters(Function<String, Optional<String>> parameters) {
        return fromParameters(parameters, System::getenv);
    }

    /** As {@link #fromParameters(Function)}, with this environment. */
    public static SuiteConfig fromParameters(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        Function<String, Optional<String>> env = name -> Optional.ofNullable(environment.apply(name)).filter(v -> !v.isEmpty());
        String url = parameters.apply(URL).orElseThrow(() -> new ConfigException(
                "no DDI server configured: set the configuration parameter " + URL + " (e.g. -D" + URL + "=http://host:8080)"));
        URI ddi = Urls.parse(URL, url);
        URI mgmt = parameters.apply(MGMT_URL).map(u -> Urls.parse(MGMT_URL, u)).orElse(ddi);
        return new SuiteConfig(ddi,
                parameters.apply(TENANT).orElse("DEFAULT"),
                mgmt,
                parameters.apply(MGMT_USER).orElse("admin"),
                new Secret(parameters.apply(MGMT_PASSWORD).or(() -> env.apply(MGMT_PASSWORD_ENV)).orElse("admin")),
                parameters.apply(GATEWAY_TOKEN).or(() -> env.apply(GATEWAY_TOKEN_ENV)).map(Secret::new),
                parameters.apply(OPERATOR).orElse("hawkbit"),
                parameters.apply(TIMEOUT).map(Durations::parse).orElse(Duration.ofSeconds(10)),
                parameters.apply(PARALLELISM).map(Integer::parseInt).orElse(defaultParallelism()),
                parameters.apply(RUN_PREFIX).orElseGet(RunPrefix::generate),
                Path.of(parameters.apply(REPORTS).orElse("reports")),
                parameters.apply(CAPABILITIES).orElse(null),
                new Limits(parameters.apply(DEADLINE).map(Durations::parse),
                        parameters.apply(BUDGET).map(b -> parseCount(BUDGET, b)).orElse(0L),
                        parameters.apply(RATE).map(Limits::parseRate).orElse(0.0)),
                parameters.apply(READ_ONLY).map(Boolean::parseBoolean).orElse(false),
                parameters.apply(PROFILE).orElse(null),
                Dialect.parse(parameters.apply(DIALECT).orElse(null)),
                parameters.apply(WAIVERS).map(Path::of).orElse(null));
    }

    private static long parseCount(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + value + "' is not a number of requests");
        }
    }

    public static int defaultParallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }

    /** One line per setting, secrets masked: printed at the start of a run. */
    public String describe() {
        return "DDI server   " + ddiUrl + "  (tenant " + tenant + ")\n"
                + "Management   " + mgmtUrl + "  (operator " + operator + ", user " + mgmtUser + ", password " + mgmtPassword + ")\n"
                + "Gateway key  " + gatewayToken.map(Secret::toString).orElse("(ask the operator)") + "\n"
                + (capabilities == null ? "" : "Capabilities " + capabilities + "\n")
                + (readOnly ? "Read-only    yes: no state-changing Management API request, no plug-and-play registration;"
                        + " checks that need one are skipped\n" : "")
                + (profile == null && dialect == Dialect.HAWKBIT && waivers == null ? ""
                        : "Judged by    profile " + resolvedProfile().name() + ", dialect " + dialect
                                + (waivers == null ? "" : ", waivers " + waivers) + "\n")
                + "Run prefix   " + runPrefix + "   timeout " + Durations.format(timeout) + "   parallel " + parallelism
                + (limits.equals(Limits.NONE) ? "" : "\nLimits       " + limits.describe());
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}

package org.ddict.conformance.support;

import java.util.Optional;
import java.util.Set;

import org.ddict.catalogue.Feature;
import org.ddict.config.RunPrefix;
import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Http;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.ServerOperatorProvider;
import org.ddict.schema.Schemas;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What all checks of one run share: the settings, the operator (which cleans up when the run ends), the schemas and
 * the server's features. Kept in the root extension store, so JUnit closes it after the last check.
 */
public final class RunContext implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunContext.class);

    private final SuiteConfig config;
    private final ServerOperator operator;
    private final Http http;
    private final org.ddict.ddi.Traffic traffic;
    private final Schemas schemas;
    private final Set<Feature> features;
    private final org.ddict.config.Profile profile;

    private boolean cleanup = true;

    private RunContext(SuiteConfig config) {
        this.config = config;
        this.traffic = org.ddict.ddi.Traffic.of(config.runPrefix(), config.limits());
        this.operator = ServerOperatorProvider.create(config, true, traffic);
        this.operator.preflight();
        this.http = new Http(config.timeout(), true, traffic, Http.Role.DEVICE);
        this.schemas = Schemas.fromClasspath();
        this.profile = config.resolvedProfile();
        this.features = profile.offered(operator.features(), config.capabilities());
    }

    /**
     * The run's context, created by the first check. A setup that fails (no {@code ddi.url}, server unreachable,
     * credentials rejected, …) is tried once: every check then fails at once with the same message. (The command line
     * finds these problems before any check runs; inside another build, the checks are the only place to say so.)
     */
    public static RunContext of(ExtensionContext context) {
        Object run = context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunContext.class, k -> {
            try {
                RunContext created = new RunContext(SuiteConfig.fromParameters(context::getConfigurationParameter));
                created.cleanup = context.getConfigurationParameter(SuiteConfig.CLEANUP).map(Boolean::parseBoolean).orElse(true);
                return created;
            } catch (RuntimeException e) {
                return new FailedSetup(e);
            }
        });
        if (run instanceof FailedSetup failed) {
            throw failed.again();
        }
        return (RunContext) run;
    }

    /** The run's context if a check already created it. */
    static Optional<RunContext> existing(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(RunContext.class) instanceof RunContext run ? Optional.of(run) : Optional.empty();
    }

    /** Why the run's context could not be created. */
    private record FailedSetup(RuntimeException error) {

        /** The first failure's kind and message, as a new exception (checks may run concurrently). */
        RuntimeException again() {
            if (error instanceof org.ddict.operator.SetupException setup) {
                return new org.ddict.operator.SetupException(setup.kind(), setup.getMessage());
            }
            if (error instanceof org.ddict.config.ConfigException) {
                return new org.ddict.config.ConfigException(error.getMessage());
            }
            return error;
        }
    }

    /** The run's requests, deadline, budget and rate limit. */
    public org.ddict.ddi.Traffic traffic() {
        return traffic;
    }

    public SuiteConfig config() {
        return config;
    }

    public ServerOperator operator() {
        return operator;
    }

    public Http http() {
        return http;
    }

    public Schemas schemas() {
        return schemas;
    }

    public boolean offers(Feature feature) {
        return features.contains(feature);
    }

    public java.util.Set<Feature> features() {
        return features;
    }

    /** The parts of the catalogue the server claims ({@code --profile}). */
    public org.ddict.config.Profile profile() {
        return profile;
    }

    /** How known divergences from the published mapping table are judged ({@code --dialect}). */
    public org.ddict.config.Dialect dialect() {
        return config.dialect();
    }

    public boolean can(org.ddict.operator.Capability capability) {
        return operator.capabilities().contains(capability);
    }

    public Optional<Secret> gatewayToken() {
        return operator.gatewayToken();
    }

    /** A fresh controllerId under the run prefix, from the portable alphabet. */
    public String newControllerId() {
        return config.runPrefix() + "-" + RunPrefix.random(8);
    }

    @Override
    public void close() {
        traffic.cleanup();
        if (cleanup) {
            operator.close();
        }
    }
}

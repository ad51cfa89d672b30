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
    private final Schemas schemas;
    private final Set<Feature> features;
    private final org.ddict.config.Profile profile;

    private boolean cleanup = true;

    private RunContext(SuiteConfig config) {
        this.config = config;
        this.operator = ServerOperatorProvider.create(config, true);
        this.operator.preflight();
        this.http = new Http(config.timeout(), true);
        this.schemas = Schemas.fromClasspath();
        this.profile = config.resolvedProfile();
        this.features = profile.offered(operator.features(), config.capabilities());
    }

    public static RunContext of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunContext.class, k -> {
            RunContext run = new RunContext(SuiteConfig.fromParameters(context::getConfigurationParameter));
            run.cleanup = context.getConfigurationParameter(SuiteConfig.CLEANUP).map(Boolean::parseBoolean).orElse(true);
            return run;
        }, RunContext.class);
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
        if (cleanup) {
            operator.close();
        }
    }
}

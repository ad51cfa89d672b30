package org.ddict.operator;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.ddict.config.ConfigException;
import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Http;

/** Plugs an operator into the suite through {@link ServiceLoader} ({@code --operator <name>}). */
public interface ServerOperatorProvider {

    String name();

    /** Whether this provider serves the configured operator name ({@code --operator}); by default the exact name. */
    default boolean accepts(String operator) {
        return name().equals(operator);
    }

    ServerOperator create(SuiteConfig config, Http http);

    /** The configured operator; in a read-only run wrapped in {@link ReadOnlyOperator}. */
    static ServerOperator create(SuiteConfig config, boolean attachToReport) {
        return create(config, attachToReport, org.ddict.ddi.Traffic.unlimited());
    }

    /** The operator of the run, its management requests counted (and limited) with the run's other traffic. */
    static ServerOperator create(SuiteConfig config, boolean attachToReport, org.ddict.ddi.Traffic traffic) {
        Http http = new Http(config.timeout(), attachToReport, traffic, Http.Role.MANAGEMENT);
        ServerOperator operator = ServiceLoader.load(ServerOperatorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.accepts(config.operator()))
                .findFirst()
                .orElseThrow(() -> new ConfigException("unknown operator '" + config.operator() + "' (available: "
                        + ServiceLoader.load(ServerOperatorProvider.class).stream().map(p -> p.get().name())
                                .collect(Collectors.joining(", ")) + ")"))
                .create(config, http);
        return config.readOnly() ? new ReadOnlyOperator(operator) : operator;
    }
}

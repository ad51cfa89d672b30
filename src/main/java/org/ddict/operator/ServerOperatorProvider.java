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

    static ServerOperator create(SuiteConfig config, boolean attachToReport) {
        Http http = new Http(config.timeout(), attachToReport);
        return ServiceLoader.load(ServerOperatorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.accepts(config.operator()))
                .findFirst()
                .orElseThrow(() -> new ConfigException("unknown operator '" + config.operator() + "' (available: "
                        + ServiceLoader.load(ServerOperatorProvider.class).stream().map(p -> p.get().name())
                                .collect(Collectors.joining(", ")) + ")"))
                .create(config, http);
    }
}

package org.ddict.cli;

import java.net.URI;

import org.ddict.config.RunPrefix;
import org.ddict.config.SuiteConfig;
import org.ddict.ddi.Exchange;
import org.ddict.ddi.Http;
import org.ddict.ddi.HttpCall;
import org.ddict.ddi.TransportException;
import org.ddict.operator.ControllerRegistration;
import org.ddict.operator.OperatorException;
import org.ddict.operator.ServerOperator;
import org.ddict.operator.ServerOperatorProvider;
import org.ddict.operator.SetupException;

/**
 * Before any check runs: the back office accepts the operator, and a controller it creates can poll with its own
 * target token. Setup problems become one line and an exit code instead of a hundred failed checks.
 */
final class Preflight {

    private Preflight() {
    }

    /**
     * What the preflight learnt: the optional features the run treats as offered (the operator's answer with the
     * user's override) and how the server identified itself in the first poll's answer (for the evidence bundle).
     */
    record Result(java.util.Set<org.ddict.catalogue.Feature> features, java.util.Map<String, String> identity) {
    }

    /** Response headers that say what software answers (others, like Date or ETag, change with every answer). */
    private static final java.util.List<String> IDENTITY_HEADERS = java.util.List.of("Server", "X-Powered-By", "Via",
            "X-Application-Context", "X-Hawkbit-Version", "X-Version");

    static Result check(SuiteConfig config) {
        try (ServerOperator operator = ServerOperatorProvider.create(config, false)) {
            operator.preflight();
            if (config.readOnly()) {
                // nothing may be created: a controller the server does not know, with a random target token, must be refused
                Exchange e = probe(config, config.runPrefix() + "-preflight", RunPrefix.random(32));
                if (e.status() == 404 || e.status() == 405 || (e.status() == 200 && e.jsonIfParsable().isEmpty())) {
                    throw notDdi(config, e);
                }
                return new Result(org.ddict.config.Capabilities.apply(operator.features(), config.capabilities()),
                        identity(e, operator));
            }
            ControllerRegistration probe;
            try {
                probe = operator.registerController(config.runPrefix() + "-preflight");
            } catch (OperatorException e) {
                throw new SetupException(SetupException.Kind.BAD_CONFIGURATION,
                        "the operator cannot create a controller: " + e.getMessage());
            }
            URI poll = URI.create(config.ddiUrl() + "/" + config.tenant() + "/controller/v1/" + probe.controllerId());
            Exchange e = probe(config, probe.controllerId(), probe.token().reveal());
            if (e.status() == 401 || e.status() == 403) {
                throw new SetupException(SetupException.Kind.AUTH_DISABLED, "the DDI server refused a valid target token (HTTP "
                        + e.status() + " for GET " + poll.getRawPath() + "): enable target-token authentication for tenant "
                        + config.tenant() + " (hawkBit: authentication.targettoken.enabled=true)");
            }
            if (e.status() == 404 || e.status() == 405 || (e.status() == 200 && e.jsonIfParsable().isEmpty())) {
                throw notDdi(config, e);
            }
            return new Result(config.resolvedProfile().offered(operator.features(), config.capabilities()), identity(e, operator));
        }
    }

    /** How the server identified itself in the probe's answer (status, media type, software headers). */
    private static java.util.Map<String, String> identity(Exchange e, ServerOperator operator) {
        java.util.Map<String, String> identity = new java.util.LinkedHashMap<>();
        identity.put("poll", "HTTP " + e.status() + (e.mediaType().isEmpty() ? "" : ", " + e.mediaType()));
        for (String h : IDENTITY_HEADERS) {
            e.header(h).ifPresent(v -> identity.put(h, v));
        }
        identity.put("operator", operator.name());
        return identity;
    }

    /** The controller base polled with a target token. */
    private static Exchange probe(SuiteConfig config, String controllerId, String token) {
        URI poll = URI.create(config.ddiUrl() + "/" + config.tenant() + "/controller/v1/" + controllerId);
        try {
            return new Http(config.timeout(), false).send(HttpCall.of("GET", poll)
                    .header("Accept", "application/hal+json")
                    .header("Authorization", "TargetToken " + token));
        } catch (TransportException t) {
            throw new SetupException(SetupException.Kind.UNREACHABLE, "DDI server unreachable at " + config.ddiUrl() + ": " + t.getMessage());
        }
    }

    private static SetupException notDdi(SuiteConfig config, Exchange e) {
        return new SetupException(SetupException.Kind.NOT_DDI, "no DDI API at " + config.ddiUrl() + " for tenant "
                + config.tenant() + " (GET " + e.call().url().getRawPath() + " answered HTTP " + e.status()
                + (e.mediaType().isEmpty() ? "" : ", " + e.mediaType()) + "): check --url and --tenant");
    }
}

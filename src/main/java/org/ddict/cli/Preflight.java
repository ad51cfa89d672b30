package org.ddict.cli;

import java.net.URI;

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

    /** Returns the optional features the run treats as offered (the operator's answer with the user's override). */
    static java.util.Set<org.ddict.catalogue.Feature> check(SuiteConfig config) {
        try (ServerOperator operator = ServerOperatorProvider.create(config, false)) {
            operator.preflight();
            ControllerRegistration probe;
            try {
                probe = operator.registerController(config.runPrefix() + "-preflight");
            } catch (OperatorException e) {
                throw new SetupException(SetupException.Kind.BAD_CONFIGURATION,
                        "the operator cannot create a controller: " + e.getMessage());
            }
            URI poll = URI.create(config.ddiUrl() + "/" + config.tenant() + "/controller/v1/" + probe.controllerId());
            Exchange e;
            try {
                e = new Http(config.timeout(), false).send(HttpCall.of("GET", poll)
                        .header("Accept", "application/hal+json")
                        .header("Authorization", "TargetToken " + probe.token().reveal()));
            } catch (TransportException t) {
                throw new SetupException(SetupException.Kind.UNREACHABLE, "DDI server unreachable at " + config.ddiUrl() + ": " + t.getMessage());
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new SetupException(SetupException.Kind.AUTH_DISABLED, "the DDI server refused a valid target token (HTTP "
                        + e.status() + " for GET " + poll.getRawPath() + "): enable target-token authentication for tenant "
                        + config.tenant() + " (hawkBit: authentication.targettoken.enabled=true)");
            }
            if (e.status() == 404 || e.status() == 405 || (e.status() == 200 && e.jsonIfParsable().isEmpty())) {
                throw new SetupException(SetupException.Kind.NOT_DDI, "no DDI API at " + config.ddiUrl() + " for tenant "
                        + config.tenant() + " (GET " + poll.getRawPath() + " answered HTTP " + e.status()
                        + (e.mediaType().isEmpty() ? "" : ", " + e.mediaType()) + "): check --url and --tenant");
            }
            return config.resolvedProfile().offered(operator.features(), config.capabilities());
        }
    }
}

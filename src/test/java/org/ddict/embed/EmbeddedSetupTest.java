package org.ddict.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.ddict.config.Secret;
import org.ddict.config.SuiteConfig;
import org.ddict.conformance.DdiConformanceSuite;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import com.sun.net.httpserver.HttpServer;

/**
 * The suite as another build runs it (the {@code @Suite} with configuration parameters, no command line): a setup that
 * cannot work fails every selected check with one clear message, and is tried only once; secrets may come from the
 * environment, which no test report lists.
 */
class EmbeddedSetupTest {

    @Test
    void rejectedCredentialsFailEveryCheckWithOneMessageAfterOneAttempt() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            List<Event> finished = run("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(finished).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(failure(e))
                    .contains("management credentials rejected (HTTP 401)"));
            assertThat(requests).as("requests to the server: the setup is tried once, not once per check").hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMissingUrlFailsEveryCheckSayingWhatToSet() {
        List<Event> finished = run(null);
        assertThat(finished).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(failure(e))
                .contains("no DDI server configured: set the configuration parameter ddi.url"));
    }

    @Test
    void secretsComeFromTheEnvironmentUnlessAParameterGivesThem() {
        Map<String, String> env = Map.of("DDI_MGMT_PASSWORD", "from-env", "DDI_GATEWAY_TOKEN", "gateway-from-env");
        Map<String, String> params = new HashMap<>(Map.of("ddi.url", "http://127.0.0.1:1"));
        SuiteConfig fromEnv = SuiteConfig.fromParameters(k -> Optional.ofNullable(params.get(k)), env::get);
        assertThat(fromEnv.mgmtPassword().reveal()).isEqualTo("from-env");
        assertThat(fromEnv.gatewayToken()).map(Secret::reveal).hasValue("gateway-from-env");

        params.put("ddi.mgmt.password", "from-parameter");
        params.put("ddi.gateway.token", "gateway-from-parameter");
        SuiteConfig fromParameters = SuiteConfig.fromParameters(k -> Optional.ofNullable(params.get(k)), env::get);
        assertThat(fromParameters.mgmtPassword().reveal()).isEqualTo("from-parameter");
        assertThat(fromParameters.gatewayToken()).map(Secret::reveal).hasValue("gateway-from-parameter");

        SuiteConfig neither = SuiteConfig.fromParameters(k -> Optional.ofNullable(params.get(k)).filter(v -> k.equals("ddi.url")),
                name -> null);
        assertThat(neither.mgmtPassword().reveal()).isEqualTo("admin");
        assertThat(neither.gatewayToken()).isEmpty();
    }

    /** Runs the checks of area BASE; returns their finish events. */
    private static List<Event> run(String url) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-platform-suite")
                .selectors(selectClass(DdiConformanceSuite.class))
                .configurationParameter("ddi.only", "BASE")
                .configurationParameter("ddi.warnings.stdout", "false");
        if (url != null) {
            kit.configurationParameter("ddi.url", url);
        }
        EngineExecutionResults results = kit.execute();
        return results.testEvents().finished().list();
    }

    private static String failure(Event finished) {
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).as(finished.getTestDescriptor().getDisplayName()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }
}

package org.ddict.ddi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.ddict.config.ConfigException;
import org.ddict.config.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue 5 §2 and DDI-ERROR-11: bounded retries of 429 (not of quota answers) and 409 by role, the request-rate limit,
 * the request budget and the run deadline.
 */
class PolitenessTest {

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private URI serve(int refusals, int status, Map<String, String> headers, long delayMs) throws IOException {
        return serve(refusals, status, headers, delayMs, "{}");
    }

    /** Answers the first {@code refusals} requests with {@code status}, these headers and body, then 200; each after {@code delayMs}. */
    private URI serve(int refusals, int status, Map<String, String> headers, long delayMs, String refusalBody) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            boolean refuse = hits.incrementAndGet() <= refusals;
            if (delayMs > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(delayMs).toNanos());
            }
            byte[] b = (refuse ? refusalBody : "{}").getBytes(StandardCharsets.UTF_8);
            if (refuse) {
                headers.forEach(ex.getResponseHeaders()::add);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(refuse ? status : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Http http(Traffic traffic, Http.Role role) {
        return new Http(Duration.ofSeconds(5), false, traffic, role);
    }

    @Test
    void retriesAThrottledRequestUntilItIsAnswered() throws IOException {
        URI url = serve(2, 429, Map.of("Retry-After", "0"), 0);
        Traffic traffic = Traffic.unlimited();
        Exchange e = http(traffic, Http.Role.DEVICE).send(HttpCall.of("GET", url));
        assertThat(e.status()).isEqualTo(200);
        assertThat(hits).hasValue(3);
        assertThat(traffic.retries()).isEqualTo(2);
    }

    @Test
    void givesUpOnA429AfterThreeRetries() throws IOException {
        URI url = serve(100, 429, Map.of("Retry-After", "0"), 0);
        assertThatThrownBy(() -> http(Traffic.unlimited(), Http.Role.DEVICE).send(HttpCall.of("GET", url)))
                .isInstanceOf(ThrottledException.class).hasMessageContaining("429 Too Many Requests (4 attempts)");
        assertThat(hits).hasValue(Http.MAX_RETRIES + 1);
    }

    @Test
    void aQuotaRefusalIsAnAnswerNotRetried() throws IOException {
        URI url = serve(100, 429, Map.of("Retry-After", "0"), 0, "{\"errorCode\":\"hawkbit.server.error.quota.tooManyEntries\"}");
        assertThat(http(Traffic.unlimited(), Http.Role.DEVICE).send(HttpCall.of("GET", url)).status()).isEqualTo(429);
        assertThat(hits).hasValue(1);
    }

    @Test
    void aDeviceRetriesA409OnlyWhenItCarriesRetryAfter() throws IOException {
        URI url = serve(1, 409, Map.of("Retry-After", "0"), 0);
        Traffic traffic = Traffic.unlimited();
        assertThat(http(traffic, Http.Role.DEVICE).send(HttpCall.of("GET", url)).status()).isEqualTo(200);
        assertThat(traffic.retries()).isEqualTo(1);
        assertThat(traffic.requests()).isEqualTo(2);
    }

    @Test
    void aDeviceTakesAPlain409AsTheAnswer() throws IOException {
        URI url = serve(1, 409, Map.of(), 0);
        assertThat(http(Traffic.unlimited(), Http.Role.DEVICE).send(HttpCall.of("GET", url)).status()).isEqualTo(409);
        assertThat(hits).hasValue(1);
    }

    @Test
    void theBackOfficeRetriesEvery409AndGivesUpAfterThreeRetries() throws IOException {
        URI url = serve(100, 409, Map.of("Retry-After", "0"), 0);
        Traffic traffic = Traffic.unlimited();
        assertThatThrownBy(() -> http(traffic, Http.Role.MANAGEMENT).send(HttpCall.of("PUT", url)))
                .isInstanceOf(ThrottledException.class).hasMessageContaining("409 Conflict (4 attempts)");
        assertThat(hits).hasValue(Http.MAX_RETRIES + 1);
        assertThat(traffic.retries()).isEqualTo(Http.MAX_RETRIES);
    }

    @Test
    void theRateLimitSpacesRequests() throws IOException {
        URI url = serve(0, 200, Map.of(), 0);
        Http http = http(new Traffic(new Limits(Optional.empty(), 0, 20)), Http.Role.DEVICE);
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            http.send(HttpCall.of("GET", url));
        }
        // six requests at 20/s: the sixth may leave 5 × 50 ms after the first
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void theBudgetStopsTheRunButNotItsCleanup() throws IOException {
        URI url = serve(0, 200, Map.of(), 0);
        Traffic traffic = new Traffic(new Limits(Optional.empty(), 3, 0));
        Http http = http(traffic, Http.Role.DEVICE);
        for (int i = 0; i < 3; i++) {
            http.send(HttpCall.of("GET", url));
        }
        assertThatThrownBy(() -> http.send(HttpCall.of("GET", url))).isInstanceOf(RunLimitException.class)
                .hasMessage("the run's request budget of 3 requests is spent");
        assertThat(hits).hasValue(3);
        assertThat(traffic.stoppedBecause()).hasValue("the run's request budget of 3 requests is spent");
        traffic.cleanup();
        assertThat(http.send(HttpCall.of("DELETE", url)).status()).isEqualTo(200);
        assertThat(traffic.requests()).isEqualTo(4);
    }

    @Test
    void theDeadlineCutsASlowRequestShortAndStopsTheRun() throws IOException {
        URI url = serve(0, 200, Map.of(), 3000);
        Traffic traffic = new Traffic(new Limits(Optional.of(Duration.ofMillis(400)), 0, 0));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> http(traffic, Http.Role.DEVICE).send(HttpCall.of("GET", url)))
                .isInstanceOf(RunLimitException.class).hasMessageContaining("deadline of 400ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(traffic.stopReason()).contains("deadline");
    }

    @Test
    void ratesAreReadPerSecondOrPerMinute() {
        assertThat(Limits.parseRate("20")).isEqualTo(20.0);
        assertThat(Limits.parseRate("20/s")).isEqualTo(20.0);
        assertThat(Limits.parseRate("600/min")).isEqualTo(10.0);
        assertThatThrownBy(() -> Limits.parseRate("fast")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> Limits.parseRate("0/s")).isInstanceOf(ConfigException.class);
    }
}

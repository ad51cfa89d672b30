package org.ddict.ddi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** DDI-ERROR-11: a 429 that asks to slow down is retried (bounded, honouring Retry-After); a quota 429 is an answer. */
class HttpRetryTest {

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private URI serve(int throttledAnswers, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            boolean throttle = hits.incrementAndGet() <= throttledAnswers;
            byte[] b = (throttle ? body : "{}").getBytes(StandardCharsets.UTF_8);
            if (throttle) {
                ex.getResponseHeaders().add("Retry-After", "0");
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(throttle ? 429 : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retriesAThrottledRequestUntilItIsAnswered() throws IOException {
        URI url = serve(2, "{}");
        Traffic traffic = Traffic.unlimited();
        Exchange e = new Http(Duration.ofSeconds(5), false, traffic, Http.Role.DEVICE).send(HttpCall.of("GET", url));
        assertThat(e.status()).isEqualTo(200);
        assertThat(hits).hasValue(3);
        assertThat(traffic.retries()).isEqualTo(2);
    }

    @Test
    void givesUpAfterThreeRetries() throws IOException {
        URI url = serve(100, "{}");
        assertThatThrownBy(() -> new Http(Duration.ofSeconds(5), false).send(HttpCall.of("GET", url)))
                .isInstanceOf(ThrottledException.class).hasMessageContaining("4 attempts");
        assertThat(hits).hasValue(Http.MAX_RETRIES + 1);
    }

    @Test
    void aQuotaRefusalIsNotRetried() throws IOException {
        URI url = serve(100, "{\"errorCode\":\"hawkbit.server.error.quota.tooManyEntries\"}");
        Exchange e = new Http(Duration.ofSeconds(5), false).send(HttpCall.of("GET", url));
        assertThat(e.status()).isEqualTo(429);
        assertThat(hits).hasValue(1);
    }
}

package org.ddict.ddi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The per-request timeout bounds the whole exchange, body included, and bodies beyond the limit are refused without
 * being read: what java.net.http alone does not do (its request timeout ends with the response headers).
 */
class HttpBoundsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private HttpServer server;
    private ScheduledExecutorService trickle;
    /** Counted down when a write of the endless body fails: the client has gone. */
    private final CountDownLatch clientGone = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        trickle = Executors.newSingleThreadScheduledExecutor();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless", this::endless);
        server.createContext("/large", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the size shows only while reading
            try (OutputStream out = ex.getResponseBody()) {
                byte[] block = new byte[1024];
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (IOException e) {
                // the client stopped reading at its limit
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        trickle.shutdownNow();
    }

    /** Headers at once, then 100 bytes every 50 ms, for ever (until a write fails). */
    private void endless(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        trickle.scheduleAtFixedRate(() -> {
            try {
                out.write("x".repeat(100).getBytes());
                out.flush();
            } catch (IOException e) {
                clientGone.countDown();
                ex.close();
                throw new IllegalStateException(e);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void theJdkRequestTimeoutAloneDoesNotCoverTheBody() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(HttpRequest.newBuilder(url("/endless")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // three times the timeout later the exchange is still running: java.net.http would wait for ever
        assertThat(catchThrowableOfType(() -> f.get(3 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                java.util.concurrent.TimeoutException.class)).isNotNull();
        f.cancel(true);
    }

    @Test
    void anEndlessBodyEndsAtTheTimeoutAndTheConnectionIsDropped() throws InterruptedException {
        long t0 = System.nanoTime();
        TransportException e = catchThrowableOfType(() -> new Http(TIMEOUT, false).send(HttpCall.of("GET", url("/endless"))),
                TransportException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
        assertThat(e.reason()).startsWith("no complete HTTP answer within 800 ms to GET " + url("/endless"))
                .contains("HTTP 200 with").contains("body bytes had arrived");
        assertThat(e.partial()).get().satisfies(p -> assertThat(p.bodyBytes()).isPositive());
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(clientGone.await(5, TimeUnit.SECONDS)).as("the server's writes fail once the client gave up").isTrue();
    }

    @Test
    void aBodyBeyondTheLimitIsRefusedWhileReading() {
        TransportException e = catchThrowableOfType(() -> new Http(Duration.ofSeconds(5), false, 10_000)
                .send(HttpCall.of("GET", url("/large"))), TransportException.class);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(TransportException.Kind.TOO_LARGE);
        assertThat(e.reason()).startsWith("body larger than 10000 bytes in the answer to GET " + url("/large"));
        assertThat(e.partial()).get().satisfies(p -> assertThat(p.bodyBytes()).isLessThanOrEqualTo(10_000 + 64 * 1024));
    }

    @Test
    void aBodyWithinTheLimitIsRead() {
        Exchange e = new Http(Duration.ofSeconds(5), false, 70_000).send(HttpCall.of("GET", url("/large")));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.bytes()).hasSize(64 * 1024);
    }
}

package org.ddict.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

import org.ddict.reference.Http.Request;
import org.ddict.reference.Http.Response;

/**
 * Answers with a {@link Fault} instead of the faithful response, writing to the exchange directly (the faults live
 * below the handlers' {@link Response} values). Slow and endless answers run on timers, never holding a server
 * thread; every answer ends: when written, when the client goes away, after its bound, or when the server stops.
 */
final class FaultResponder implements AutoCloseable {

    /** How long {@link Fault#SLOW_RESPONSE} waits before answering: longer than any sensible per-request timeout. */
    static final Duration SLOW = Duration.ofSeconds(30);
    /** The longest an {@link Fault#ENDLESS_CHUNKED} body keeps going when the client keeps reading. */
    static final Duration ENDLESS_BOUND = Duration.ofSeconds(60);
    static final long HUGE_BYTES = 50L * 1024 * 1024;
    private static final Duration ENDLESS_INTERVAL = Duration.ofMillis(50);
    private static final byte[] ZEROS = new byte[64 * 1024];
    private static final byte[] HTML = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
            + "<body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p>"
            + "</body></html>\n").getBytes(StandardCharsets.UTF_8);

    private final Set<Fault> faults;
    private final ScheduledExecutorService timer;
    private final ExecutorService writers;

    FaultResponder(Set<Fault> faults) {
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        this.timer = Executors.newScheduledThreadPool(2, daemon("reference-fault-timer"));
        this.writers = Executors.newCachedThreadPool(daemon("reference-fault-writer"));
    }

    /** The fault that replaces the faithful answer {@code r} to {@code req} (of two on one resource, the first listed), or null. */
    Fault match(Request req, Response r) {
        if (faults.isEmpty() || r.status() < 200 || r.status() > 299) {
            return null;
        }
        List<String> segs = req.segments();
        if (segs.size() < 4 || !segs.get(1).equals("controller") || !segs.get(2).equals("v1")) {
            return null;
        }
        List<String> rest = segs.subList(4, segs.size());
        return faults.stream().filter(f -> f.scope().matches(req.method(), rest)).findFirst().orElse(null);
    }

    /** Takes over the exchange: it is closed here (now, or later by a timer or writer), never by the caller. */
    void answer(Fault fault, HttpExchange ex, Request req, Response r) {
        try {
            switch (fault) {
                case NON_JSON_BODY -> complete(ex, 200, Map.of("Content-Type", "application/hal+json"), HTML);
                case TRUNCATED_JSON -> complete(ex, r.status(), r.headers(), half(r.body()));
                case WRONG_CONTENT_TYPE -> complete(ex, r.status(), with(r.headers(), "Content-Type", "text/html;charset=UTF-8"), r.body());
                case SERVER_ERROR_500 -> complete(ex, 500, Map.of("Content-Type", "text/html"), HTML);
                case REDIRECT_LOOP -> complete(ex, 302, Map.of("Location", req.origin() + req.rawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())), null);
                case SLOW_RESPONSE -> timer.schedule(() -> {
                    try {
                        complete(ex, r.status(), r.headers(), r.body());
                    } catch (IOException | RuntimeException e) {
                        ex.close();
                    }
                }, SLOW.toMillis(), TimeUnit.MILLISECONDS);
                case RESET_MID_BODY -> resetMidBody(ex, r);
                case HUGE_BODY -> writers.execute(() -> huge(ex));
                case ENDLESS_CHUNKED -> endless(ex);
            }
        } catch (IOException | RuntimeException e) {
            ex.close();
        }
    }

    private static void complete(HttpExchange ex, int status, Map<String, String> headers, byte[] body) throws IOException {
        try (ex) {
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            boolean empty = body == null || body.length == 0;
            ex.sendResponseHeaders(status, empty ? -1 : body.length);
            if (!empty) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The full Content-Length, half of the bytes, then the connection closes (the exchange cannot complete). */
    private static void resetMidBody(HttpExchange ex, Response r) throws IOException {
        byte[] body = r.body() == null || r.body().length < 2 ? new byte[1024] : r.body();
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(200, body.length);
        OutputStream out = ex.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        ex.close();
    }

    private static void huge(HttpExchange ex) {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, HUGE_BYTES);
            try (OutputStream out = ex.getResponseBody()) {
                for (long left = HUGE_BYTES; left > 0; left -= ZEROS.length) {
                    out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (as it should beyond its body limit)
        }
    }

    /** A chunk every 50 ms until a write fails (the client disconnected) or the bound is reached. */
    private void endless(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        long end = System.nanoTime() + ENDLESS_BOUND.toNanos();
        byte[] chunk = new byte[1024];
        Arrays.fill(chunk, (byte) 'x');
        timer.scheduleAtFixedRate(() -> {
            try {
                if (System.nanoTime() > end) {
                    throw new IOException("bound reached");
                }
                out.write(chunk);
                out.flush();
            } catch (IOException | RuntimeException e) {
                ex.close();
                throw new IllegalStateException("endless body ended", e); // cancels the periodic task
            }
        }, 0, ENDLESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static byte[] half(byte[] body) {
        return body == null ? new byte[0] : Arrays.copyOf(body, body.length / 2);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return h;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        writers.shutdownNow();
    }
}

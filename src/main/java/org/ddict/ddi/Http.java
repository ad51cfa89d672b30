package org.ddict.ddi;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ddict.config.Redaction;

import io.qameta.allure.Allure;

/**
 * Sends {@link HttpCall}s: exact URLs (no re-encoding), no redirects followed, HTTP/1.1, a per-request timeout, and
 * each exchange attached to the current Allure test as "Request" (a curl line, credentials masked) and "Response".
 * <p>
 * Built on {@link java.net.http.HttpClient} rather than REST-assured: measured on this 2-core machine against the
 * reference server, REST-assured spent 18–30 ms of client time per request, the JDK client under 5 ms.
 */
public final class Http {

    private static final int ATTACHMENT_LIMIT = 64 * 1024;
    /** The largest body the suite reads (its artifacts are small); beyond it the exchange fails, nothing is buffered. */
    public static final int BODY_LIMIT = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;
    private final boolean attachToReport;
    private final Traffic traffic;
    private final Role role;
    private final int bodyLimit;

    /** Who sends: a device (the DDI API) or the back office (an operator's management requests). */
    public enum Role {
        /** Retries a 429 that asks to slow down, and a 409 that carries Retry-After: any other answer is judged. */
        DEVICE,
        /** Also retries every 409: a back office's concurrent-modification conflict is worth a second try. */
        MANAGEMENT
    }

    /** A device client counting into a traffic of its own (tests, preflight). */
    public Http(Duration timeout, boolean attachToReport) {
        this(timeout, attachToReport, Traffic.unlimited(), Role.DEVICE);
    }

    public Http(Duration timeout, boolean attachToReport, Traffic traffic, Role role) {
        this(timeout, attachToReport, traffic, role, BODY_LIMIT);
    }

    /** With another body limit (tests). */
    Http(Duration timeout, boolean attachToReport, int bodyLimit) {
        this(timeout, attachToReport, Traffic.unlimited(), Role.DEVICE, bodyLimit);
    }

    private Http(Duration timeout, boolean attachToReport, Traffic traffic, Role role, int bodyLimit) {
        // the client's own work (reading a response into the bounded body) runs on its selector thread instead of being
        // handed to a pool: measured on loopback 1.0–1.2 ms a request instead of 1.8–3.1 ms; the caller still waits
        // with its own bound (execute)
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build(), timeout, attachToReport, traffic, role,
                bodyLimit);
    }

    private Http(HttpClient client, Duration timeout, boolean attachToReport, Traffic traffic, Role role, int bodyLimit) {
        this.client = client;
        this.timeout = timeout;
        this.attachToReport = attachToReport;
        this.traffic = traffic;
        this.role = role;
        this.bodyLimit = bodyLimit;
    }

    /** Whether exchanges become report attachments (other evidence of a check's steps follows the same choice). */
    public boolean attachesToReport() {
        return attachToReport;
    }

    /** The same client, never attaching to the report: for exchanges that carry secrets in their bodies. */
    public Http quiet() {
        return new Http(client, timeout, false, traffic, role, bodyLimit);
    }

    public Traffic traffic() {
        return traffic;
    }

    /** Attempts after an answer that asks to come back later (catalogue DDI-ERROR-11): at most this many retries. */
    static final int MAX_RETRIES = 3;
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(4);

    public Exchange send(HttpCall call) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8);
            Exchange e = execute(call, call, body);
            if (!asksToComeBack(e)) {
                return e;
            }
            if (attempt == MAX_RETRIES) {
                throw new ThrottledException(call, e.status(), attempt + 1);
            }
            traffic.recordRetry();
            backOff(e, attempt);
        }
    }

    /**
     * A 429 asks the client to slow down, unless its body says the request itself exceeds a quota (hawkBit's
     * {@code …quota…} error codes): that is an answer, which the checks judge.
     */
    static boolean isThrottling(Exchange e) {
        return e.status() == 429 && !e.text().contains(".quota.");
    }

    /** 429 that is not a quota answer; a 409 with Retry-After; for the back office any 409 (a concurrent change). */
    boolean asksToComeBack(Exchange e) {
        if (e.status() == 409) {
            return role == Role.MANAGEMENT || e.header("Retry-After").isPresent();
        }
        return isThrottling(e);
    }

    /** Waits as Retry-After asks (at most 4 s), else 1 s, 2 s, 4 s: bounded, and only after a 429. */
    private static void backOff(Exchange e, int attempt) {
        Duration wait = Duration.ofSeconds(1L << attempt);
        String retryAfter = e.header("Retry-After").orElse("").trim();
        if (retryAfter.matches("\\d{1,6}")) {
            wait = Duration.ofSeconds(Long.parseLong(retryAfter));
        }
        if (wait.compareTo(MAX_BACK_OFF) > 0) {
            wait = MAX_BACK_OFF;
        }
        if (!wait.isZero()) {
            org.awaitility.Awaitility.await().pollDelay(wait).atMost(wait.plusSeconds(1)).until(() -> true);
        }
    }

    /** A {@code multipart/form-data} request with one file part (the body of {@code call} is ignored). */
    public Exchange sendFile(HttpCall call, String part, String filename, byte[] bytes) {
        String boundary = "ddict-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        System.arraycopy(tail, 0, all, head.length + bytes.length, tail.length);
        HttpCall sent = call.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        HttpCall shown = new HttpCall(call.method(), call.url(), call.headers(), null).header("Content-Type", null);
        return execute(sent, new HttpCall(shown.method(), shown.url(), shown.headers(), "@" + filename + " (" + bytes.length
                + " bytes, sent as multipart part '" + part + "')"), HttpRequest.BodyPublishers.ofByteArray(all));
    }

    /**
     * One exchange, bounded as a whole: the request timeout of java.net.http only covers the wait for the response
     * headers, so the body is read under the same deadline (the exchange is cancelled when it passes) and through a
     * subscriber that refuses more than {@link #BODY_LIMIT} bytes. Whatever goes wrong becomes a
     * {@link TransportException} that names the request, with the request (and what arrived) attached as evidence.
     */
    private Exchange execute(HttpCall call, HttpCall shown, HttpRequest.BodyPublisher body) {
        Duration allowed = traffic.admit(timeout);
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        LimitedBody.Handler handler = new LimitedBody.Handler(bodyLimit);
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(call.url()).timeout(allowed).method(call.method(), body);
            call.headers().forEach(request::header);
            future = client.sendAsync(request.build(), handler);
        } catch (IllegalArgumentException e) {
            throw new TransportException(call, e);
        }
        try {
            response = future.get(allowed.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (allowed.compareTo(timeout) < 0) {
                throw cutByDeadline(call, shown, handler);
            }
            throw failed(call, shown, handler, TransportException.Kind.TIMEOUT, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (TransportException.kindOf(cause) == TransportException.Kind.TIMEOUT && allowed.compareTo(timeout) < 0) {
                throw cutByDeadline(call, shown, handler);
            }
            throw failed(call, shown, handler, TransportException.kindOf(cause), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(call, e);
        }
        long nanos = System.nanoTime() - start;
        traffic.record(nanos);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        byte[] bytes = response.body() == null ? new byte[0] : response.body();
        Exchange exchange = new Exchange(shown, response.statusCode(), headers, bytes, Duration.ofNanos(nanos));
        attach(shown, exchange);
        return exchange;
    }

    private TransportException failed(HttpCall call, HttpCall shown, LimitedBody.Handler handler, TransportException.Kind kind,
            Throwable cause) {
        TransportException e = new TransportException(call, kind, timeout, handler.partial(), cause);
        attachFailure(shown, e);
        return e;
    }

    /** The run's deadline cut the exchange short (not the server's slowness): the check is not run, and says why. */
    private RunLimitException cutByDeadline(HttpCall call, HttpCall shown, LimitedBody.Handler handler) {
        attachFailure(shown, new TransportException(call, TransportException.Kind.TIMEOUT, timeout, handler.partial(), null));
        return new RunLimitException(traffic.stopReason() != null ? traffic.stopReason() : "the run's deadline was reached");
    }

    /** One attachment per exchange: the request (curl line, headers, body) and the response, credentials masked. */
    private void attach(HttpCall call, Exchange exchange) {
        if (!attachToReport || Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        StringBuilder text = requestText(call);
        String title = call.method() + " " + call.url().getRawPath();
        text.append("\n--- HTTP/1.1 ").append(exchange.status()).append(" (").append(exchange.elapsed().toMillis()).append(" ms)\n");
        exchange.headers().forEach((k, vs) -> vs.forEach(v -> text.append(k).append(": ").append(v).append('\n')));
        text.append('\n').append(exchange.isBinary() ? "(" + exchange.bytes().length + " bytes of binary content)" : cut(exchange.text()));
        Allure.addAttachment(title + " → " + exchange.status(), "text/plain", Redaction.apply(text.toString()), ".txt");
    }

    /** The evidence of an exchange without a complete answer: the request and what arrived before it broke off. */
    private void attachFailure(HttpCall call, TransportException failure) {
        if (!attachToReport || Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        StringBuilder text = requestText(call).append("\n--- ").append(failure.reason()).append('\n');
        failure.partial().ifPresent(p -> {
            text.append("HTTP/1.1 ").append(p.status()).append(" (headers received)\n");
            p.headers().forEach((k, vs) -> vs.forEach(v -> text.append(k).append(": ").append(v).append('\n')));
            text.append('\n').append(p.bodyBytes()).append(" bytes of the body received");
            boolean textual = textual(p.headers().getOrDefault("Content-Type", List.of("")).get(0));
            if (p.excerpt().length > 0 && textual) {
                text.append(", the first ").append(p.excerpt().length).append(":\n").append(cut(new String(p.excerpt(), StandardCharsets.UTF_8)));
            } else if (p.excerpt().length > 0) {
                text.append(" (binary content)");
            }
            text.append('\n');
        });
        Allure.addAttachment(call.method() + " " + call.url().getRawPath() + " → no answer", "text/plain",
                Redaction.apply(text.toString()), ".txt");
    }

    private static StringBuilder requestText(HttpCall call) {
        StringBuilder text = new StringBuilder(call.curl()).append("\n\n").append(call.method()).append(' ').append(call.url()).append('\n');
        call.headers().forEach((k, v) -> text.append(k).append(": ")
                .append(k.equalsIgnoreCase("Authorization") ? HttpCall.mask(v) : v).append('\n'));
        if (call.body() != null) {
            text.append('\n').append(cut(call.body())).append('\n');
        }
        return text;
    }

    private static String cut(String s) {
        return s.length() > ATTACHMENT_LIMIT ? s.substring(0, ATTACHMENT_LIMIT) + "\n… (cut at " + ATTACHMENT_LIMIT + " characters)" : s;
    }

    static boolean textual(String mediaType) {
        String t = mediaType.toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("html");
    }

}

package org.ddict.ddi;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The server gave no complete HTTP answer (refused, reset, timed out, body beyond the limit): reported with the
 * request that was sent and what had arrived.
 */
public class TransportException extends RuntimeException {

    /** How the exchange failed. */
    public enum Kind {
        /** No connection (refused, unresolvable, connect timeout). */
        CONNECT,
        /** The whole exchange, body included, did not complete within the per-request timeout. */
        TIMEOUT,
        /** The connection closed or broke before the answer was complete. */
        BROKEN,
        /** The body is larger than the suite reads. */
        TOO_LARGE,
        /** The request could not be sent at all (invalid request, interrupted). */
        OTHER
    }

    private final HttpCall call;
    private final Kind kind;
    private final transient LimitedBody.Partial partial;

    public TransportException(HttpCall call, Throwable cause) {
        super(describe(cause) + " — " + call.method() + " " + call.url(), cause);
        this.call = call;
        this.kind = kindOf(cause);
        this.partial = null;
    }

    TransportException(HttpCall call, Kind kind, Duration timeout, Optional<LimitedBody.Partial> partial, Throwable cause) {
        super(sentence(call, kind, timeout, partial, cause), cause);
        this.call = call;
        this.kind = kind;
        this.partial = partial.orElse(null);
    }

    public HttpCall call() {
        return call;
    }

    public Kind kind() {
        return kind;
    }

    /** The failure in one sentence, naming the request: {@code no complete HTTP answer within 2 s to GET http://…}. */
    public String reason() {
        return getMessage();
    }

    Optional<LimitedBody.Partial> partial() {
        return Optional.ofNullable(partial);
    }

    static Kind kindOf(Throwable cause) {
        if (cause instanceof LimitedBody.TooLarge) {
            return Kind.TOO_LARGE;
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return Kind.CONNECT;
        }
        if (cause instanceof HttpTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (cause instanceof java.io.IOException) {
            return Kind.BROKEN;
        }
        return Kind.OTHER;
    }

    private static String sentence(HttpCall call, Kind kind, Duration timeout, Optional<LimitedBody.Partial> partial,
            Throwable cause) {
        String request = call.method() + " " + call.url();
        String arrived = partial.map(p -> "HTTP " + p.status() + " with "
                        + p.headers().getOrDefault("Content-Length", java.util.List.of()).stream().findFirst()
                                .map(l -> p.bodyBytes() + " of " + l + " body bytes").orElse(p.bodyBytes() + " body bytes"))
                .orElse("not even the status line");
        String detail = cause == null || cause.getMessage() == null ? "" : "; " + cause.getMessage();
        return switch (kind) {
            case TIMEOUT -> "no complete HTTP answer within " + seconds(timeout) + " to " + request + " (" + arrived + " had arrived)";
            case TOO_LARGE -> cause.getMessage() + " in the answer to " + request + " (" + arrived
                    + " had arrived; the suite reads no further)";
            case BROKEN -> "the connection closed before the answer to " + request + " was complete (" + arrived
                    + " had arrived" + detail + ")";
            case CONNECT -> "connection failed (" + (cause == null ? "" : cause.getClass().getSimpleName() + detail.replaceFirst("^; ", ": "))
                    + ") — " + request;
            case OTHER -> describe(cause) + " — " + request;
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "no answer";
        }
        String name = e.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "no answer within the timeout (" + e.getMessage() + ")";
        }
        if (name.contains("Connect")) {
            return "connection refused (" + e.getMessage() + ")";
        }
        return name + ": " + e.getMessage();
    }
}

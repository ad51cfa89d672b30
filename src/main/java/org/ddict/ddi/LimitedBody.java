package org.ddict.ddi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a declared or actual body beyond it ends the exchange with
 * {@link TooLarge} (nothing more is read or kept). Remembers what arrived, as evidence when the exchange breaks off.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The most of a broken-off body kept as evidence. */
    static final int EXCERPT = 64 * 1024;

    /** The body exceeds the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long limit, long declared) {
            super("body larger than " + limit + " bytes" + (declared >= 0 ? " (Content-Length: " + declared + ")" : ""));
        }
    }

    /** What arrived of an answer that did not complete: status and headers, the number of body bytes, their start. */
    record Partial(int status, Map<String, List<String>> headers, long bodyBytes, byte[] excerpt) {
    }

    /** Creates the subscriber once the headers are in, and keeps them. */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final int limit;
        private volatile HttpResponse.ResponseInfo info;
        private volatile LimitedBody body;

        Handler(int limit) {
            this.limit = limit;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo responseInfo) {
            info = responseInfo;
            long declared = responseInfo.headers().firstValueAsLong("Content-Length").orElse(-1);
            body = new LimitedBody(limit, declared);
            return body;
        }

        /** Empty when not even the headers arrived. */
        Optional<Partial> partial() {
            HttpResponse.ResponseInfo i = info;
            if (i == null) {
                return Optional.empty();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(i.headers().map());
            LimitedBody b = body;
            return Optional.of(b == null ? new Partial(i.statusCode(), headers, 0, new byte[0])
                    : new Partial(i.statusCode(), headers, b.received(), b.excerpt()));
        }
    }

    private final int limit;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long received;
    private Flow.Subscription subscription;

    private LimitedBody(int limit, long declared) {
        this.limit = limit;
        this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            s.cancel();
            result.completeExceptionally(new TooLarge(limit, declared));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        synchronized (this) {
            for (ByteBuffer b : items) {
                received += b.remaining();
                if (received > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(limit, declared));
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            result.complete(buffer.toByteArray());
        }
    }

    synchronized long received() {
        return received;
    }

    synchronized byte[] excerpt() {
        byte[] all = buffer.toByteArray();
        return all.length <= EXCERPT ? all : Arrays.copyOf(all, EXCERPT);
    }
}

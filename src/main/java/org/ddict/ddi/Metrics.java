package org.ddict.ddi;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests a run sends and the time the server took to answer them (for the benchmark and the summary). */
public final class Metrics {

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong NANOS = new AtomicLong();
    private static final AtomicLong RETRIES = new AtomicLong();

    private Metrics() {
    }

    static void record(long nanos) {
        REQUESTS.incrementAndGet();
        NANOS.addAndGet(nanos);
    }

    static void recordRetry() {
        RETRIES.incrementAndGet();
    }

    /** Requests repeated after a 429 that asked the suite to slow down. */
    public static long retries() {
        return RETRIES.get();
    }

    public static long requests() {
        return REQUESTS.get();
    }

    /** Sum over all requests of the time from sending the request to having read the whole response. */
    public static long serverNanos() {
        return NANOS.get();
    }

    public static void reset() {
        REQUESTS.set(0);
        NANOS.set(0);
        RETRIES.set(0);
    }
}

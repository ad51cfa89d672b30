package org.ddict.ddi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.ddict.config.Durations;
import org.ddict.config.Limits;

/**
 * The traffic of one run towards the server under test, and the limits that keep the suite polite: an overall
 * deadline, a request budget and a request-rate limit. Every request of the run (device and back office) passes
 * {@link #admit()} before it is sent and is {@linkplain #record counted} after; the summary reports the counts.
 * <p>
 * When the deadline passes or the budget is spent the run stops sending: the next request of a check throws
 * {@link RunLimitException} and the check is reported as not run, with the reason. Cleanup at the end of the run
 * ({@link #cleanup()}) is exempt from deadline and budget: what the run created is always deleted.
 */
public final class Traffic {

    private static final Map<String, Traffic> RUNS = new ConcurrentHashMap<>();

    private final Limits limits;
    private final long deadlineNanos;
    private final long intervalNanos;

    private final AtomicLong requests = new AtomicLong();
    /** Requests the checks were let send (cleanup excluded): what the budget counts. */
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverNanos = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private volatile boolean cleaningUp;

    /** A new traffic under these limits; the deadline counts from now. */
    public Traffic(Limits limits) {
        this.limits = limits;
        this.deadlineNanos = limits.deadline().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        this.intervalNanos = limits.ratePerSecond() > 0 ? (long) (1_000_000_000L / limits.ratePerSecond()) : 0;
    }

    /** No limits: counts only. */
    public static Traffic unlimited() {
        return new Traffic(Limits.NONE);
    }

    /** Makes {@code traffic} the one of the run with this prefix, for the checks' HTTP clients to share. */
    public static Traffic register(String runPrefix, Traffic traffic) {
        RUNS.put(runPrefix, traffic);
        return traffic;
    }

    /** The traffic of the run with this prefix; a run started without {@link #register} (inside another build) starts it now. */
    public static Traffic of(String runPrefix, Limits limits) {
        return RUNS.computeIfAbsent(runPrefix, k -> new Traffic(limits));
    }

    public static void unregister(String runPrefix) {
        RUNS.remove(runPrefix);
    }

    /**
     * Lets one request go: throws when the run has stopped (deadline or budget), waits for its slot when a rate is
     * set, and returns the time the request may take (the per-request timeout, cut to what is left of the deadline).
     */
    public Duration admit(Duration timeout) {
        if (!cleaningUp) {
            String why = stopReason();
            if (why != null) {
                throw new RunLimitException(why);
            }
            if (limits.budget() > 0 && sent.incrementAndGet() > limits.budget()) {
                throw new RunLimitException(stop(budgetSpent()));
            }
        }
        if (intervalNanos > 0) {
            waitForSlot();
        }
        if (cleaningUp || limits.deadline().isEmpty()) {
            return timeout;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new RunLimitException(stop(deadlineReached()));
        }
        return Duration.ofNanos(Math.min(timeout.toNanos(), left));
    }

    /** Why the run no longer sends requests, or {@code null} while it may. */
    public String stopReason() {
        String why = stopped.get();
        if (why != null) {
            return why;
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            return stop(deadlineReached());
        }
        if (limits.budget() > 0 && sent.get() >= limits.budget()) {
            return stop(budgetSpent());
        }
        return null;
    }

    private String deadlineReached() {
        return "the run's deadline of " + limits.deadline().map(Durations::format).orElse("?") + " was reached";
    }

    private String budgetSpent() {
        return "the run's request budget of " + limits.budget() + " requests is spent";
    }

    private String stop(String why) {
        stopped.compareAndSet(null, why);
        return stopped.get();
    }

    /** Each request gets the next free slot, {@code 1/rate} after the previous one; the caller parks until it. */
    private void waitForSlot() {
        long now = System.nanoTime();
        long slot = nextSlot.getAndUpdate(prev -> Math.max(prev, now) + intervalNanos);
        long start = Math.max(slot, now);
        for (long wait = start - System.nanoTime(); wait > 0; wait = start - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                throw new RunLimitException("interrupted while waiting for the request-rate limit");
            }
        }
    }

    /** From now on only cleanup runs: deadline and budget no longer apply (the rate limit still does). */
    public void cleanup() {
        cleaningUp = true;
    }

    void record(long nanos) {
        requests.incrementAndGet();
        serverNanos.addAndGet(nanos);
    }

    void recordRetry() {
        retries.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long serverMillis() {
        return serverNanos.get() / 1_000_000;
    }

    public long retries() {
        return retries.get();
    }

    /** Why the run stopped early, if it did. */
    public Optional<String> stoppedBecause() {
        return Optional.ofNullable(stopped.get());
    }

    /** The limits in force, for the summary: e.g. {@code deadline 5m, budget 2000 requests, rate 50/s}. */
    public String limits() {
        return limits.describe();
    }
}

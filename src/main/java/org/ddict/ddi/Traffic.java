package org.ddict.ddi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.ddict.config.Durations;

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

    private final Duration deadline;
    private final long deadlineNanos;
    private final long budget;
    private final double ratePerSecond;
    private final long intervalNanos;

    private final AtomicLong requests = new AtomicLong();
    /** Requests the checks were let send (cleanup excluded): what the budget counts. */
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverNanos = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final AtomicReference<String> stopped = new AtomicReference<>();
    private volatile boolean cleaningUp;

    /**
     * @param deadline      the longest the run may send requests, or {@code null} for none
     * @param budget        the most requests the checks may send, or 0 for no limit
     * @param ratePerSecond the most requests per second, or 0 for no limit
     */
    public Traffic(Duration deadline, long budget, double ratePerSecond) {
        this.deadline = deadline;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos();
        this.budget = budget;
        this.ratePerSecond = ratePerSecond;
        this.intervalNanos = ratePerSecond > 0 ? (long) (1_000_000_000L / ratePerSecond) : 0;
    }

    /** No limits: counts only. */
    public static Traffic unlimited() {
        return new Traffic(null, 0, 0);
    }

    /** Makes {@code traffic} the one of the run with this prefix, for the checks' HTTP clients to share. */
    public static Traffic register(String runPrefix, Traffic traffic) {
        RUNS.put(runPrefix, traffic);
        return traffic;
    }

    /** The traffic of the run with this prefix; a run started without {@link #register} (inside another build) starts it now. */
    public static Traffic of(String runPrefix, org.ddict.config.Limits limits) {
        return RUNS.computeIfAbsent(runPrefix, k -> of(limits));
    }

    /** A new traffic under these limits; the deadline counts from now. */
    public static Traffic of(org.ddict.config.Limits limits) {
        return new Traffic(limits.deadline().orElse(null), limits.budget(), limits.ratePerSecond());
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
            if (budget > 0 && sent.incrementAndGet() > budget) {
                throw new RunLimitException(stop("the run's request budget of " + budget + " requests is spent"));
            }
        }
        if (intervalNanos > 0) {
            waitForSlot();
        }
        if (cleaningUp || deadline == null) {
            return timeout;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new RunLimitException(stop("the run's deadline of " + Durations.format(deadline) + " was reached"));
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
            return stop("the run's deadline of " + Durations.format(deadline) + " was reached");
        }
        if (budget > 0 && sent.get() >= budget) {
            return stop("the run's request budget of " + budget + " requests is spent");
        }
        return null;
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
        StringBuilder s = new StringBuilder();
        if (deadline != null) {
            s.append("deadline ").append(Durations.format(deadline));
        }
        if (budget > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("budget ").append(budget).append(" requests");
        }
        if (ratePerSecond > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("rate ").append(formatRate(ratePerSecond));
        }
        return s.isEmpty() ? "none" : s.toString();
    }

    /** Parses a request rate: {@code 20} or {@code 20/s} (per second), {@code 600/min} or {@code 600/m}. */
    public static double parseRate(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        double per = 1;
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("/min") || t.endsWith("/m")) {
            t = t.substring(0, t.lastIndexOf('/'));
            per = 60;
        }
        try {
            double n = Double.parseDouble(t.trim());
            if (!(n > 0) || Double.isInfinite(n)) {
                throw new NumberFormatException();
            }
            return n / per;
        } catch (NumberFormatException e) {
            throw new org.ddict.config.ConfigException("'" + text + "' is not a request rate (e.g. 20/s or 600/min)");
        }
    }

    public static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? (long) perSecond + "/s" : String.format(java.util.Locale.ROOT, "%.2f/s", perSecond);
    }
}

package org.ddict.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How polite a run is to the server under test: an overall deadline, a request budget and a request-rate limit
 * (each optional). The per-request timeout is {@link SuiteConfig#timeout()}.
 *
 * @param deadline      the longest the checks may send requests; cleanup afterwards is exempt
 * @param budget        the most requests the checks may send, 0 for no limit
 * @param ratePerSecond the most requests per second, 0 for no limit
 */
public record Limits(Optional<Duration> deadline, long budget, double ratePerSecond) {

    public static final Limits NONE = new Limits(Optional.empty(), 0, 0);

    public Limits {
        if (deadline.isPresent() && (deadline.get().isZero() || deadline.get().isNegative())) {
            throw new ConfigException("the deadline must be positive");
        }
        if (budget < 0) {
            throw new ConfigException("the request budget must be positive");
        }
        if (ratePerSecond < 0) {
            throw new ConfigException("the request rate must be positive");
        }
    }

    /** The limits as the run header, the summary and the evidence bundle show them: e.g. {@code deadline 5m, rate 50/s}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        deadline.ifPresent(d -> s.append("deadline ").append(Durations.format(d)));
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
            throw new ConfigException("'" + text + "' is not a request rate (e.g. 20/s or 600/min)");
        }
    }

    static String formatRate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? (long) perSecond + "/s" : String.format(java.util.Locale.ROOT, "%.2f/s", perSecond);
    }
}

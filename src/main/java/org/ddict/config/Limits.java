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
}

package io.nbci.status;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to keep trying to post a status: exponential backoff from {@code initialBackoff}
 * (doubling, capped at {@code maxBackoff}) for at most {@code maxAttempts} attempts and never
 * beyond {@code totalBudget} after the first attempt started. A {@code Retry-After} the server
 * sends replaces the computed backoff; one that reaches past the budget ends the retries.
 *
 * @param maxAttempts    attempts in all, at least 1
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     largest computed wait
 * @param totalBudget    bound on the whole post, waits included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalBudget) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(totalBudget, "totalBudget");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || totalBudget.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    /** 8 attempts, 1 s doubling to 30 s, at most 2 minutes in all. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    public RetryPolicy withTotalBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, budget);
    }

    /** The computed wait after the given failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt; i++) {
            wait = wait.multipliedBy(2);
            if (wait.compareTo(maxBackoff) >= 0) {
                return maxBackoff;
            }
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

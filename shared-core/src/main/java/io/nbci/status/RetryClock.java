package io.nbci.status;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and waiting for retries, as a port: the real one reads the system clock and sleeps;
 * tests pass one that records the waits and advances time without sleeping.
 */
public interface RetryClock {

    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    static RetryClock system() {
        return new RetryClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(Math.max(0, duration.toMillis()));
            }
        };
    }
}

package io.nbci.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link RetryClock} that advances time on sleep without sleeping, and records every wait. */
public final class FakeClock implements RetryClock {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration slept() {
        return sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    }
}

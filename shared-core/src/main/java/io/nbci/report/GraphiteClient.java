package io.nbci.report;

import io.nbci.common.LogSink;
import io.nbci.results.MetricSample;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends metrics to a Graphite (carbon) plaintext listener over TCP. Sending is best effort:
 * a listener that is down, slow or unknown gives a warning on the log sink and a
 * {@code false} result, never an exception, because metrics must not fail a build.
 */
public final class GraphiteClient {

    private final Duration timeout;
    private final int attempts;

    public GraphiteClient(Duration timeout, int attempts) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("GraphiteClient.timeout must be positive, found " + timeout);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("GraphiteClient.attempts must be at least 1, found " + attempts);
        }
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** 5 s to connect and write, 2 attempts. */
    public static GraphiteClient withDefaults() {
        return new GraphiteClient(Duration.ofSeconds(5), 2);
    }

    /** Sends all metrics in one connection; returns whether they were handed to the listener. */
    public boolean send(GraphiteTarget target, List<MetricSample> metrics, LogSink log) {
        if (metrics.isEmpty()) {
            return true;
        }
        byte[] payload = BuildMetrics.plaintext(metrics).getBytes(StandardCharsets.UTF_8);
        String problem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(payload);
                out.flush();
                socket.shutdownOutput();
                log.debug("graphite: sent " + metrics.size() + " metrics (" + payload.length + " bytes) to " + target);
                return true;
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                log.debug("graphite: attempt " + attempt + " to " + target + " failed: " + problem);
                if (attempt < attempts) {
                    sleep(250L * attempt);
                }
            }
        }
        log.warn("graphite: could not send " + metrics.size() + " build metrics to " + target + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (" + problem + "); the build result is not affected");
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.RecordingLog;
import io.nbci.results.MetricSample;
import io.nbci.results.RunResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Build metrics over real TCP on loopback: a Graphite plaintext listener receives them; a closed port only warns. */
public class GraphiteClientIT {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private PlaintextListener listener;

    @After
    public void stopListener() throws IOException {
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    public void shouldDeliverEveryMetricInThePlaintextProtocol() throws Exception {
        listener = new PlaintextListener();
        RunResults results = ReportSamples.failingAssertion(temp.getRoot().toPath());
        List<MetricSample> expected = BuildMetrics.derive(results, "ci.imagescore");
        RecordingLog log = new RecordingLog();

        boolean sent = GraphiteClient.withDefaults().send(listener.target(), expected, log);

        assertThat(sent).isTrue();
        List<String> lines = listener.awaitConnection();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            String[] parts = lines.get(i).split(" ");
            assertThat(parts).hasSize(3);
            assertThat(parts[0]).isEqualTo(expected.get(i).name()).matches("[A-Za-z0-9_.-]+");
            assertThat(Double.parseDouble(parts[1])).isEqualTo(expected.get(i).value());
            assertThat(Long.parseLong(parts[2])).isEqualTo(ReportSamples.STARTED.getEpochSecond() + 9);
        }
        assertThat(lines).contains("ci.imagescore.test.cases.failed 1 " + (ReportSamples.STARTED.getEpochSecond() + 9));
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    public void shouldOnlyWarnWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        RecordingLog log = new RecordingLog();
        long start = System.nanoTime();

        boolean sent = new GraphiteClient(Duration.ofSeconds(2), 2).send(new GraphiteTarget("127.0.0.1", closedPort),
                BuildMetrics.derive(ReportSamples.passingRun(temp.getRoot().toPath()), "nbci"), log);

        assertThat(sent).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(log.at("WARN")).singleElement().asString()
                .contains("could not send").contains("127.0.0.1:" + closedPort).contains("after 2 attempts")
                .contains("Connection refused").contains("the build result is not affected");
        assertThat(log.at("ERROR")).isEmpty();
    }

    @Test
    public void shouldPublishReportAndMetricsAtTheEndOfACommand() throws Exception {
        listener = new PlaintextListener();
        Path report = temp.getRoot().toPath().resolve("out/report.html");
        RunResults results = ReportSamples.failingCell(temp.getRoot().toPath());
        RecordingLog log = new RecordingLog();

        Publishing.Outcome outcome = Publishing.publish(results,
                new PublishSettings(report, listener.target(), "ci.team", temp.getRoot().toPath()), log);

        assertThat(outcome.reportWritten()).isTrue();
        assertThat(Files.readString(report)).contains("id=\"s0-cell-1\"");
        assertThat(outcome.metricsSent()).isEqualTo(BuildMetrics.derive(results, "ci.team").size());
        assertThat(listener.awaitConnection()).anySatisfy(l -> assertThat(l).startsWith("ci.team.run.cases.failed 1 "));
        assertThat(log.at("INFO")).anySatisfy(l -> assertThat(l).contains("report: " + report))
                .anySatisfy(l -> assertThat(l).contains("graphite: sent"));
    }

    @Test
    public void shouldStillWriteTheReportWhenGraphiteIsDown() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Path report = temp.getRoot().toPath().resolve("report.html");
        RecordingLog log = new RecordingLog();

        Publishing.Outcome outcome = Publishing.publish(ReportSamples.passingRun(temp.getRoot().toPath()),
                new PublishSettings(report, new GraphiteTarget("127.0.0.1", closedPort), null, temp.getRoot().toPath()),
                new GraphiteClient(Duration.ofSeconds(1), 1), log);

        assertThat(outcome.reportWritten()).isTrue();
        assertThat(outcome.metricsSent()).isZero();
        assertThat(report).exists();
        assertThat(log.at("WARN")).singleElement().asString().contains("could not send");
    }

    /** A Graphite plaintext listener on loopback: records the lines of the first connection. */
    private static final class PlaintextListener implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        PlaintextListener() throws IOException {
            thread = new Thread(() -> {
                try (Socket socket = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                                StandardCharsets.UTF_8))) {
                    socket.setSoTimeout(10_000);
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("listener failed: " + e);
                } finally {
                    done.countDown();
                }
            }, "graphite-test-listener");
            thread.setDaemon(true);
            thread.start();
        }

        GraphiteTarget target() {
            return new GraphiteTarget("127.0.0.1", server.getLocalPort());
        }

        List<String> awaitConnection() throws InterruptedException {
            assertThat(done.await(10, TimeUnit.SECONDS)).as("the client closed its connection").isTrue();
            return new ArrayList<>(lines);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}

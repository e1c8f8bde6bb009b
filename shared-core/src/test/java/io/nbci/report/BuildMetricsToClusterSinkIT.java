package io.nbci.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.RecordingLog;
import io.nbci.localcluster.ClusterService;
import io.nbci.localcluster.LocalCluster;
import io.nbci.results.CaseResult;
import io.nbci.results.MetricSample;
import io.nbci.results.RunResults;
import io.nbci.results.SuiteResult;
import java.time.Instant;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Build metrics sent at the end of a run arrive in the local cluster's real Graphite sink, as Grafana would read them. */
public class BuildMetricsToClusterSinkIT {
    private static LocalCluster cluster;

    @BeforeClass
    public static void startSink() {
        cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("128m").start();
    }

    @AfterClass
    public static void stopSink() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    public void shouldDeliverRunMetricsToTheGraphiteSink() throws Exception {
        SuiteResult notebook = new SuiteResult("jobs/score.ipynb", SuiteResult.Kind.NOTEBOOK, "jobs/score.ipynb", 1500,
                List.of(CaseResult.passed("cell 0", "score", 1000), CaseResult.passed("cell 1", "score", 500)),
                null, null, null);
        RunResults run = RunResults.of("run", Instant.now(), 2000, ExitCode.OK, List.of(notebook));
        RecordingLog log = new RecordingLog();

        Publishing.Outcome outcome = Publishing.publish(run, new PublishSettings(null,
                new GraphiteTarget(cluster.getGraphiteHost(), cluster.getGraphitePort()), "ci.nbci", null), log);

        assertThat(outcome.metricsSent()).isPositive();
        List<MetricSample> received = waitFor("ci.nbci.**", outcome.metricsSent());
        assertThat(received).hasSize(outcome.metricsSent());
        assertThat(received).extracting(MetricSample::name).allMatch(name -> name.startsWith("ci.nbci.run."));
        assertThat(cluster.metricValues("ci.nbci.run.cases.passed")).containsExactly(2.0);
    }

    private static List<MetricSample> waitFor(String glob, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<MetricSample> received = cluster.metrics(glob);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            received = cluster.metrics(glob);
        }
        return received;
    }
}

package io.nbci.report;

import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.results.MetricSample;
import io.nbci.results.RunResults;
import java.nio.file.Path;
import java.util.List;

/**
 * The one call every command that runs something makes at its end, after its results are
 * final and before it returns its exit code:
 *
 * <pre>{@code
 * RunResults results = ...;                                   // the command's results
 * Publishing.publish(results, reportOptions.settings(), log); // --report, --graphite, --metrics-prefix
 * return results.exitCode().code();
 * }</pre>
 *
 * <p>Publishing never changes a build's outcome: a report that cannot be written is an
 * error line on the log, metrics that cannot be sent a warning; both are visible in the
 * returned {@link Outcome}.
 */
public final class Publishing {

    private Publishing() {
    }

    /** What was published. */
    public record Outcome(Path report, boolean reportWritten, int metricsSent) {
    }

    public static Outcome publish(RunResults results, PublishSettings settings, LogSink log) {
        return publish(results, settings, GraphiteClient.withDefaults(), log);
    }

    public static Outcome publish(RunResults results, PublishSettings settings, GraphiteClient graphite, LogSink log) {
        boolean written = false;
        if (settings.report() != null) {
            try {
                Path base = settings.artifactBase() != null ? settings.artifactBase() : Path.of("");
                HtmlReport.withDefaults().write(results, base, settings.report());
                written = true;
                log.info("report: " + settings.report());
            } catch (NbciException e) {
                log.error("report: could not write " + settings.report() + ": " + e.getMessage()
                        + "; the command's result is unchanged");
            } catch (RuntimeException e) {
                log.error("report: could not render " + settings.report() + " (" + e
                        + "); the command's result is unchanged; please report this as an nbci bug");
            }
        }
        int sent = 0;
        if (settings.graphite() != null) {
            List<MetricSample> metrics = BuildMetrics.derive(results, settings.metricsPrefix());
            if (graphite.send(settings.graphite(), metrics, log)) {
                sent = metrics.size();
                log.info("graphite: sent " + sent + " build metrics to " + settings.graphite() + " under "
                        + settings.metricsPrefix() + "." + BuildMetrics.segment(results.command()));
            }
        }
        return new Outcome(settings.report(), written, sent);
    }
}

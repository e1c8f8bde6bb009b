package io.nbci.report;

import java.nio.file.Path;

/**
 * What to publish at the end of a command ({@code run}, {@code run-all}, {@code test},
 * {@code deploy}): an HTML report, build metrics to Graphite, both or neither. Built by
 * the command line from {@code --report}, {@code --graphite} and {@code --metrics-prefix},
 * and by the plugins from their step configuration.
 *
 * @param report        where to write the HTML report, or null for none
 * @param graphite      where to send build metrics, or null for none
 * @param metricsPrefix the Graphite path prefix (checked), {@link BuildMetrics#DEFAULT_PREFIX} when null
 * @param artifactBase  the folder relative artifact paths in the results are relative to
 *                      (the results file's folder), or null for the working directory
 */
public record PublishSettings(Path report, GraphiteTarget graphite, String metricsPrefix, Path artifactBase) {

    public PublishSettings {
        metricsPrefix = BuildMetrics.checkPrefix(metricsPrefix == null ? BuildMetrics.DEFAULT_PREFIX : metricsPrefix);
    }

    /** Publishes nothing. */
    public static PublishSettings none() {
        return new PublishSettings(null, null, null, null);
    }

    public PublishSettings withArtifactBase(Path base) {
        return new PublishSettings(report, graphite, metricsPrefix, base);
    }

    public boolean isEmpty() {
        return report == null && graphite == null;
    }
}

package io.nbci.cli;

import io.nbci.common.NbciException;
import io.nbci.report.BuildMetrics;
import io.nbci.report.GraphiteTarget;
import io.nbci.report.PublishSettings;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The publishing options of every command that runs something ({@code run}, {@code run-all},
 * {@code test}, {@code deploy}), mixed in with {@code @Mixin ReportOptions report;}. At the
 * end the command calls {@code Publishing.publish(results, report.settings(), log)}.
 * Bad values ({@code --graphite nohost}, a prefix with spaces) are usage errors (exit 2)
 * before anything runs.
 */
public final class ReportOptions {

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write a self-contained HTML report of the run to FILE.")
    Path report;

    @Option(names = "--graphite", paramLabel = "HOST:PORT", converter = GraphiteConverter.class,
            description = "Send build metrics (durations, counts, per-notebook and per-scenario times, deploy sizes)"
                    + " to this Graphite plaintext listener at the end; failures to send are warnings.")
    GraphiteTarget graphite;

    @Option(names = "--metrics-prefix", paramLabel = "P", converter = PrefixConverter.class,
            defaultValue = BuildMetrics.DEFAULT_PREFIX,
            description = "Graphite path prefix of the build metrics (default: ${DEFAULT-VALUE}).")
    String metricsPrefix;

    /** The core settings; relative artifact paths resolve against the working directory. */
    public PublishSettings settings() {
        return new PublishSettings(report, graphite, metricsPrefix, null);
    }

    /** The core settings; relative artifact paths resolve against {@code artifactBase} (the results file's folder). */
    public PublishSettings settings(Path artifactBase) {
        return new PublishSettings(report, graphite, metricsPrefix, artifactBase);
    }

    static final class GraphiteConverter implements ITypeConverter<GraphiteTarget> {
        @Override
        public GraphiteTarget convert(String value) {
            try {
                return GraphiteTarget.parse(value);
            } catch (NbciException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PrefixConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return BuildMetrics.checkPrefix(value);
            } catch (NbciException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

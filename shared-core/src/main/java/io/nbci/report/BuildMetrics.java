package io.nbci.report;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import io.nbci.results.CaseResult;
import io.nbci.results.MetricSample;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metrics of a run that teams chart and alert on in Grafana, derived from
 * {@link RunResults} (never from logs), named under a prefix and the command:
 *
 * <pre>
 *   P.C.duration_ms                    whole command, wall time
 *   P.C.exit_code  P.C.success         exit code, 1 when it was 0
 *   P.C.cases.{total,passed,failed,errors,skipped}
 *   P.C.suites.{total,failed}
 *   P.C.notebook.NAME.{duration_ms,cells,cells_failed}      per notebook suite
 *   P.C.scenario.NAME.{duration_ms,passed}                  per scenario (case of a scenario suite)
 *   P.C.junit.NAME.{duration_ms,cases,failed}               per merged JUnit suite
 *   P.C.deploy.NAME.{duration_ms,files,files_uploaded,bytes_uploaded,bytes_reused}   per deploy suite
 *   P.C.deploy.{files,files_uploaded,bytes_uploaded,bytes_reused}                   totals over deploy suites
 * </pre>
 *
 * <p>P is the prefix ({@code --metrics-prefix}, default {@code nbci}), C the command
 * ({@code run}, {@code test}, {@code deploy}). NAME is the suite's or scenario's name with
 * every character other than letters, digits, {@code _} and {@code -} replaced by
 * {@code _} and a notebook or scenario file extension dropped ({@code jobs/score.ipynb}
 * becomes {@code jobs_score}). Deploy sizes come from the deploy suite's properties
 * ({@link #DEPLOY_PROPERTIES}: {@code files}, {@code uploaded}, {@code bytesUploaded},
 * {@code bytesReused}); a property that is missing gives no metric.
 */
public final class BuildMetrics {

    /** Deploy suite properties (as {@code nbci deploy} writes them) and the metric each becomes. */
    public static final Map<String, String> DEPLOY_PROPERTIES = orderedMap(
            "files", "files", "uploaded", "files_uploaded", "bytesUploaded", "bytes_uploaded",
            "bytesReused", "bytes_reused");
    /** The prefix when none is given. */
    public static final String DEFAULT_PREFIX = "nbci";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private BuildMetrics() {
    }

    /** The metrics, all stamped with the end of the run (start + duration, or now when the start is unknown). */
    public static List<MetricSample> derive(RunResults results, String prefix) {
        long end = results.started() == null ? Instant.now().getEpochSecond()
                : results.started().plusMillis(results.durationMillis()).getEpochSecond();
        return derive(results, prefix, end);
    }

    public static List<MetricSample> derive(RunResults results, String prefix, long timestamp) {
        String root = checkPrefix(prefix) + "." + segment(results.command());
        List<MetricSample> metrics = new ArrayList<>();
        Sink sink = (name, value) -> metrics.add(new MetricSample(root + "." + name, value, timestamp));
        sink.put("duration_ms", results.durationMillis());
        sink.put("exit_code", results.exitCode().code());
        sink.put("success", results.exitCode() == ExitCode.OK ? 1 : 0);
        sink.put("cases.total", results.total());
        sink.put("cases.passed", results.count(Status.PASSED));
        sink.put("cases.failed", results.count(Status.FAILED));
        sink.put("cases.errors", results.count(Status.ERROR));
        sink.put("cases.skipped", results.count(Status.SKIPPED));
        sink.put("suites.total", results.suites().size());
        sink.put("suites.failed", results.suites().stream().filter(s -> !s.successful()).count());

        Set<String> used = new HashSet<>();
        Map<String, Long> deployTotals = new java.util.LinkedHashMap<>();
        boolean anyDeploy = false;
        for (SuiteResult suite : results.suites()) {
            long failed = suite.count(Status.FAILED) + suite.count(Status.ERROR);
            switch (suite.kind()) {
                case NOTEBOOK -> {
                    String name = "notebook." + unique(used, "notebook", segment(suite.name()));
                    sink.put(name + ".duration_ms", suite.durationMillis());
                    sink.put(name + ".cells", suite.cases().size());
                    sink.put(name + ".cells_failed", failed);
                }
                case SCENARIO -> {
                    for (CaseResult scenario : suite.cases()) {
                        String name = "scenario." + unique(used, "scenario", segment(scenario.name()));
                        sink.put(name + ".duration_ms", scenario.durationMillis());
                        sink.put(name + ".passed", scenario.status() == Status.PASSED ? 1 : 0);
                    }
                }
                case JUNIT -> {
                    String name = "junit." + unique(used, "junit", segment(suite.name()));
                    sink.put(name + ".duration_ms", suite.durationMillis());
                    sink.put(name + ".cases", suite.cases().size());
                    sink.put(name + ".failed", failed);
                }
                case DEPLOY -> {
                    anyDeploy = true;
                    String name = "deploy." + unique(used, "deploy", segment(suite.name()));
                    sink.put(name + ".duration_ms", suite.durationMillis());
                    for (Map.Entry<String, String> property : DEPLOY_PROPERTIES.entrySet()) {
                        Long value = number(suite.properties(), property.getKey());
                        if (value != null) {
                            sink.put(name + "." + property.getValue(), value);
                            deployTotals.merge(property.getValue(), value, Long::sum);
                        }
                    }
                }
                default -> throw new IllegalStateException(suite.kind().name());
            }
        }
        if (anyDeploy) {
            deployTotals.forEach((metric, total) -> sink.put("deploy." + metric, total));
        }
        return List.copyOf(metrics);
    }

    /** The Graphite plaintext protocol: one {@code path value timestamp} line per metric, newline-terminated. */
    public static String plaintext(List<MetricSample> metrics) {
        StringBuilder text = new StringBuilder();
        for (MetricSample metric : metrics) {
            text.append(metric.name()).append(' ').append(formatValue(metric.value())).append(' ')
                    .append(metric.timestamp()).append('\n');
        }
        return text.toString();
    }

    /** Whole numbers without a decimal point, others as plain decimals (never exponent notation). */
    public static String formatValue(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value).toLowerCase(Locale.ROOT);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** Checks a metrics prefix: dot-separated segments of letters, digits, {@code _} and {@code -}. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new NbciException(ExitCode.BAD_INPUT, "metrics prefix '" + prefix
                    + "': expected dot-separated segments of letters, digits, '_' or '-', e.g. ci.team.imagescore");
        }
        return prefix;
    }

    /** One Graphite path segment made from a free-form name. */
    public static String segment(String name) {
        String base = name == null ? "" : name.strip();
        base = base.replaceFirst("(?i)\\.(ipynb|py|ya?ml|xml)$", "");
        String cleaned = base.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (cleaned.length() > 120) {
            cleaned = cleaned.substring(0, 120);
        }
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    private static String unique(Set<String> used, String group, String name) {
        String candidate = name;
        for (int n = 2; !used.add(group + "." + candidate); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }

    private static Long number(Map<String, String> properties, String key) {
        String value = properties.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    @FunctionalInterface
    private interface Sink {
        void put(String name, double value);
    }
}

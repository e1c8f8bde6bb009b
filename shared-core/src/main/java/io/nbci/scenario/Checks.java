package io.nbci.scenario;

import io.nbci.results.CaseResult.Check;
import io.nbci.results.MetricSample;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Evaluates the expectations that need no cluster access: exit code, metrics, log lines; and
 * describes failed checks the way every scenario failure shows them.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Failed checks as the scenario failure detail and the JUnit 4 rule's AssertionError show them:
     * per check {@code [kind] target}, {@code expected:}, {@code actual:} and the message, one per line.
     */
    public static String describeFailed(List<Check> failed) {
        StringBuilder text = new StringBuilder();
        for (Check check : failed) {
            text.append("[").append(check.kind()).append("] ").append(check.target()).append('\n')
                    .append("  expected: ").append(check.expected()).append('\n')
                    .append("  actual:   ").append(check.actual()).append('\n');
            if (check.message() != null) {
                text.append("  ").append(check.message()).append('\n');
            }
        }
        return text.toString();
    }

    static Check exitCode(Expectation.ExitCodeIs expected, int actual) {
        boolean passed = expected.code() == actual;
        return new Check("exit-code", "exit code", passed, String.valueOf(expected.code()), String.valueOf(actual),
                passed ? null : "the job exited with " + actual + ", expected " + expected.code());
    }

    static Check metric(Expectation.Metric expected, List<MetricSample> captured) {
        MetricGlob glob = MetricGlob.of(expected.name());
        List<MetricSample> matching = captured.stream().filter(m -> glob.matches(m.name())).toList();
        String actualText = describe(matching);
        if (expected.count() != null) {
            boolean passed = matching.size() == expected.count();
            return new Check("metric", expected.name(), passed, expected.count() + " samples",
                    matching.size() + " samples" + (matching.isEmpty() ? "" : ": " + actualText),
                    passed ? null : "expected " + expected.count() + " samples of " + expected.name() + ", got "
                            + matching.size());
        }
        if (matching.isEmpty()) {
            String expectedText = expected.value() != null ? format(expected.value())
                    : expected.min() != null ? "[" + format(expected.min()) + ", " + format(expected.max()) + "]"
                    : "at least one sample";
            String near = captured.isEmpty() ? "no metrics were received at all"
                    : "received: " + captured.stream().map(MetricSample::name).distinct().limit(10)
                            .collect(Collectors.joining(", "));
            return new Check("metric", expected.name(), false, expectedText, "no sample",
                    "no metric matches " + expected.name() + "; " + near);
        }
        double last = matching.get(matching.size() - 1).value();
        if (expected.value() != null) {
            boolean passed = Math.abs(last - expected.value()) <= expected.tolerance();
            return new Check("metric", expected.name(), passed, format(expected.value()), format(last),
                    passed ? null : expected.name() + " was " + format(last) + ", expected " + format(expected.value()));
        }
        if (expected.min() != null) {
            boolean passed = last >= expected.min() - expected.tolerance() && last <= expected.max() + expected.tolerance();
            String range = "[" + format(expected.min()) + ", " + format(expected.max()) + "]";
            return new Check("metric", expected.name(), passed, range, format(last),
                    passed ? null : expected.name() + " was " + format(last) + ", outside " + range);
        }
        return new Check("metric", expected.name(), true, "at least one sample", actualText, null);
    }

    static Check log(Expectation.LogLine expected, String output) {
        String pattern = expected.pattern();
        int at;
        if (pattern.length() > 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
            Pattern regex;
            try {
                regex = Pattern.compile(pattern.substring(1, pattern.length() - 1), Pattern.MULTILINE);
            } catch (PatternSyntaxException e) {
                return new Check("log", pattern, false, "a valid regular expression", e.getDescription(),
                        expected.origin() + ": invalid regular expression: " + e.getDescription());
            }
            java.util.regex.Matcher matcher = regex.matcher(output);
            at = matcher.find() ? matcher.start() : -1;
        } else {
            at = output.indexOf(pattern);
        }
        boolean found = at >= 0;
        boolean passed = found == expected.present();
        String expectedText = (expected.present() ? "present: " : "absent: ") + pattern;
        String actualText = found ? "present" + excerpt(output, at) : "absent";
        return new Check("log", pattern, passed, expectedText, actualText,
                passed ? null : expected.present() ? "the job's output does not contain " + pattern
                        : "the job's output contains " + pattern);
    }

    /** The line of the output around position {@code at} (where a log pattern matched). */
    private static String excerpt(String output, int at) {
        int start = output.lastIndexOf('\n', at) + 1;
        int end = output.indexOf('\n', at);
        String line = output.substring(start, end < 0 ? output.length() : end);
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    private static String describe(List<MetricSample> samples) {
        return samples.stream().limit(10).map(m -> m.name() + "=" + format(m.value()))
                .collect(Collectors.joining(", ")) + (samples.size() > 10 ? ", ..." : "");
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}

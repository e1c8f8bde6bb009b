package io.nbci.report;

import io.nbci.common.AtomicFiles;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders {@link RunResults} as JUnit XML in the Ant/Surefire dialect that Jenkins' JUnit
 * plugin, Bamboo's JUnit parser and GitLab read: one {@code <testsuite>} per suite, one
 * {@code <testcase>} per case, failures and errors with message, type and detail text
 * (ANSI colour stripped, characters XML 1.0 forbids removed).
 */
public final class JUnitXmlWriter {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private JUnitXmlWriter() {
    }

    public static void write(RunResults results, Path file) {
        AtomicFiles.write(file, render(results));
    }

    public static String render(RunResults results) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"nbci ").append(attr(results.command())).append('"')
                .append(" tests=\"").append(results.total()).append('"')
                .append(" failures=\"").append(results.count(Status.FAILED)).append('"')
                .append(" errors=\"").append(results.count(Status.ERROR)).append('"')
                .append(" skipped=\"").append(results.count(Status.SKIPPED)).append('"')
                .append(" time=\"").append(seconds(results.durationMillis())).append("\">\n");
        for (SuiteResult suite : results.suites()) {
            renderSuite(xml, suite, results);
        }
        xml.append("</testsuites>\n");
        return xml.toString();
    }

    private static void renderSuite(StringBuilder xml, SuiteResult suite, RunResults results) {
        xml.append("  <testsuite name=\"").append(attr(suite.name())).append('"')
                .append(" tests=\"").append(suite.cases().size()).append('"')
                .append(" failures=\"").append(suite.count(Status.FAILED)).append('"')
                .append(" errors=\"").append(suite.count(Status.ERROR)).append('"')
                .append(" skipped=\"").append(suite.count(Status.SKIPPED)).append('"')
                .append(" time=\"").append(seconds(suite.durationMillis())).append('"');
        if (results.started() != null) {
            xml.append(" timestamp=\"")
                    .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            results.started().truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC)))
                    .append('"');
        }
        xml.append(">\n");
        if (!suite.properties().isEmpty()) {
            xml.append("    <properties>\n");
            suite.properties().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(p ->
                    xml.append("      <property name=\"").append(attr(p.getKey())).append("\" value=\"")
                            .append(attr(p.getValue())).append("\"/>\n"));
            xml.append("    </properties>\n");
        }
        for (CaseResult testCase : suite.cases()) {
            renderCase(xml, suite, testCase);
        }
        xml.append("  </testsuite>\n");
    }

    private static void renderCase(StringBuilder xml, SuiteResult suite, CaseResult testCase) {
        String className = testCase.className() != null ? testCase.className() : suite.name();
        xml.append("    <testcase name=\"").append(attr(testCase.name())).append('"')
                .append(" classname=\"").append(attr(className)).append('"')
                .append(" time=\"").append(seconds(testCase.durationMillis())).append('"');
        boolean hasBody = testCase.status() != Status.PASSED || testCase.output() != null;
        if (!hasBody) {
            xml.append("/>\n");
            return;
        }
        xml.append(">\n");
        Failure failure = testCase.failure();
        switch (testCase.status()) {
            case FAILED:
                element(xml, "failure", failure);
                break;
            case ERROR:
                element(xml, "error", failure);
                break;
            case SKIPPED:
                xml.append("      <skipped");
                if (failure != null && failure.message() != null) {
                    xml.append(" message=\"").append(attr(failure.message())).append('"');
                }
                xml.append("/>\n");
                break;
            default:
                break;
        }
        if (testCase.output() != null) {
            xml.append("      <system-out>").append(text(testCase.output())).append("</system-out>\n");
        }
        xml.append("    </testcase>\n");
    }

    private static void element(StringBuilder xml, String name, Failure failure) {
        xml.append("      <").append(name);
        if (failure == null) {
            xml.append("/>\n");
            return;
        }
        if (failure.message() != null) {
            xml.append(" message=\"").append(attr(failure.message())).append('"');
        }
        if (failure.type() != null) {
            xml.append(" type=\"").append(attr(failure.type())).append('"');
        }
        xml.append('>');
        StringBuilder body = new StringBuilder();
        if (failure.cellIndex() != null) {
            body.append("cell ").append(failure.cellIndex()).append('\n');
        }
        if (failure.expected() != null || failure.actual() != null) {
            body.append("expected: ").append(failure.expected()).append('\n')
                    .append("actual:   ").append(failure.actual()).append('\n');
        }
        if (failure.detail() != null) {
            body.append(failure.detail());
        }
        xml.append(text(body.toString())).append("</").append(name).append(">\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Removes ANSI escape sequences (coloured tracebacks) from text. */
    public static String stripAnsi(String text) {
        return text == null ? null : ANSI.matcher(text).replaceAll("");
    }

    private static String attr(String value) {
        return escape(value, true);
    }

    private static String text(String value) {
        return escape(value, false);
    }

    private static String escape(String raw, boolean attribute) {
        if (raw == null) {
            return "";
        }
        String value = stripAnsi(raw);
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append(attribute ? "&quot;" : "\""); break;
                case '\n': out.append(attribute ? "&#10;" : "\n"); break;
                case '\r': out.append(attribute ? "&#13;" : "\r"); break;
                case '\t': out.append(attribute ? "&#9;" : "\t"); break;
                default:
                    boolean allowed = (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                            || (cp >= 0x10000 && cp <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
            }
        }
        return out.toString();
    }
}

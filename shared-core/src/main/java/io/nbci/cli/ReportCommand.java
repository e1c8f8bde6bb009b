package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.report.HtmlReport;
import io.nbci.report.ReportInputs;
import io.nbci.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci report RESULTS... -o report.html}: one self-contained HTML page from one or more results files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders results files as one self-contained HTML report.",
            "Shows the summary, what failed (linked), executed notebooks with their outputs, scenarios",
            "with fixtures, expected vs actual and metrics, and duration charts; no script, no external",
            "assets. Several results files (e.g. of parallel CI stages) are merged into one page."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "results JSON files written by run, test or deploy")
    List<Path> results;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the HTML file to write")
    Path output;

    @Override
    public Integer call() {
        Path base = output.toAbsolutePath().getParent();
        RunResults merged = ReportInputs.read(results, base);
        HtmlReport.withDefaults().write(merged, base, output);
        options.log().info("report: " + output + " (" + merged.summary() + ")");
        return ExitCode.OK.code();
    }
}

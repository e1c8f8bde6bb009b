package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.notebook.NotebookPairs;
import io.nbci.notebook.Pairing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nbci pair check [PATHS]}: fails when a notebook and its script disagree. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that every notebook under PATHS agrees with its paired py:percent script:",
            "same cells, cell types, sources, tags and cell metadata (outputs, execution counts, ids,",
            "volatile metadata and blank lines are not compared). Each differing cell is reported as",
            "script.py:LINE with the notebook cell index and a short diff; notebooks without a script",
            "are listed (and fail), scripts without a notebook are listed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every pair agrees", "1:a pair differs or a notebook has no script",
            "2:bad usage, a file that cannot be read, or an invalid nbci.yaml"})
public final class PairCheckCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(arity = "0..*", paramLabel = "PATHS",
            description = "Notebooks, scripts or folders to check (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        LogSink log = options.log();
        Pairing pairing = Pairing.discover(paths);
        Pairing.Scan scan = pairing.scan(paths.isEmpty() ? List.of(Path.of("")) : paths);
        List<NotebookPairs.PairReport> reports = scan.pairs().parallelStream().map(NotebookPairs::check).toList();

        int differing = 0;
        int unreadable = 0;
        for (NotebookPairs.PairReport report : reports) {
            if (report.error() != null) {
                unreadable++;
                log.error(report.error());
                continue;
            }
            if (report.differences().isEmpty()) {
                log.debug("agree: " + Display.path(report.pair().notebook()) + " <-> "
                        + Display.path(report.pair().script()));
                continue;
            }
            differing++;
            String script = Display.path(report.pair().script());
            String notebook = Display.path(report.pair().notebook());
            for (NotebookPairs.CellDifference difference : report.differences()) {
                String cell = difference.notebookCell() == null ? notebook
                        : notebook + " cell " + difference.notebookCell();
                log.info(script + ":" + difference.scriptLine() + ": " + cell + ": " + difference.what());
                difference.diff().forEach(line -> log.info("    " + line));
            }
        }
        for (Path notebook : scan.unpairedNotebooks()) {
            log.info(Display.path(notebook) + ": no paired script (expected "
                    + Display.path(pairing.twinOf(notebook).orElseThrow()) + "; create it with: nbci pair sync --from ipynb "
                    + Display.path(notebook) + ")");
        }
        for (Path script : scan.unpairedScripts()) {
            log.info(Display.path(script) + ": no paired notebook (expected "
                    + Display.path(pairing.twinOf(script).orElseThrow()) + ")");
        }
        int pairs = reports.size();
        log.info(pairs + (pairs == 1 ? " pair" : " pairs") + " checked: " + (pairs - differing - unreadable)
                + " agree, " + differing + " differ, " + unreadable + " unreadable; "
                + scan.unpairedNotebooks().size() + " notebooks without a script, "
                + scan.unpairedScripts().size() + " scripts without a notebook");
        if (unreadable > 0) {
            return ExitCode.BAD_INPUT.code();
        }
        if (differing > 0 || !scan.unpairedNotebooks().isEmpty()) {
            return ExitCode.FAILED.code();
        }
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookException;
import io.nbci.notebook.NotebookHygiene;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nbci lint [PATHS]}: fails on notebooks that were not run top to bottom. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Fails on a notebook whose recorded execution counts do not increase from top to",
            "bottom, that is, one whose outputs do not come from a clean run in order. The cells are named."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every notebook was run top to bottom (or not run)", "1:a notebook ran out of order",
            "2:bad usage or a notebook that cannot be read"})
public final class LintCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(arity = "0..*", paramLabel = "PATHS",
            description = "Notebooks or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        LogSink log = options.log();
        List<Path> notebooks = NotebookHygiene.notebooksUnder(paths.isEmpty() ? List.of(Path.of("")) : paths);
        int outOfOrder = 0;
        int unreadable = 0;
        for (Path file : notebooks) {
            try {
                List<NotebookHygiene.OrderProblem> problems = NotebookHygiene.executionOrder(Notebook.read(file));
                if (problems.isEmpty()) {
                    continue;
                }
                outOfOrder++;
                for (NotebookHygiene.OrderProblem problem : problems) {
                    log.info(Display.path(file) + ": " + problem.message());
                }
                log.info(Display.path(file) + ": not run top to bottom; restart the kernel and run all cells");
            } catch (NotebookException e) {
                unreadable++;
                log.error(e.getMessage());
            }
        }
        log.info(notebooks.size() + " notebooks: " + outOfOrder + " run out of order"
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        if (unreadable > 0) {
            return ExitCode.BAD_INPUT.code();
        }
        return outOfOrder > 0 ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }
}

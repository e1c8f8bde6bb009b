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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci strip [--check] [PATHS]}: removes outputs, execution counts and volatile metadata. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = {"Removes outputs, execution counts and volatile metadata (cell timings, collapsed,",
            "scrolled, trusted; notebook signature and widget state) from notebooks, in place.",
            "With --check nothing is written: the notebooks that would change are listed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stripped (or, with --check, nothing to strip)", "1:--check found notebooks to strip",
            "2:bad usage or a notebook that cannot be read"})
public final class StripCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--check", description = "Only report notebooks that have something to strip, and fail.")
    boolean check;

    @Parameters(arity = "0..*", paramLabel = "PATHS",
            description = "Notebooks or folders (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        LogSink log = options.log();
        List<Path> notebooks = NotebookHygiene.notebooksUnder(paths.isEmpty() ? List.of(Path.of("")) : paths);
        int dirty = 0;
        int unreadable = 0;
        for (Path file : notebooks) {
            try {
                Notebook notebook = Notebook.read(file);
                if (!NotebookHygiene.strip(notebook)) {
                    continue;
                }
                dirty++;
                if (check) {
                    log.info(Display.path(file) + ": has outputs, execution counts or volatile metadata");
                } else {
                    notebook.write(file);
                    log.info("stripped " + Display.path(file));
                }
            } catch (NotebookException e) {
                unreadable++;
                log.error(e.getMessage());
            }
        }
        log.info(notebooks.size() + " notebooks: " + dirty + (check ? " to strip" : " stripped")
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        if (unreadable > 0) {
            return ExitCode.BAD_INPUT.code();
        }
        return check && dirty > 0 ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }
}

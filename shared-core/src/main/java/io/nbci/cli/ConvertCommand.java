package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.notebook.NotebookException;
import io.nbci.notebook.NotebookFiles;
import io.nbci.notebook.NotebookPairs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci convert INPUT --to py|ipynb [-o OUTPUT]}: one notebook from .ipynb to py:percent or back. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts a notebook to a py:percent script (--to py) or a script to a notebook (--to ipynb).",
            "When the output notebook exists, outputs and execution counts of unchanged cells are kept;",
            "an output file that cannot be parsed is never overwritten."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:converted (or already up to date)", "2:bad usage or an input that cannot be read"})
public final class ConvertCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The .ipynb or .py file to convert.")
    Path input;

    @Option(names = "--to", required = true, paramLabel = "py|ipynb", description = "The format to write: py or ipynb.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
            description = "Where to write (default: INPUT with the other extension, next to it).")
    Path output;

    @Override
    public Integer call() {
        LogSink log = options.log();
        NotebookFiles.Format target;
        switch (to) {
            case "py": target = NotebookFiles.Format.PY_PERCENT; break;
            case "ipynb": target = NotebookFiles.Format.IPYNB; break;
            default: throw new NotebookException("--to: expected py or ipynb, found \"" + to + "\"");
        }
        NotebookFiles.Format source = NotebookFiles.formatOf(input);
        if (source == target) {
            throw new NotebookException(input + " is already a " + target.extension() + " file; use --to "
                    + (target == NotebookFiles.Format.IPYNB ? "py" : "ipynb"));
        }
        Path destination = output;
        if (destination == null) {
            String name = input.getFileName().toString();
            destination = input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + target.extension());
        } else if (NotebookFiles.formatOf(destination) != target) {
            throw new NotebookException("-o " + destination + ": expected a " + target.extension() + " file for --to " + to);
        }
        NotebookPairs.SyncOutcome outcome = target == NotebookFiles.Format.IPYNB
                ? NotebookPairs.syncFromScript(input, destination)
                : NotebookPairs.syncFromNotebook(input, destination);
        log.info(outcome == NotebookPairs.SyncOutcome.UNCHANGED
                ? Display.path(destination) + " is up to date"
                : "wrote " + Display.path(destination));
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.notebook.NotebookException;
import io.nbci.notebook.NotebookPairs;
import io.nbci.notebook.Pairing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nbci pair sync --from py|ipynb [PATHS]}: rewrites one side of each pair from the other. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Rewrites the other side of every pair under PATHS from the side named by --from.",
            "--from py rewrites notebooks, keeping the outputs of unchanged cells; --from ipynb rewrites",
            "scripts. A missing twin is created. A file that cannot be parsed is never overwritten."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every pair is in sync", "2:bad usage, or a file that cannot be read or overwritten"})
public final class PairSyncCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--from", required = true, paramLabel = "py|ipynb",
            description = "The side that is right: py (scripts) or ipynb (notebooks).")
    String from;

    @Parameters(arity = "0..*", paramLabel = "PATHS",
            description = "Notebooks, scripts or folders to sync (default: the current folder).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        LogSink log = options.log();
        boolean fromScript;
        switch (from) {
            case "py": fromScript = true; break;
            case "ipynb": fromScript = false; break;
            default: throw new NotebookException("--from: expected py or ipynb, found \"" + from + "\"");
        }
        Pairing pairing = Pairing.discover(paths);
        Pairing.Scan scan = pairing.scan(paths.isEmpty() ? List.of(Path.of("")) : paths);
        List<Pairing.Pair> work = new ArrayList<>(scan.pairs());
        if (fromScript) {
            scan.unpairedScripts().forEach(s -> work.add(new Pairing.Pair(pairing.twinOf(s).orElseThrow(), s)));
        } else {
            scan.unpairedNotebooks().forEach(n -> work.add(new Pairing.Pair(n, pairing.twinOf(n).orElseThrow())));
        }
        int failed = 0;
        int unchanged = 0;
        for (Pairing.Pair pair : work) {
            Path target = fromScript ? pair.notebook() : pair.script();
            try {
                NotebookPairs.SyncOutcome outcome = fromScript
                        ? NotebookPairs.syncFromScript(pair.script(), pair.notebook())
                        : NotebookPairs.syncFromNotebook(pair.notebook(), pair.script());
                switch (outcome) {
                    case CREATED: log.info("created " + Display.path(target)); break;
                    case UPDATED: log.info("updated " + Display.path(target)); break;
                    default: unchanged++; log.debug("unchanged " + Display.path(target));
                }
            } catch (NotebookException e) {
                failed++;
                log.error(e.getMessage());
            }
        }
        log.info(work.size() + (work.size() == 1 ? " pair" : " pairs") + " synced from " + from + ": "
                + (work.size() - unchanged - failed) + " written, " + unchanged + " already in sync, " + failed
                + " refused");
        return failed > 0 ? ExitCode.BAD_INPUT.code() : ExitCode.OK.code();
    }
}

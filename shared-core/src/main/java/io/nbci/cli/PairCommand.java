package io.nbci.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code nbci pair}: the group of pairing commands (check, sync). */
@Command(name = "pair", mixinStandardHelpOptions = true,
        description = {"Keeps notebooks and their py:percent twins in agreement.",
            "Pairs come from the 'pairs:' section of nbci.yaml (glob pairs such as",
            "'notebooks/**/*.ipynb <-> jobs/**/*.py'); otherwise a notebook pairs with the .py",
            "of the same name in the same folder."},
        subcommands = {PairCheckCommand.class, PairSyncCommand.class})
public final class PairCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or sync");
    }
}

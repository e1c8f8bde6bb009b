package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.deploy.DeployTarget;
import io.nbci.deploy.Deployer;
import io.nbci.deploy.TargetConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci rollback}: switches a target's live pointer back to an earlier release, atomically. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Switch the live release of a target back (to the release before the live one, or --to ID).")
public final class RollbackCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--to", paramLabel = "ID", description = "Release to make live (default: the one before the live one).")
    String to;

    @Override
    public Integer call() {
        DeployTarget target = targetOptions.resolve();
        try (TargetConnection connection = TargetConnection.open(target, options.log())) {
            new Deployer(connection, options.log()).rollback(to);
        }
        return ExitCode.OK.code();
    }
}

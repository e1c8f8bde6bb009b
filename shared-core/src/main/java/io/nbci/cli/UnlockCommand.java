package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.deploy.DeployTarget;
import io.nbci.deploy.Deployer;
import io.nbci.deploy.TargetConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nbci unlock}: breaks a stale deploy lock (a deploy that died on another host). */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Remove a target's deploy lock, printing who held it. Only for a lock whose deploy is dead: "
                + "a running deploy loses its protection."})
public final class UnlockCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    TargetOptions targetOptions;

    @Override
    public Integer call() {
        DeployTarget target = targetOptions.resolve();
        try (TargetConnection connection = TargetConnection.open(target, options.log())) {
            new Deployer(connection, options.log()).unlock();
        }
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.localcluster.ClusterException;
import io.nbci.localcluster.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster status}: whether a local cluster runs, and its connection details. Exit 0 running, 3 not. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {"Show whether the local cluster runs and how to reach it.",
    "Exit code 0 when it runs, 3 when it does not."})
public final class ClusterStatusCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = ".nbci/cluster",
            description = "Working folder the cluster was started with (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() {
        LocalCluster cluster;
        try {
            cluster = LocalCluster.attach(work);
        } catch (ClusterException e) {
            options.log().info("not running (no cluster in " + work.toAbsolutePath() + ")");
            return ExitCode.INFRASTRUCTURE.code();
        }
        if (!cluster.isRunning()) {
            options.log().info("not running (last started from " + work.toAbsolutePath() + "; log: "
                    + cluster.getLogFile() + ")");
            return ExitCode.INFRASTRUCTURE.code();
        }
        options.log().info("running (pid " + cluster.pid().orElse(-1) + ")");
        ClusterUpCommand.print(options.log(), cluster, null);
        return ExitCode.OK.code();
    }
}

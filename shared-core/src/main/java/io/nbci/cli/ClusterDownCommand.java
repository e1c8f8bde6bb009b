package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.localcluster.ClusterException;
import io.nbci.localcluster.LocalCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster down}: stops a cluster started with {@code nbci cluster up --detach}. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the local cluster running from the working folder.")
public final class ClusterDownCommand implements Callable<Integer> {

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
            if (e.exitCode() == ExitCode.BAD_INPUT) {
                options.log().info("no local cluster runs from " + work.toAbsolutePath());
                return ExitCode.OK.code();
            }
            throw e;
        }
        cluster.stop();
        options.log().info("local cluster stopped (" + work.toAbsolutePath() + ")");
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.localcluster.LocalCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster reset}: returns a running local cluster to empty. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Empty the running local cluster: drop non-default databases and the tables "
        + "of default, delete HDFS content, forget captured metrics.")
public final class ClusterResetCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = ".nbci/cluster",
            description = "Working folder the cluster was started with (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() {
        Duration took = LocalCluster.attach(work).reset();
        options.log().info("local cluster reset in " + took.toMillis() + " ms");
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nbci cluster}: the local HDFS, Hive and Graphite sink (see docs/local-cluster.md). */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a throwaway local HDFS, HiveServer2 and Graphite sink (docs/local-cluster.md).",
        subcommands = {
            ClusterUpCommand.class,
            ClusterDownCommand.class,
            ClusterStatusCommand.class,
            ClusterResetCommand.class,
            ClusterFetchCommand.class,
            ClusterPruneCommand.class,
        })
public final class ClusterCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: up, down, status, reset, fetch or prune");
    }
}

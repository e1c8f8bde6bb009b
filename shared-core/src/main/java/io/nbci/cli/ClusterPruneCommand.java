package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.localcluster.ContainerPrune;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci cluster prune}: removes containers and networks a killed nbci left on the Docker host. */
@Command(name = "prune", description = {
    "Remove the containers and networks nbci created (label io.nbci.managed=true) whose owner process",
    "on this machine is gone. --all removes every nbci container and network, detached clusters included."})
public final class ClusterPruneCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Option(names = "--all", description = "Also remove live, detached and other machines' nbci containers.")
    boolean all;

    @Option(names = "--docker-host", paramLabel = "URL", description = "Docker API address (default: DOCKER_HOST).")
    String dockerHost;

    @Override
    public Integer call() {
        ContainerPrune.Pruned pruned = ContainerPrune.prune(dockerHost, all, options.log());
        options.log().info("pruned " + pruned.containers().size() + " container(s) and " + pruned.networks().size()
                + " network(s)");
        return ExitCode.OK.code();
    }
}

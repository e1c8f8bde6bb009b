package io.nbci.cli;

import io.nbci.deploy.DeployTarget;
import io.nbci.deploy.DeployTargets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that pick a deploy target (mixed into deploy, releases, rollback, unlock). */
public final class TargetOptions {

    @Option(names = "--target", required = true, paramLabel = "NAME", description = "Target name in the targets file.")
    String target;

    @Option(names = "--targets", paramLabel = "PATH", description = "Targets file (default: ./"
            + DeployTargets.DEFAULT_FILE + ").")
    Path targets;

    DeployTarget resolve() {
        Path file = targets != null ? targets : Path.of(DeployTargets.DEFAULT_FILE);
        return DeployTargets.parse(file).get(target);
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.status.StatusState;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbci status}: posts one commit status (pending, success, failure or error). */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Posts a commit status to GitHub, Bitbucket Data Center, Bitbucket Cloud or GitLab.",
            "The token comes from an environment variable or a file, never from the command line."},
        footer = {"%nExample:%n  GITHUB_TOKEN=... nbci status --provider github --state pending --context nbci/notebooks"})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    StatusTargetOptions target;

    @Option(names = "--state", required = true, paramLabel = "STATE", description = "pending, success, failure or error.")
    String state;

    @Option(names = "--description", paramLabel = "TEXT",
            description = "A short summary; cut to the provider's limit (GitHub 140 characters, the others 255).")
    String description;

    @Override
    public Integer call() {
        StatusSetup setup = StatusSetup.prepare(target, StatusState.parse(state), description, options.log(),
                System.getenv(), Path.of("").toAbsolutePath());
        setup.publisher.publish(setup.status);
        return ExitCode.OK.code();
    }
}

package io.nbci.cli;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.deploy.DeployTarget;
import io.nbci.deploy.Deployer;
import io.nbci.deploy.ReleaseInfo;
import io.nbci.deploy.TargetConnection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nbci releases}: lists a target's releases, newest first, the live one marked with '*'. */
@Command(name = "releases", mixinStandardHelpOptions = true,
        description = "List the releases of a target, newest first; '*' marks the live one.")
public final class ReleasesCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions options;

    @Mixin
    TargetOptions targetOptions;

    @Override
    public Integer call() {
        LogSink log = options.log();
        DeployTarget target = targetOptions.resolve();
        try (TargetConnection connection = TargetConnection.open(target, log)) {
            Deployer deployer = new Deployer(connection, log);
            List<ReleaseInfo> releases = deployer.releases();
            DeployTarget.Layout layout = deployer.layout();
            log.info("releases of " + target.name() + " (" + target.location() + ", layout "
                    + layout.name().toLowerCase(Locale.ROOT) + (layout == DeployTarget.Layout.AUTO
                            ? ": decided by the first deploy" : "") + "), live pointer "
                    + deployer.currentPointer().toUri().getPath() + ":");
            log.info(String.format(Locale.ROOT, "  %-42s %-30s %6s %10s  %-12s %s", "RELEASE", "CREATED", "FILES",
                    "BYTES", "COMMIT", "BY"));
            for (ReleaseInfo release : releases) {
                log.info(String.format(Locale.ROOT, "%s %-42s %-30s %6d %10d  %-12s %s%s", release.live() ? "*" : " ",
                        release.id(), release.created(), release.files(), release.bytes(),
                        release.commit() == null ? "-" : release.commit().substring(0,
                                Math.min(12, release.commit().length())),
                        release.createdBy() == null ? "-" : release.createdBy(),
                        release.complete() ? "" : "  (no manifest: not an nbci release)"));
            }
            if (releases.isEmpty()) {
                log.info("  (none)");
            }
            releases.stream().filter(ReleaseInfo::live).findFirst().ifPresent(live -> log.info("jobs read the live "
                    + "release under " + deployer.releasePath(live.id()).toUri().getPath() + "/"));
        }
        return ExitCode.OK.code();
    }
}

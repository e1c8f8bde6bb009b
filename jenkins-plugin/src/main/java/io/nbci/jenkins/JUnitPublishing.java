package io.nbci.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.junit.JUnitResultArchiver;
import java.io.IOException;

/**
 * Hands JUnit XML to the junit plugin (an optional dependency). Only loaded when that
 * plugin is active, so the nbci plugin works without it. The build result stays nbci's
 * decision ({@code io.nbci.launch.Outcome}): the archiver is told not to mark the build.
 */
final class JUnitPublishing {
    private JUnitPublishing() {
    }

    static void publish(String globs, Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher,
            TaskListener listener) throws IOException, InterruptedException {
        JUnitResultArchiver archiver = new JUnitResultArchiver(globs);
        archiver.setAllowEmptyResults(true);
        archiver.setSkipMarkingBuildUnstable(true);
        archiver.setSkipPublishingChecks(true);
        archiver.perform(run, workspace, env, launcher, listener);
    }
}

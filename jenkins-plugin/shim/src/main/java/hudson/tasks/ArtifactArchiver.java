/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of Jenkins core 2.541.3 LTS. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package hudson.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;

public class ArtifactArchiver extends Recorder implements SimpleBuildStep {
    public ArtifactArchiver(String artifacts) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final void setAllowEmptyArchive(boolean allowEmptyArchive) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public void perform(Run<?, ?> build, FilePath ws, EnvVars environment, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}

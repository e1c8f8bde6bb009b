/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of the junit plugin 1418.v67a_81935603c (optional dependency). It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package hudson.tasks.junit;

import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Recorder;
import jenkins.tasks.SimpleBuildStep;

public class JUnitResultArchiver extends Recorder implements SimpleBuildStep {
    public JUnitResultArchiver(String testResults) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final void setAllowEmptyResults(boolean allowEmptyResults) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setSkipMarkingBuildUnstable(boolean skipMarkingBuildUnstable) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setSkipPublishingChecks(boolean skipPublishingChecks) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}

package io.nbci.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.nbci.common.NbciException;
import io.nbci.launch.Check;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import io.nbci.launch.Validation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Base of the nbci build steps. Each subclass only translates its form fields into one core
 * config object ({@code io.nbci.launch}); running it on the agent, logging, publishing and
 * mapping the exit code are the same for all. With their {@code @Symbol} names the steps are
 * also pipeline steps ({@code nbciRunNotebooks(...)}, {@code nbciTest(...)}, ...).
 */
public abstract class NbciBuilder extends Builder implements SimpleBuildStep {

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        JenkinsHost host = JenkinsHost.jenkins();
        Inputs inputs = new Inputs(run, workspace, env, host, new ArrayList<>());
        Outcome outcome;
        try {
            NbciInvocation invocation;
            try {
                invocation = invocation(inputs);
            } catch (NbciException e) {
                throw new AbortException("nbci: " + getClass().getSimpleName() + ": " + e.getMessage());
            }
            outcome = new NbciProcess(host).run(invocation, run, workspace, env, launcher, listener);
        } finally {
            for (FilePath file : inputs.toDelete()) {
                file.delete();
            }
        }
        NbciProcess.apply(outcome, run::setResult);
    }

    /** The invocation this step runs; may copy credential files to the agent first. */
    abstract NbciInvocation invocation(Inputs context) throws IOException, InterruptedException;

    /**
     * What a step may use to build its invocation; files it adds to {@code toDelete} (credential
     * copies on the agent) are removed when the step ends, also on failure.
     */
    record Inputs(Run<?, ?> run, FilePath workspace, EnvVars env, JenkinsHost host, List<FilePath> toDelete) {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Base of the steps' descriptors: applicable to every project type, form checks behind a permission check. */
    public abstract static class NbciBuilderDescriptor extends BuildStepDescriptor<Builder> {
        private transient JenkinsHost host;

        protected NbciBuilderDescriptor() {
        }

        /** For tests: a descriptor over a fake host. */
        NbciBuilderDescriptor(Class<? extends Builder> type, JenkinsHost host) {
            super(type);
            this.host = host;
        }

        JenkinsHost host() {
            return host != null ? host : JenkinsHost.jenkins();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends hudson.model.AbstractProject> jobType) {
            return true;
        }

        /** Answers a form check for someone allowed to configure {@code item}. */
        FormValidation check(Item item, Check check) {
            host().checkConfigure(item);
            return Forms.of(check);
        }
    }

    /**
     * Base of the descriptors of the steps that write an output folder, a JUnit file and a
     * results file: the form checks of those three fields.
     */
    public abstract static class ReportingDescriptor extends NbciBuilderDescriptor {

        protected ReportingDescriptor() {
        }

        /** For tests: a descriptor over a fake host. */
        ReportingDescriptor(Class<? extends Builder> type, JenkinsHost host) {
            super(type, host);
        }

        @POST
        public FormValidation doCheckOutputDir(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckJunitFile(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckResultsFile(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }
    }
}

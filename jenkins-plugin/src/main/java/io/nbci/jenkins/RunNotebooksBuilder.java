package io.nbci.jenkins;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.RunNotebooksConfig;
import io.nbci.launch.Validation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step "Run notebooks with nbci": {@code nbci run} for one notebook, {@code nbci run-all}
 * for a folder or glob, on the build's agent. Pipeline: {@code nbciRunNotebooks input: '...'}.
 */
public final class RunNotebooksBuilder extends NbciBuilder {
    private final String input;
    private String outputDir;
    private String parameters;
    private String parametersFile;
    private String kernel;
    private String workingDir;
    private String cellTimeout;
    private String startTimeout;
    private String jobs;
    private boolean logOutput;
    private String junitFile;
    private String resultsFile;
    private boolean unstableOnFailure;

    @DataBoundConstructor
    public RunNotebooksBuilder(String input) {
        this.input = input;
    }

    /** The one translation: form fields to the core config. */
    public RunNotebooksConfig toConfig() {
        return RunNotebooksConfig.builder().input(input).outputDir(outputDir).parameters(parameters)
                .parametersFile(parametersFile).kernel(kernel).workingDir(workingDir).cellTimeout(cellTimeout)
                .startTimeout(startTimeout).jobs(jobs).logOutput(logOutput).junitFile(junitFile)
                .resultsFile(resultsFile).unstableOnFailure(unstableOnFailure).build();
    }

    @Override
    NbciInvocation invocation(Inputs context) {
        return toConfig().toInvocation();
    }

    public String getInput() {
        return input;
    }

    public String getOutputDir() {
        return outputDir;
    }

    @DataBoundSetter
    public void setOutputDir(String outputDir) {
        this.outputDir = blankToNull(outputDir);
    }

    public String getParameters() {
        return parameters;
    }

    @DataBoundSetter
    public void setParameters(String parameters) {
        this.parameters = blankToNull(parameters);
    }

    public String getParametersFile() {
        return parametersFile;
    }

    @DataBoundSetter
    public void setParametersFile(String parametersFile) {
        this.parametersFile = blankToNull(parametersFile);
    }

    public String getKernel() {
        return kernel;
    }

    @DataBoundSetter
    public void setKernel(String kernel) {
        this.kernel = blankToNull(kernel);
    }

    public String getWorkingDir() {
        return workingDir;
    }

    @DataBoundSetter
    public void setWorkingDir(String workingDir) {
        this.workingDir = blankToNull(workingDir);
    }

    public String getCellTimeout() {
        return cellTimeout;
    }

    @DataBoundSetter
    public void setCellTimeout(String cellTimeout) {
        this.cellTimeout = blankToNull(cellTimeout);
    }

    public String getStartTimeout() {
        return startTimeout;
    }

    @DataBoundSetter
    public void setStartTimeout(String startTimeout) {
        this.startTimeout = blankToNull(startTimeout);
    }

    public String getJobs() {
        return jobs;
    }

    @DataBoundSetter
    public void setJobs(String jobs) {
        this.jobs = blankToNull(jobs);
    }

    public boolean isLogOutput() {
        return logOutput;
    }

    @DataBoundSetter
    public void setLogOutput(boolean logOutput) {
        this.logOutput = logOutput;
    }

    public String getJunitFile() {
        return junitFile;
    }

    @DataBoundSetter
    public void setJunitFile(String junitFile) {
        this.junitFile = blankToNull(junitFile);
    }

    public String getResultsFile() {
        return resultsFile;
    }

    @DataBoundSetter
    public void setResultsFile(String resultsFile) {
        this.resultsFile = blankToNull(resultsFile);
    }

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /** Form, help and validation of the step. */
    @Extension
    @Symbol("nbciRunNotebooks")
    public static final class DescriptorImpl extends ReportingDescriptor {
        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host) {
            super(RunNotebooksBuilder.class, host);
        }

        @Override
        public String getDisplayName() {
            return "Run notebooks with nbci";
        }

        @POST
        public FormValidation doCheckInput(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.notebookInput(value));
        }

        @POST
        public FormValidation doCheckParameters(@AncestorInPath Item item, @QueryParameter String value) {
            host().checkConfigure(item);
            try {
                RunNotebooksConfig.builder().parameters(value);
                return FormValidation.ok();
            } catch (io.nbci.launch.LaunchConfigException e) {
                return FormValidation.error(e.problem());
            }
        }

        @POST
        public FormValidation doCheckParametersFile(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckKernel(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.kernelName(value));
        }

        @POST
        public FormValidation doCheckWorkingDir(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckCellTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.timeoutSeconds(value));
        }

        @POST
        public FormValidation doCheckStartTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.timeoutSeconds(value));
        }

        @POST
        public FormValidation doCheckJobs(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.jobs(value));
        }
    }
}

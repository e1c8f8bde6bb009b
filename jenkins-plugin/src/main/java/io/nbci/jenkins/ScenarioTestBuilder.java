package io.nbci.jenkins;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.ScenarioTestConfig;
import io.nbci.launch.Validation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step "Run nbci integration scenarios": {@code nbci test} on the embedded local
 * Hive/HDFS (resolved on the agent on first use) or on an existing cluster.
 * Pipeline: {@code nbciTest paths: 'scenarios/*.yaml'}.
 */
public final class ScenarioTestBuilder extends NbciBuilder {
    private String paths;
    private String backend;
    private String hiveJdbcUrl;
    private String hdfsUri;
    private String scratchPrefix;
    private String outputDir;
    private String junitFile;
    private String resultsFile;
    private boolean unstableOnFailure;

    @DataBoundConstructor
    public ScenarioTestBuilder() {
    }

    /** The one translation: form fields to the core config. */
    public ScenarioTestConfig toConfig() {
        return ScenarioTestConfig.builder().paths(paths).backend(backend).hiveJdbcUrl(hiveJdbcUrl).hdfsUri(hdfsUri)
                .scratchPrefix(scratchPrefix).outputDir(outputDir).junitFile(junitFile).resultsFile(resultsFile)
                .unstableOnFailure(unstableOnFailure).build();
    }

    @Override
    NbciInvocation invocation(Inputs context) {
        return toConfig().toInvocation();
    }

    public String getPaths() {
        return paths;
    }

    @DataBoundSetter
    public void setPaths(String paths) {
        this.paths = blankToNull(paths);
    }

    public String getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = blankToNull(backend);
    }

    public String getHiveJdbcUrl() {
        return hiveJdbcUrl;
    }

    @DataBoundSetter
    public void setHiveJdbcUrl(String hiveJdbcUrl) {
        this.hiveJdbcUrl = blankToNull(hiveJdbcUrl);
    }

    public String getHdfsUri() {
        return hdfsUri;
    }

    @DataBoundSetter
    public void setHdfsUri(String hdfsUri) {
        this.hdfsUri = blankToNull(hdfsUri);
    }

    public String getScratchPrefix() {
        return scratchPrefix;
    }

    @DataBoundSetter
    public void setScratchPrefix(String scratchPrefix) {
        this.scratchPrefix = blankToNull(scratchPrefix);
    }

    public String getOutputDir() {
        return outputDir;
    }

    @DataBoundSetter
    public void setOutputDir(String outputDir) {
        this.outputDir = blankToNull(outputDir);
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
    @Symbol("nbciTest")
    public static final class DescriptorImpl extends ReportingDescriptor {
        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host) {
            super(ScenarioTestBuilder.class, host);
        }

        @Override
        public String getDisplayName() {
            return "Run nbci integration scenarios";
        }

        public ListBoxModel doFillBackendItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("Embedded local Hive and HDFS", "embedded");
            items.add("Existing cluster", "external");
            return items;
        }

        @POST
        public FormValidation doCheckPaths(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.globs(value));
        }

        @POST
        public FormValidation doCheckHiveJdbcUrl(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String backend) {
            return check(item, ScenarioTestConfig.isExternal(backend) ? Validation.hiveJdbcUrl(value)
                    : io.nbci.launch.Check.ok());
        }

        @POST
        public FormValidation doCheckHdfsUri(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.uri(value, Validation.FILESYSTEM_SCHEMES));
        }

        @POST
        public FormValidation doCheckScratchPrefix(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.isBlank(value) ? io.nbci.launch.Check.ok() : Validation.targetName(value));
        }
    }
}

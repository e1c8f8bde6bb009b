package io.nbci.jenkins;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.launch.DeployConfig;
import io.nbci.launch.DeployTarget;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Validation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Build step "Deploy to an HDFS target with nbci": {@code nbci deploy} to a target a release
 * manager configured under Manage Jenkins (or declared in the team's own targets file).
 * A Kerberos keytab is copied from its file credential to the agent (mode 0600) for the run
 * only. Pipeline: {@code nbciDeploy target: 'prod', source: 'jobs'}.
 */
public final class DeployBuilder extends NbciBuilder {
    private final String target;
    private String source;
    private String version;
    private boolean dryRun;
    private String targetsFile;
    private String resultsFile;

    @DataBoundConstructor
    public DeployBuilder(String target) {
        this.target = target;
    }

    /**
     * The one translation: form fields plus the host's target definitions (empty when the team's
     * own targets file is used) to the core config.
     *
     * @param targets          definitions from the global configuration, keytab paths already on the agent
     * @param agentTargetsFile where the plugin writes them on the agent
     */
    public DeployConfig toConfig(List<DeployTarget> targets, String agentTargetsFile) {
        DeployConfig.Builder builder = DeployConfig.builder().target(target).source(source).version(version)
                .dryRun(dryRun).resultsFile(resultsFile);
        if (targetsFile != null) {
            return builder.targetsFile(targetsFile).build();
        }
        return builder.targets(targets).targetsFile(agentTargetsFile).build();
    }

    @Override
    NbciInvocation invocation(Inputs context) throws IOException, InterruptedException {
        if (targetsFile != null) {
            return toConfig(List.of(), null).toInvocation();
        }
        NbciGlobalConfiguration global = context.host().globalConfiguration();
        HdfsDeployTarget configured = global.target(target);
        if (configured == null) {
            throw new io.nbci.launch.LaunchConfigException("target", global.unknownTarget(target));
        }
        FilePath scratch = NbciProcess.scratch(context.workspace());
        String id = UUID.randomUUID().toString();
        String keytabPath = null;
        if (configured.getKeytabCredentialsId() != null) {
            byte[] keytab = context.host().secretFile(configured.getKeytabCredentialsId(), context.run());
            FilePath file = scratch.child("keytab-" + id);
            scratch.mkdirs();
            file.copyFrom(new ByteArrayInputStream(keytab));
            file.chmod(0600);
            context.toDelete().add(file);
            keytabPath = file.getRemote();
        }
        FilePath targetsYaml = scratch.child("deploy-targets-" + id + ".yaml");
        context.toDelete().add(targetsYaml);
        return toConfig(List.of(configured.toCoreTarget(keytabPath)), targetsYaml.getRemote()).toInvocation();
    }

    public String getTarget() {
        return target;
    }

    public String getSource() {
        return source;
    }

    @DataBoundSetter
    public void setSource(String source) {
        this.source = blankToNull(source);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = blankToNull(version);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getTargetsFile() {
        return targetsFile;
    }

    @DataBoundSetter
    public void setTargetsFile(String targetsFile) {
        this.targetsFile = blankToNull(targetsFile);
    }

    public String getResultsFile() {
        return resultsFile;
    }

    @DataBoundSetter
    public void setResultsFile(String resultsFile) {
        this.resultsFile = blankToNull(resultsFile);
    }

    /** Form, help and validation of the step. */
    @Extension
    @Symbol("nbciDeploy")
    public static final class DescriptorImpl extends NbciBuilderDescriptor {
        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host) {
            super(DeployBuilder.class, host);
        }

        @Override
        public String getDisplayName() {
            return "Deploy to an HDFS target with nbci";
        }

        public ListBoxModel doFillTargetItems(@AncestorInPath Item item) {
            host().checkConfigure(item);
            ListBoxModel items = new ListBoxModel();
            for (String name : host().globalConfiguration().targetNames()) {
                items.add(name, name);
            }
            return items;
        }

        @POST
        public FormValidation doCheckTarget(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String targetsFile) {
            FormValidation name = check(item, Validation.targetName(value));
            if (name.kind != FormValidation.Kind.OK || !Validation.isBlank(targetsFile)) {
                return name;
            }
            NbciGlobalConfiguration global = host().globalConfiguration();
            if (global.target(value.strip()) == null) {
                return FormValidation.error(global.unknownTarget(value.strip()));
            }
            return FormValidation.ok();
        }

        @POST
        public FormValidation doCheckSource(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckVersion(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.releaseVersion(value));
        }

        @POST
        public FormValidation doCheckTargetsFile(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }

        @POST
        public FormValidation doCheckResultsFile(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, Validation.workspacePath(value));
        }
    }
}

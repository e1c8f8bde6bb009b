package io.nbci.jenkins;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.launch.DeployTarget;
import io.nbci.launch.LaunchConfigException;
import io.nbci.launch.Validation;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named HDFS deploy target as a release manager enters it under Manage Jenkins > System > nbci:
 * filesystem URI, base path, simple-auth user or Kerberos principal with a keytab from a
 * secret file credential, retention, permission bits and the cluster's client configuration folder on
 * the agents. Translated into the core's
 * {@link DeployTarget}; the keytab reaches agents as a file for the run only.
 */
public final class HdfsDeployTarget implements Describable<HdfsDeployTarget> {
    private final String name;
    private final String uri;
    private final String basePath;
    private String user;
    private String principal;
    private String keytabCredentialsId;
    private String retention;
    private String permission;
    private String hadoopConf;

    @DataBoundConstructor
    public HdfsDeployTarget(String name, String uri, String basePath) {
        this.name = NbciBuilder.blankToNull(name);
        this.uri = NbciBuilder.blankToNull(uri);
        this.basePath = NbciBuilder.blankToNull(basePath);
    }

    /**
     * The one translation into the core target, checked by its builder.
     *
     * @param keytabPath where the keytab was copied on the agent, or null before it is (configuration time)
     */
    public DeployTarget toCoreTarget(String keytabPath) {
        return DeployTarget.builder().name(name).uri(uri).basePath(basePath).user(user).principal(principal)
                .keytab(keytabPath).keytabConfigured(keytabCredentialsId != null).retention(retention)
                .permission(permission).hadoopConf(hadoopConf).build();
    }

    public String getName() {
        return name;
    }

    public String getUri() {
        return uri;
    }

    public String getBasePath() {
        return basePath;
    }

    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = NbciBuilder.blankToNull(user);
    }

    public String getPrincipal() {
        return principal;
    }

    @DataBoundSetter
    public void setPrincipal(String principal) {
        this.principal = NbciBuilder.blankToNull(principal);
    }

    public String getKeytabCredentialsId() {
        return keytabCredentialsId;
    }

    @DataBoundSetter
    public void setKeytabCredentialsId(String keytabCredentialsId) {
        this.keytabCredentialsId = NbciBuilder.blankToNull(keytabCredentialsId);
    }

    public String getRetention() {
        return retention;
    }

    @DataBoundSetter
    public void setRetention(String retention) {
        this.retention = NbciBuilder.blankToNull(retention);
    }

    public String getPermission() {
        return permission;
    }

    @DataBoundSetter
    public void setPermission(String permission) {
        this.permission = NbciBuilder.blankToNull(permission);
    }

    public String getHadoopConf() {
        return hadoopConf;
    }

    @DataBoundSetter
    public void setHadoopConf(String hadoopConf) {
        this.hadoopConf = NbciBuilder.blankToNull(hadoopConf);
    }

    /** Form checks (administrators only) and the connection check. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<HdfsDeployTarget> {
        private transient JenkinsHost host;
        private transient ConnectionCheck connectionCheck;

        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsHost host, ConnectionCheck connectionCheck) {
            super(HdfsDeployTarget.class);
            this.host = host;
            this.connectionCheck = connectionCheck;
        }

        private JenkinsHost host() {
            return host != null ? host : JenkinsHost.jenkins();
        }

        @Override
        public String getDisplayName() {
            return "HDFS deploy target";
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            host().checkAdminister();
            return Forms.of(Validation.targetName(value));
        }

        @POST
        public FormValidation doCheckUri(@QueryParameter String value) {
            host().checkAdminister();
            io.nbci.launch.Check required = Validation.required(value, "the filesystem URI, e.g. hdfs://namenode:8020");
            return Forms.of(required.isError() ? required : Validation.deployUri(value));
        }

        @POST
        public FormValidation doCheckBasePath(@QueryParameter String value) {
            host().checkAdminister();
            io.nbci.launch.Check required = Validation.required(value, "the absolute base path, e.g. /apps/jobs");
            return Forms.of(required.isError() ? required : Validation.absolutePath(value));
        }

        @POST
        public FormValidation doCheckUser(@QueryParameter String value, @QueryParameter String principal) {
            host().checkAdminister();
            if (!Validation.isBlank(value) && !Validation.isBlank(principal)) {
                return FormValidation.error("give either a user (simple authentication) or a Kerberos principal, "
                        + "not both");
            }
            return Forms.of(Validation.user(value));
        }

        @POST
        public FormValidation doCheckPrincipal(@QueryParameter String value,
                @QueryParameter String keytabCredentialsId) {
            host().checkAdminister();
            FormValidation principal = Forms.of(Validation.principal(value));
            if (principal.kind == FormValidation.Kind.OK && !Validation.isBlank(value)
                    && Validation.isBlank(keytabCredentialsId)) {
                return FormValidation.error("a Kerberos principal needs a keytab file credential");
            }
            return principal;
        }

        @POST
        public FormValidation doCheckRetention(@QueryParameter String value) {
            host().checkAdminister();
            return Forms.of(Validation.retention(value));
        }

        @POST
        public FormValidation doCheckPermission(@QueryParameter String value) {
            host().checkAdminister();
            return Forms.of(Validation.permission(value));
        }

        @POST
        public FormValidation doCheckHadoopConf(@QueryParameter String value) {
            host().checkAdminister();
            return Forms.of(Validation.absolutePath(value));
        }

        public ListBoxModel doFillKeytabCredentialsIdItems(@QueryParameter String keytabCredentialsId) {
            host().checkAdminister();
            return host().secretFileItems(keytabCredentialsId);
        }

        /** "Test connection": lists the target's releases with the shipped command line in a child process. */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String uri,
                @QueryParameter String basePath, @QueryParameter String user, @QueryParameter String principal,
                @QueryParameter String keytabCredentialsId, @QueryParameter String retention,
                @QueryParameter String permission, @QueryParameter String hadoopConf) {
            host().checkAdminister();
            HdfsDeployTarget target = new HdfsDeployTarget(name, uri, basePath);
            target.setUser(user);
            target.setPrincipal(principal);
            target.setKeytabCredentialsId(keytabCredentialsId);
            target.setRetention(retention);
            target.setPermission(permission);
            target.setHadoopConf(hadoopConf);
            DeployTarget checked;
            try {
                checked = target.toCoreTarget(null);
            } catch (LaunchConfigException e) {
                return FormValidation.error(e.getMessage());
            }
            byte[] keytab = null;
            try {
                if (target.getKeytabCredentialsId() != null) {
                    keytab = host().systemSecretFile(target.getKeytabCredentialsId());
                    if (keytab == null) {
                        return FormValidation.error("no global secret file credential with id '"
                                + target.getKeytabCredentialsId() + "'");
                    }
                }
                return (connectionCheck != null ? connectionCheck : ConnectionCheck.CHILD_PROCESS)
                        .check(checked, keytab);
            } catch (IOException | RuntimeException e) {
                return FormValidation.error("connection check could not run: " + e.getMessage());
            }
        }
    }
}

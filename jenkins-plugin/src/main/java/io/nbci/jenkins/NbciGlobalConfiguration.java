package io.nbci.jenkins;

import hudson.Extension;
import hudson.util.FormValidation;
import io.nbci.launch.LaunchConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > System > nbci: the HDFS deploy targets release managers own (steps refer
 * to them by name) and, optionally, the {@code java} that runs the command line on agents.
 * Only administrators may change it; every target is checked by the core's rules on save.
 */
@Extension
@Symbol("nbci")
public class NbciGlobalConfiguration extends GlobalConfiguration {
    private List<HdfsDeployTarget> targets = new ArrayList<>();
    private String javaCommand;
    private transient JenkinsHost host;

    public NbciGlobalConfiguration() {
        load();
    }

    /** For tests: a configuration that neither loads nor saves. */
    NbciGlobalConfiguration(JenkinsHost host) {
        this.host = host;
    }

    private JenkinsHost host() {
        return host != null ? host : JenkinsHost.jenkins();
    }

    @Override
    public String getDisplayName() {
        return "nbci";
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        host().checkAdminister();
        List<HdfsDeployTarget> previous = targets;
        targets = new ArrayList<>();
        javaCommand = null;
        req.bindJSON(this, json);
        try {
            validate(targets);
        } catch (LaunchConfigException e) {
            targets = previous;
            throw new FormException(e.getMessage(), "targets");
        }
        save();
        return true;
    }

    /** Every target valid by the core's rules, names unique; throws naming the first problem. */
    static void validate(List<HdfsDeployTarget> targets) {
        Set<String> names = new HashSet<>();
        for (HdfsDeployTarget target : targets) {
            try {
                target.toCoreTarget(null);
            } catch (LaunchConfigException e) {
                throw new LaunchConfigException("targets", "target " + (target.getName() == null ? "(no name)"
                        : "\"" + target.getName() + "\"") + ": " + e.getMessage());
            }
            if (!names.add(target.getName())) {
                throw new LaunchConfigException("targets", "two deploy targets are named \"" + target.getName()
                        + "\"; names must be unique");
            }
        }
    }

    public List<HdfsDeployTarget> getTargets() {
        return List.copyOf(targets);
    }

    @DataBoundSetter
    public void setTargets(List<HdfsDeployTarget> targets) {
        this.targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
    }

    public String getJavaCommand() {
        return javaCommand;
    }

    @DataBoundSetter
    public void setJavaCommand(String javaCommand) {
        this.javaCommand = NbciBuilder.blankToNull(javaCommand);
    }

    /** The target named {@code name}, or null. */
    public HdfsDeployTarget target(String name) {
        for (HdfsDeployTarget target : targets) {
            if (target.getName() != null && target.getName().equals(name)) {
                return target;
            }
        }
        return null;
    }

    /** What a step is told when it names a target this configuration does not have. */
    String unknownTarget(String name) {
        return "no deploy target named \"" + name + "\" under Manage Jenkins > System > nbci; configured: "
                + targetNames();
    }

    public List<String> targetNames() {
        List<String> names = new ArrayList<>();
        for (HdfsDeployTarget target : targets) {
            names.add(target.getName());
        }
        return names;
    }

    @POST
    public FormValidation doCheckJavaCommand(@QueryParameter String value) {
        host().checkAdminister();
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        if (value.strip().contains(" ")) {
            return FormValidation.warning("a path with spaces is used as one program name, not split into arguments");
        }
        return FormValidation.ok();
    }
}

package io.nbci.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.AbortException;
import hudson.ExtensionList;
import hudson.PluginWrapper;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.nbci.common.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** {@link JenkinsHost} over the running Jenkins: the only class calling {@code Jenkins.get()} and the credentials API. */
final class RealJenkinsHost implements JenkinsHost {
    static final RealJenkinsHost INSTANCE = new RealJenkinsHost();

    private RealJenkinsHost() {
    }

    @Override
    public void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }

    @Override
    public void checkConfigure(Item item) {
        if (item == null) {
            checkAdminister();
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    @Override
    public Secret secretText(String id, Run<?, ?> run) throws IOException {
        StringCredentials credentials = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("nbci: no secret text credential with id '" + id
                    + "' is visible to this build; add one under Manage Jenkins > Credentials");
        }
        CredentialsProvider.track(run, credentials);
        return Secret.of(credentials.getSecret().getPlainText(), "Jenkins credential " + id);
    }

    @Override
    public byte[] secretFile(String id, Run<?, ?> run) throws IOException {
        FileCredentials credentials = CredentialsProvider.findCredentialById(id, FileCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("nbci: no secret file credential with id '" + id
                    + "' is visible to this build; add the keytab under Manage Jenkins > Credentials");
        }
        CredentialsProvider.track(run, credentials);
        try (InputStream in = credentials.getContent()) {
            return in.readAllBytes();
        }
    }

    @Override
    public byte[] systemSecretFile(String id) throws IOException {
        FileCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(FileCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                        List.of()), CredentialsMatchers.withId(id));
        if (credentials == null) {
            return null;
        }
        try (InputStream in = credentials.getContent()) {
            return in.readAllBytes();
        }
    }

    @Override
    public ListBoxModel secretTextItems(Item item, String current) {
        return new StandardListBoxModel().includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, item, StringCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(current);
    }

    @Override
    public ListBoxModel secretFileItems(String current) {
        return new StandardListBoxModel().includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), FileCredentials.class, List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(current);
    }

    @Override
    public boolean isPluginActive(String shortName) {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin(shortName);
        return plugin != null && plugin.isActive();
    }

    @Override
    public NbciGlobalConfiguration globalConfiguration() {
        return ExtensionList.lookupSingleton(NbciGlobalConfiguration.class);
    }
}

package io.nbci.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.nbci.common.Secret;
import java.io.IOException;

/**
 * The one place the adapter touches Jenkins statics (permissions, credentials, installed
 * plugins, the global configuration). Descriptors and steps take it as a collaborator so
 * their translations and form checks run in unit tests with a fake; {@link #jenkins()}
 * gives the real one.
 */
public interface JenkinsHost {

    /** Throws Jenkins' AccessDeniedException unless the current user may administer Jenkins. */
    void checkAdminister();

    /** Throws unless the user may configure {@code item} (administer when there is no item). */
    void checkConfigure(Item item);

    /** The secret text credential {@code id} as the build sees it, tracked on the build. */
    Secret secretText(String id, Run<?, ?> run) throws IOException;

    /** The content of the file credential {@code id} as the build sees it, tracked on the build. */
    byte[] secretFile(String id, Run<?, ?> run) throws IOException;

    /** The content of the global file credential {@code id} (for the connection check), or null if there is none. */
    byte[] systemSecretFile(String id) throws IOException;

    /** Secret text credentials for a form's drop-down. */
    ListBoxModel secretTextItems(Item item, String current);

    /** Secret file credentials (keytabs) for the global configuration's drop-down. */
    ListBoxModel secretFileItems(String current);

    /** Whether the plugin {@code shortName} is installed and active (for optional integrations). */
    boolean isPluginActive(String shortName);

    /** The global configuration (deploy targets, Java on agents). */
    NbciGlobalConfiguration globalConfiguration();

    /** The real Jenkins. */
    static JenkinsHost jenkins() {
        return RealJenkinsHost.INSTANCE;
    }
}

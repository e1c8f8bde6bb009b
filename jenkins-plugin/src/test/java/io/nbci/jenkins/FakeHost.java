package io.nbci.jenkins;

import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.nbci.common.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link JenkinsHost} for unit tests: credentials from maps, permissions granted or denied, checks recorded. */
final class FakeHost implements JenkinsHost {
    final Map<String, String> secretTexts = new HashMap<>();
    final Map<String, byte[]> secretFiles = new HashMap<>();
    final List<String> permissionChecks = new ArrayList<>();
    final NbciGlobalConfiguration configuration = new NbciGlobalConfiguration(this);
    boolean allowed = true;

    /** What the real host throws when a permission is missing (Spring's AccessDeniedException is unchecked too). */
    static final class Denied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Denied(String message) {
            super(message);
        }
    }

    @Override
    public void checkAdminister() {
        permissionChecks.add("administer");
        if (!allowed) {
            throw new Denied("administer");
        }
    }

    @Override
    public void checkConfigure(Item item) {
        permissionChecks.add(item == null ? "administer" : "configure");
        if (!allowed) {
            throw new Denied("configure");
        }
    }

    @Override
    public Secret secretText(String id, Run<?, ?> run) throws IOException {
        String value = secretTexts.get(id);
        if (value == null) {
            throw new IOException("no credential " + id);
        }
        return Secret.of(value, "Jenkins credential " + id);
    }

    @Override
    public byte[] secretFile(String id, Run<?, ?> run) throws IOException {
        byte[] value = secretFiles.get(id);
        if (value == null) {
            throw new IOException("no credential " + id);
        }
        return value;
    }

    @Override
    public byte[] systemSecretFile(String id) {
        return secretFiles.get(id);
    }

    @Override
    public ListBoxModel secretTextItems(Item item, String current) {
        ListBoxModel items = new ListBoxModel();
        secretTexts.keySet().stream().sorted().forEach(id -> items.add(id, id));
        return items;
    }

    @Override
    public ListBoxModel secretFileItems(String current) {
        ListBoxModel items = new ListBoxModel();
        secretFiles.keySet().stream().sorted().forEach(id -> items.add(id, id));
        return items;
    }

    @Override
    public boolean isPluginActive(String shortName) {
        return false;
    }

    @Override
    public NbciGlobalConfiguration globalConfiguration() {
        return configuration;
    }
}

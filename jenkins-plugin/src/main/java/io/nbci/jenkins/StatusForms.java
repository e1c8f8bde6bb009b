package io.nbci.jenkins;

import hudson.util.ListBoxModel;
import io.nbci.launch.CommitStatusConfig;
import io.nbci.launch.Validation;

/** Drop-down items the commit-status step and the gate share. */
final class StatusForms {
    private StatusForms() {
    }

    static ListBoxModel providers() {
        ListBoxModel items = new ListBoxModel();
        items.add("GitHub (github.com or Enterprise)", Validation.PROVIDERS.get(0));
        items.add("Bitbucket Server / Data Center", Validation.PROVIDERS.get(1));
        items.add("Bitbucket Cloud", Validation.PROVIDERS.get(2));
        items.add("GitLab", Validation.PROVIDERS.get(3));
        return items;
    }

    static ListBoxModel states() {
        ListBoxModel items = new ListBoxModel();
        for (String state : CommitStatusConfig.STATES) {
            items.add(state, state);
        }
        return items;
    }
}

package io.nbci.jenkins;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.nbci.launch.CommitStatusConfig;
import io.nbci.launch.Validation;

/**
 * Drop-down items and form checks the commit-status step and the gate share; every check first
 * asks the host whether the user may configure the item.
 */
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

    static ListBoxModel credentialsIdItems(JenkinsHost host, Item item, String credentialsId) {
        host.checkConfigure(item);
        return host.secretTextItems(item, credentialsId);
    }

    static FormValidation checkContext(JenkinsHost host, Item item, String value) {
        return check(host, item, Validation.contextName(value));
    }

    static FormValidation checkCredentialsId(JenkinsHost host, Item item, String value) {
        return check(host, item, Validation.required(value, "the secret text credential holding the provider token"));
    }

    /** For the status link ({@code url}) and the API base ({@code apiUrl}). */
    static FormValidation checkWebUrl(JenkinsHost host, Item item, String value) {
        return check(host, item, Validation.uri(value, Validation.WEB_SCHEMES));
    }

    static FormValidation checkSha(JenkinsHost host, Item item, String value) {
        return check(host, item, Validation.sha(value));
    }

    static FormValidation checkRepository(JenkinsHost host, Item item, String value) {
        return check(host, item, Validation.repository(value));
    }

    private static FormValidation check(JenkinsHost host, Item item, io.nbci.launch.Check check) {
        host.checkConfigure(item);
        return Forms.of(check);
    }
}

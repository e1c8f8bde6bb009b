package io.nbci.bamboo.configurator;

import io.nbci.bamboo.config.StatusTaskConfig;
import io.nbci.launch.Check;
import io.nbci.launch.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The edit form of "nbci: Commit status". */
public class StatusTaskConfigurator extends NbciTaskConfigurator<StatusTaskConfig> {

    @Override
    protected StatusTaskConfig read(Map<String, ?> map) {
        return StatusTaskConfig.read(map);
    }

    @Override
    protected Map<String, String> toMap(StatusTaskConfig config) {
        return config.toMap();
    }

    @Override
    protected StatusTaskConfig defaults() {
        return StatusTaskConfig.defaults();
    }

    @Override
    protected Map<String, Function<String, Check>> fieldRules() {
        return rules(
                StatusTaskConfig.PROVIDER, (Function<String, Check>) Validation::provider,
                StatusTaskConfig.CONTEXT, (Function<String, Check>) Validation::contextName,
                StatusTaskConfig.TOKEN, (Function<String, Check>) value -> Validation.required(value,
                        "the token, or a reference to a password variable holding it"),
                StatusTaskConfig.BASE_URL,
                (Function<String, Check>) value -> Validation.uri(value, Validation.WEB_SCHEMES),
                StatusTaskConfig.REPOSITORY, (Function<String, Check>) Validation::repository,
                StatusTaskConfig.SHA, (Function<String, Check>) Validation::sha,
                StatusTaskConfig.URL, (Function<String, Check>) value -> Validation.uri(value, Validation.WEB_SCHEMES));
    }

    @Override
    protected void checkWhole(StatusTaskConfig config) {
        config.validate();
    }

    @Override
    protected void populateChoices(Map<String, Object> context) {
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("github", "GitHub (github.com or Enterprise)");
        providers.put("bitbucket-server", "Bitbucket Server / Data Center");
        providers.put("bitbucket-cloud", "Bitbucket Cloud");
        providers.put("gitlab", "GitLab");
        context.put("nbciProviders", providers);
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put(StatusTaskConfig.PENDING, "Pending (put this task first)");
        modes.put(StatusTaskConfig.FINAL, "The outcome so far (add this task to the final tasks)");
        context.put("nbciModes", modes);
    }
}

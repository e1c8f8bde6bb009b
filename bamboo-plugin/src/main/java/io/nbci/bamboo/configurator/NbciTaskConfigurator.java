package io.nbci.bamboo.configurator;

import com.atlassian.bamboo.collections.ActionParametersMap;
import com.atlassian.bamboo.task.AbstractTaskConfigurator;
import com.atlassian.bamboo.task.TaskDefinition;
import com.atlassian.bamboo.utils.error.ErrorCollection;
import io.nbci.bamboo.config.StoredConfig;
import io.nbci.bamboo.config.StoredConfigException;
import io.nbci.launch.Check;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the four nbci configurators share: the edit form's fields are the stored keys, so the
 * form, the stored map and exported Specs use one set of names. Validation puts a message next
 * to every wrong field, using the core's {@code io.nbci.launch.Validation} rules (the same ones
 * the Jenkins forms and the launch configs use), then the whole config is built once to catch
 * rules that span fields.
 *
 * @param <C> the task's typed config view
 */
public abstract class NbciTaskConfigurator<C> extends AbstractTaskConfigurator {

    /** Reads the typed view from a stored map or a submitted form. */
    protected abstract C read(Map<String, ?> map);

    /** The map Bamboo stores. */
    protected abstract Map<String, String> toMap(C config);

    /** What a new task's form shows. */
    protected abstract C defaults();

    /** Field rules: stored key to the core rule checking that field's raw value. */
    protected abstract Map<String, Function<String, Check>> fieldRules();

    /** Builds the core config (or whatever proves the whole config usable); throws {@link StoredConfigException}. */
    protected abstract void checkWhole(C config);

    /** Extra context for the form (choice lists). */
    protected void populateChoices(Map<String, Object> context) {
    }

    @Override
    public Map<String, String> generateTaskConfigMap(ActionParametersMap params, TaskDefinition previousTaskDefinition) {
        Map<String, String> config = new LinkedHashMap<>(super.generateTaskConfigMap(params, previousTaskDefinition));
        config.putAll(toMap(read(params)));
        return config;
    }

    @Override
    public void populateContextForCreate(Map<String, Object> context) {
        super.populateContextForCreate(context);
        context.putAll(toMap(defaults()));
        populateChoices(context);
    }

    @Override
    public void populateContextForEdit(Map<String, Object> context, TaskDefinition taskDefinition) {
        super.populateContextForEdit(context, taskDefinition);
        try {
            context.putAll(toMap(read(taskDefinition.getConfiguration())));
        } catch (StoredConfigException e) {
            // a map from a newer plugin: show what is stored rather than nothing
            context.putAll(taskDefinition.getConfiguration());
        }
        populateChoices(context);
    }

    @Override
    public void validate(ActionParametersMap params, ErrorCollection errorCollection) {
        super.validate(params, errorCollection);
        C config;
        try {
            config = read(params);
        } catch (StoredConfigException e) {
            errorCollection.addError(e.key(), e.problem());
            return;
        }
        boolean fieldErrors = false;
        for (Map.Entry<String, Function<String, Check>> rule : fieldRules().entrySet()) {
            Check check = rule.getValue().apply(StoredConfig.textOf(params.get(rule.getKey())));
            if (check.isError()) {
                errorCollection.addError(rule.getKey(), check.message());
                fieldErrors = true;
            }
        }
        if (fieldErrors) {
            return;
        }
        try {
            checkWhole(config);
        } catch (StoredConfigException e) {
            errorCollection.addError(e.key(), e.problem());
        }
    }

    /** Rules in form order. */
    protected static Map<String, Function<String, Check>> rules(Object... keysAndRules) {
        Map<String, Function<String, Check>> rules = new LinkedHashMap<>();
        for (int i = 0; i < keysAndRules.length; i += 2) {
            @SuppressWarnings("unchecked")
            Function<String, Check> rule = (Function<String, Check>) keysAndRules[i + 1];
            rules.put((String) keysAndRules[i], rule);
        }
        return rules;
    }
}

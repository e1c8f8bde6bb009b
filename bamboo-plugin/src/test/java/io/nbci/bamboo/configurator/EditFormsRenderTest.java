package io.nbci.bamboo.configurator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bamboo.task.TaskDefinitionImpl;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Renders each edit form with real FreeMarker (square-bracket syntax, as Bamboo does) over the
 * context its configurator fills, with recording stand-ins for Bamboo's {@code ww}/{@code ui}
 * directives: the templates parse, every field has a value to show, and every choice list the
 * form names is in the context.
 */
public class EditFormsRenderTest {

    /** A stand-in for one of Bamboo's form directives: records its parameters, renders its body. */
    private static final class Tag implements TemplateDirectiveModel {
        private final String name;
        private final List<Map<String, TemplateModel>> calls;

        Tag(String name, List<Map<String, TemplateModel>> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
                throws freemarker.template.TemplateException, java.io.IOException {
            Map<String, TemplateModel> call = new LinkedHashMap<>(params);
            call.put("@tag", new freemarker.template.SimpleScalar(name));
            TemplateModel field = (TemplateModel) params.get("name");
            if (field != null) {
                call.put("@value", env.getDataModel().get(((TemplateScalarModel) field).getAsString()));
            }
            calls.add(call);
            if (body != null) {
                body.render(env.getOut());
            }
        }
    }

    private static List<Map<String, TemplateModel>> render(String template, Map<String, Object> context)
            throws Exception {
        Configuration freemarker = new Configuration(Configuration.VERSION_2_3_32);
        freemarker.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        freemarker.setTemplateLoader(new ClassTemplateLoader(EditFormsRenderTest.class, "/"));
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_32).build());
        List<Map<String, TemplateModel>> calls = new ArrayList<>();
        Map<String, Object> ww = new HashMap<>();
        for (String tag : List.of("textfield", "textarea", "checkbox", "select", "radio", "password")) {
            ww.put(tag, new Tag("ww." + tag, calls));
        }
        Map<String, Object> model = new HashMap<>(context);
        model.put("ww", ww);
        model.put("ui", Map.of("bambooSection", new Tag("ui.bambooSection", calls)));
        Template form = freemarker.getTemplate(template);
        form.process(model, new StringWriter());
        return calls;
    }

    private static void assertFieldsShowValuesAndListsExist(List<Map<String, TemplateModel>> calls, List<String> keys)
            throws TemplateModelException {
        List<String> rendered = new ArrayList<>();
        for (Map<String, TemplateModel> call : calls) {
            TemplateModel name = call.get("name");
            if (name == null) {
                continue;
            }
            String field = ((TemplateScalarModel) name).getAsString();
            rendered.add(field);
            assertThat(call.get("@value")).as("value of %s in the form's context", field).isNotNull();
            if (call.containsKey("list")) {
                assertThat(call.get("list")).as("choices of %s", field).isInstanceOf(TemplateHashModelEx.class);
                assertThat(((TemplateHashModelEx) call.get("list")).size()).as("choices of %s", field).isPositive();
            }
        }
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    public void shouldRenderEveryNewFormWithItsDefaultsAndChoices() throws Exception {
        Map<String, NbciTaskConfigurator<?>> forms = Map.of(
                "templates/nbci/notebooks-edit.ftl", new NotebooksTaskConfigurator(),
                "templates/nbci/scenarios-edit.ftl", new ScenariosTaskConfigurator(),
                "templates/nbci/deploy-edit.ftl", new DeployTaskConfigurator(),
                "templates/nbci/status-edit.ftl", new StatusTaskConfigurator());
        Map<String, List<String>> keys = Map.of(
                "templates/nbci/notebooks-edit.ftl", NotebooksTaskConfig.KEYS,
                "templates/nbci/scenarios-edit.ftl", ScenariosTaskConfig.KEYS,
                "templates/nbci/deploy-edit.ftl", DeployTaskConfig.KEYS,
                "templates/nbci/status-edit.ftl", StatusTaskConfig.KEYS);
        for (Map.Entry<String, NbciTaskConfigurator<?>> form : forms.entrySet()) {
            Map<String, Object> context = new HashMap<>();
            form.getValue().populateContextForCreate(context);

            assertFieldsShowValuesAndListsExist(render(form.getKey(), context), keys.get(form.getKey()));
        }
    }

    @Test
    public void shouldRenderAnEditFormWithTheStoredSettings() throws Exception {
        Map<String, Object> context = new HashMap<>();
        new StatusTaskConfigurator().populateContextForEdit(context, new TaskDefinitionImpl(9,
                "io.nbci.bamboo:nbci-status", "gate", Map.of(StatusTaskConfig.PROVIDER, "gitlab",
                        StatusTaskConfig.MODE, "final", StatusTaskConfig.CONTEXT, "nbci/notebooks",
                        StatusTaskConfig.TOKEN, "${bamboo.gitlab.token.password}")));

        List<Map<String, TemplateModel>> calls = render("templates/nbci/status-edit.ftl", context);

        assertFieldsShowValuesAndListsExist(calls, StatusTaskConfig.KEYS);
        assertThat(calls.stream().filter(call -> call.get("name") != null && call.get("name").toString()
                .equals(StatusTaskConfig.MODE)).map(call -> call.get("@value").toString())).containsExactly("final");
    }
}

package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;

/** Every field of every step and of the global configuration has a Jelly entry and a help page. */
public class FormFilesTest {
    private static final List<Class<?>> DESCRIBABLES = List.of(RunNotebooksBuilder.class, ScenarioTestBuilder.class,
            DeployBuilder.class, CommitStatusBuilder.class, GateStep.class, HdfsDeployTarget.class);

    private static String read(Class<?> type, String file) throws Exception {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + file)) {
            assertThat(in).as(type.getSimpleName() + "/" + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>(ExamplesTest.constructorParameters(type));
        fields.addAll(ExamplesTest.setters(type).keySet());
        return fields;
    }

    @Test
    public void shouldHaveAFormEntryAndHelpForEveryField() throws Exception {
        for (Class<?> type : DESCRIBABLES) {
            String jelly = read(type, "config.jelly");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(jelly.getBytes(StandardCharsets.UTF_8)));
            assertThat(jelly).startsWith("<?jelly escape-by-default='true'?>");
            for (String field : fields(type)) {
                assertThat(jelly).as(type.getSimpleName() + " form entry for " + field).contains("field=\"" + field + "\"");
                assertThat(read(type, "help-" + field + ".html")).as("help for " + field).contains("<div>");
            }
        }
    }

    @Test
    public void shouldHaveTheGlobalConfigurationFormAndHelp() throws Exception {
        String jelly = read(NbciGlobalConfiguration.class, "config.jelly");
        for (String field : ExamplesTest.setters(NbciGlobalConfiguration.class).keySet()) {
            assertThat(jelly).contains("field=\"" + field + "\"");
            assertThat(read(NbciGlobalConfiguration.class, "help-" + field + ".html")).contains("<div>");
        }
        assertThat(read(HdfsDeployTarget.class, "config.jelly")).contains("method=\"testConnection\"");
    }
}

package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Jenkinsfile and freestyle job in src/test/resources are the examples docs/jenkins.md
 * shows: every step name they use is a @Symbol this plugin registers (read from the
 * generated index), every argument is a property of that step, every value passes the
 * step's translation, and the docs contain both files verbatim.
 */
public class ExamplesTest {
    private static final Pattern STEP = Pattern.compile("^\\s*(nbci[A-Za-z]+)\\s*\\(?(.*?)\\)?\\s*\\{?\\s*$");
    private static final Pattern ARGUMENT = Pattern.compile("(\\w+)\\s*:\\s*('(?:[^'\\\\]|\\\\.)*'|true|false|\\d+)");

    private static Path repoRoot() {
        return Path.of(System.getProperty("nbci.repo.root", ".."));
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Symbol name -> the describable class, from the index the build generated. */
    static Map<String, Class<?>> symbols() throws Exception {
        Map<String, Class<?>> symbols = new HashMap<>();
        String index;
        try (InputStream in = ExamplesTest.class.getResourceAsStream("/META-INF/services/annotations/org.jenkinsci.Symbol")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : index.split("\\R")) {
            if (name.isBlank()) {
                continue;
            }
            Class<?> annotated = Class.forName(name);
            Class<?> describable = annotated.getEnclosingClass() != null ? annotated.getEnclosingClass() : annotated;
            for (String symbol : annotated.getAnnotation(Symbol.class).value()) {
                symbols.put(symbol, describable);
            }
        }
        return symbols;
    }

    static List<String> constructorParameters(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                List<String> names = new ArrayList<>();
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(parameter.getName());
                }
                return names;
            }
        }
        throw new AssertionError(type + " has no @DataBoundConstructor");
    }

    static Map<String, Method> setters(Class<?> type) {
        Map<String, Method> setters = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = method.getName().substring(3);
                setters.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), method);
            }
        }
        return setters;
    }

    /** Builds the step from named arguments the way Jenkins' data binding does. */
    static Object instantiate(Class<?> type, Map<String, String> arguments) throws Exception {
        List<String> names = constructorParameters(type);
        Constructor<?> constructor = null;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                constructor = c;
            }
        }
        Object[] values = new Object[names.size()];
        for (int i = 0; i < names.size(); i++) {
            assertThat(arguments).as(type.getSimpleName() + " needs " + names.get(i)).containsKey(names.get(i));
            values[i] = arguments.get(names.get(i));
        }
        Object step = constructor.newInstance(values);
        Map<String, Method> setters = setters(type);
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            if (names.contains(argument.getKey())) {
                continue;
            }
            Method setter = setters.get(argument.getKey());
            assertThat(setter).as(type.getSimpleName() + " has no property " + argument.getKey()).isNotNull();
            Class<?> parameter = setter.getParameterTypes()[0];
            setter.invoke(step, parameter == boolean.class ? Boolean.parseBoolean(argument.getValue())
                    : argument.getValue());
        }
        return step;
    }

    static void translate(Object step) {
        if (step instanceof RunNotebooksBuilder) {
            ((RunNotebooksBuilder) step).toConfig().toInvocation();
        } else if (step instanceof ScenarioTestBuilder) {
            ((ScenarioTestBuilder) step).toConfig().toInvocation();
        } else if (step instanceof CommitStatusBuilder) {
            ((CommitStatusBuilder) step).toConfig(io.nbci.common.Secret.of("t0ken", "test"),
                    new hudson.EnvVars()).toInvocation();
        } else if (step instanceof GateStep) {
            ((GateStep) step).fields().toConfig(io.nbci.common.Secret.of("t0ken", "test"), new hudson.EnvVars())
                    .pending().toInvocation();
        } else if (step instanceof DeployBuilder) {
            ((DeployBuilder) step).toConfig(List.of(new HdfsDeployTarget(((DeployBuilder) step).getTarget(),
                    "hdfs://nn:8020", "/apps").toCoreTarget(null)), "/tmp/targets.yaml").toInvocation();
        }
    }

    @Test
    public void shouldUseOnlyRealStepsAndArgumentsInTheJenkinsfile() throws Exception {
        Map<String, Class<?>> symbols = symbols();
        List<String> used = new ArrayList<>();
        for (String line : resource("Jenkinsfile").split("\\R")) {
            Matcher step = STEP.matcher(line);
            if (!step.matches()) {
                continue;
            }
            String name = step.group(1);
            assertThat(symbols).as("@Symbol " + name).containsKey(name);
            Map<String, String> arguments = new LinkedHashMap<>();
            Matcher argument = ARGUMENT.matcher(step.group(2));
            while (argument.find()) {
                String value = argument.group(2);
                arguments.put(argument.group(1), value.startsWith("'") ? value.substring(1, value.length() - 1) : value);
            }
            translate(instantiate(symbols.get(name), arguments));
            used.add(name);
        }
        assertThat(used).containsExactly("nbciGate", "nbciRunNotebooks", "nbciRunNotebooks", "nbciTest", "nbciDeploy",
                "nbciStatus");
    }

    @Test
    public void shouldUseOnlyRealFieldsInTheFreestyleJob() throws Exception {
        Element builders = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ExamplesTest.class.getResourceAsStream("/freestyle-config.xml"))
                .getElementsByTagName("builders").item(0);
        int count = 0;
        for (Node node = builders.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element)) {
                continue;
            }
            Class<?> type = Class.forName(node.getNodeName());
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element) {
                    Field field = type.getDeclaredField(child.getNodeName());
                    assertThat(field).as("XStream field " + child.getNodeName()).isNotNull();
                    fields.put(child.getNodeName(), child.getTextContent());
                }
            }
            translate(instantiate(type, fields));
            count++;
        }
        assertThat(count).isEqualTo(3);
    }

    @Test
    public void shouldShowBothExamplesVerbatimInTheDocs() throws Exception {
        String docs = Files.readString(repoRoot().resolve("docs/jenkins.md"), StandardCharsets.UTF_8);
        assertThat(docs).contains(resource("Jenkinsfile").strip());
        assertThat(docs).contains(resource("freestyle-config.xml").strip());
    }
}

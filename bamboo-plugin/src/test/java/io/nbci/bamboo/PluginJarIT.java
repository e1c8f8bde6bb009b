package io.nbci.bamboo;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bamboo.task.CommonTaskType;
import com.atlassian.bamboo.task.TaskConfigurator;
import com.atlassian.bamboo.task.TaskType;
import com.atlassian.bamboo.task.export.TaskDefinitionExporter;
import io.nbci.bamboo.config.DeployTaskConfig;
import io.nbci.bamboo.config.NotebooksTaskConfig;
import io.nbci.bamboo.config.ScenariosTaskConfig;
import io.nbci.bamboo.config.StatusTaskConfig;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Opens the plugin jar the build produced and checks what Bamboo will find in it: the
 * descriptor, every class and resource it names (loaded from the jar alone, on top of the SPI
 * and Specs API Bamboo provides), the forms against the stored keys and the i18n bundle, the
 * shipped command line (it runs), and that nothing else of the core came along.
 */
public class PluginJarIT {
    private static final Map<String, List<String>> TASK_KEYS = Map.of(
            NbciPluginKeys.NOTEBOOKS_TASK, NotebooksTaskConfig.KEYS,
            NbciPluginKeys.SCENARIOS_TASK, ScenariosTaskConfig.KEYS,
            NbciPluginKeys.DEPLOY_TASK, DeployTaskConfig.KEYS,
            NbciPluginKeys.STATUS_TASK, StatusTaskConfig.KEYS);

    private static ZipFile jar;
    private static Path jarPath;
    private static Document descriptor;
    private static URLClassLoader hostApi;
    private static URLClassLoader plugin;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @BeforeClass
    public static void openJar() throws Exception {
        jarPath = Path.of(System.getProperty("nbci.bamboo.plugin.jar"));
        jar = new ZipFile(jarPath.toFile());
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text("atlassian-plugin.xml"))));
        hostApi = new URLClassLoader(hostApiClasspath().toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        plugin = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, hostApi);
    }

    @AfterClass
    public static void closeJar() throws IOException {
        for (java.io.Closeable open : new java.io.Closeable[] {plugin, hostApi, jar}) {
            if (open != null) {
                open.close();
            }
        }
    }

    /** What Bamboo provides a plugin here: the task SPI (the shim stands for it) and bamboo-specs-api. */
    private static List<URL> hostApiClasspath() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("bamboo-spi-shim") || entry.contains("bamboo-specs-api")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(urls).as("shim and bamboo-specs-api on the test class path").hasSize(2);
        return urls;
    }

    private static String text(String entry) throws IOException {
        ZipEntry zipEntry = jar.getEntry(entry);
        assertThat(zipEntry).as("jar entry %s", entry).isNotNull();
        try (InputStream in = jar.getInputStream(zipEntry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = elements(parent, name);
        assertThat(found).as("<%s> in <%s key=%s>", name, parent.getTagName(), parent.getAttribute("key")).hasSize(1);
        return found.get(0);
    }

    @Test
    public void shouldDeclareThePluginKeyAndTheBuiltVersion() {
        Element root = descriptor.getDocumentElement();

        assertThat(root.getAttribute("key")).isEqualTo(NbciPluginKeys.PLUGIN_KEY);
        assertThat(root.getAttribute("plugins-version")).isEqualTo("2");
        assertThat(child(root, "version").getTextContent()).isEqualTo(System.getProperty("nbci.version"));
    }

    @Test
    public void shouldDeclareOneTaskTypePerCapabilityWithEveryPart() {
        List<Element> tasks = elements(descriptor.getDocumentElement(), "taskType");

        assertThat(tasks).extracting(task -> task.getAttribute("key"))
                .containsExactlyInAnyOrderElementsOf(TASK_KEYS.keySet());
        for (Element task : tasks) {
            assertThat(task.getAttribute("name")).isNotBlank();
            assertThat(child(task, "description").getTextContent()).isNotBlank();
            assertThat(child(task, "category").getAttribute("name")).isIn("builder", "test", "deployment");
            assertThat(child(task, "configuration").getAttribute("class")).isNotBlank();
            assertThat(child(task, "exporter").getAttribute("class")).isNotBlank();
            Element edit = child(task, "resource");
            assertThat(edit.getAttribute("type")).isEqualTo("freemarker");
            assertThat(edit.getAttribute("name")).isEqualTo("edit");
        }
    }

    @Test
    public void shouldContainAndLoadEveryClassTheDescriptorNamesFromTheJarAlone() throws Exception {
        for (Element task : elements(descriptor.getDocumentElement(), "taskType")) {
            Class<?> type = load(task.getAttribute("class"));
            Class<?> configurator = load(child(task, "configuration").getAttribute("class"));
            Class<?> exporter = load(child(task, "exporter").getAttribute("class"));

            if (task.getAttribute("key").equals(NbciPluginKeys.DEPLOY_TASK)
                    || task.getAttribute("key").equals(NbciPluginKeys.STATUS_TASK)) {
                assertThat(hostType(CommonTaskType.class).isAssignableFrom(type))
                        .as("%s usable in deployment projects", type.getName()).isTrue();
            } else {
                assertThat(hostType(TaskType.class).isAssignableFrom(type)).as(type.getName()).isTrue();
            }
            assertThat(hostType(TaskConfigurator.class).isAssignableFrom(configurator)).isTrue();
            assertThat(hostType(TaskDefinitionExporter.class).isAssignableFrom(exporter)).isTrue();
            assertThat(type.getConstructors()).as("public constructor of %s", type.getName()).isNotEmpty();
            configurator.getConstructor().newInstance();
            exporter.getConstructor().newInstance();
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        assertThat(jar.getEntry(name.replace('.', '/') + ".class")).as("%s in the jar", name).isNotNull();
        Class<?> loaded = Class.forName(name, true, plugin);
        assertThat(loaded.getClassLoader()).as("%s loaded from the plugin jar", name).isSameAs(plugin);
        return loaded;
    }

    private static Class<?> hostType(Class<?> type) throws ClassNotFoundException {
        return Class.forName(type.getName(), false, hostApi);
    }

    @Test
    public void shouldShipEveryTemplateAndBindItsFieldsToTheStoredKeys() throws IOException {
        Properties i18n = i18n();
        Pattern field = Pattern.compile("name='([^']+)'");
        Pattern key = Pattern.compile("(?:labelKey|descriptionKey)='([^']+)'");
        for (Element task : elements(descriptor.getDocumentElement(), "taskType")) {
            String template = text(child(task, "resource").getAttribute("location"));
            Set<String> fields = new LinkedHashSet<>();
            for (Matcher m = field.matcher(template); m.find(); ) {
                fields.add(m.group(1));
            }
            assertThat(fields).as("form fields of %s", task.getAttribute("key"))
                    .containsExactlyInAnyOrderElementsOf(TASK_KEYS.get(task.getAttribute("key")));
            for (Matcher m = key.matcher(template); m.find(); ) {
                assertThat(i18n.getProperty(m.group(1))).as("i18n %s", m.group(1)).isNotBlank();
            }
        }
    }

    private static Properties i18n() throws IOException {
        List<Element> resources = elements(descriptor.getDocumentElement(), "resource").stream()
                .filter(r -> r.getAttribute("type").equals("i18n")).toList();
        assertThat(resources).hasSize(1);
        Properties properties = new Properties();
        properties.load(new StringReader(text(resources.get(0).getAttribute("location").replace('.', '/')
                + ".properties")));
        return properties;
    }

    @Test
    public void shouldShipACommandLineThatRuns() throws Exception {
        Path cli = folder.getRoot().toPath().resolve("nbci.jar");
        try (InputStream in = jar.getInputStream(jar.getEntry("nbci-cli/nbci.jar"))) {
            Files.copy(in, cli);
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", cli.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("nbci " + System.getProperty("nbci.version"));
    }

    @Test
    public void shouldUnpackTheShippedCommandLineFromInsideThePluginJar() throws Exception {
        Class<?> shipped = load("io.nbci.bamboo.agent.ShippedCli");
        Object cli = shipped.getMethod("fromPluginJar").invoke(null);
        Path unpacked = (Path) shipped.getMethod("unpackInto", Path.class).invoke(cli, folder.getRoot().toPath());

        try (InputStream in = jar.getInputStream(jar.getEntry("nbci-cli/nbci.jar"))) {
            assertThat(Files.readAllBytes(unpacked)).isEqualTo(in.readAllBytes());
        }
        assertThat(shipped.getMethod("unpackInto", Path.class).invoke(cli, folder.getRoot().toPath()))
                .isEqualTo(unpacked);
    }

    @Test
    public void shouldCarryNoCommandLineHadoopOrHostClassesOfItsOwn() {
        List<String> names = jar.stream().map(ZipEntry::getName).toList();

        assertThat(names).noneMatch(name -> name.startsWith("picocli/"))
                .noneMatch(name -> name.startsWith("org/apache/hadoop/"))
                .noneMatch(name -> name.startsWith("io/nbci/cli/"))
                .noneMatch(name -> name.startsWith("io/nbci/notebook/"))
                .noneMatch(name -> name.startsWith("com/atlassian/"))
                .noneMatch(name -> name.startsWith("com/fasterxml/"));
        assertThat(names).contains("io/nbci/launch/NbciInvocation.class", "io/nbci/common/Secret.class");
    }

    /** jdeps over the jar: every class it references is in the jar, the JDK or what Bamboo provides. */
    @Test
    public void shouldReferenceNothingOutsideTheJarTheJdkAndTheBambooApi() {
        String hostClasspath = hostApiPaths();

        String closed = jdeps("--multi-release", "17", "--missing-deps", "-cp", hostClasspath, jarPath.toString());
        String open = jdeps("--multi-release", "17", "--missing-deps", jarPath.toString());

        assertThat(closed).as("missing dependencies").doesNotContain("not found");
        assertThat(open).as("without the Bamboo API, only Bamboo types are missing").contains("not found");
        for (String line : open.split("\\R")) {
            if (line.contains("->") && line.contains("not found") && !line.contains(".jar ->")) {
                assertThat(line.split("->")[1].strip()).startsWith("com.atlassian.bamboo.");
            }
        }
    }

    private static String hostApiPaths() {
        List<String> paths = new ArrayList<>();
        for (URL url : hostApi.getURLs()) {
            paths.add(Path.of(java.net.URI.create(url.toString())).toString());
        }
        return String.join(File.pathSeparator, paths);
    }

    private static String jdeps(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = ToolProvider.findFirst("jdeps").orElseThrow().run(print, print, args);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        return text;
    }
}

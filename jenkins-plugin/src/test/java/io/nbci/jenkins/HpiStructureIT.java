package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Opens the built .hpi and checks what Jenkins needs to install and load it. */
public class HpiStructureIT {
    @ClassRule
    public static TemporaryFolder folder = new TemporaryFolder();

    private static File hpi;
    private static File pluginJar;
    private static File cliJar;

    @BeforeClass
    public static void unpack() throws Exception {
        hpi = new File(System.getProperty("nbci.hpi"));
        assertThat(hpi).as("built by mvn package").isFile();
        try (ZipFile zip = new ZipFile(hpi)) {
            pluginJar = extract(zip, "WEB-INF/lib/nbci-plugin.jar");
            cliJar = extract(zip, "WEB-INF/lib/nbci.jar");
        }
    }

    private static File extract(ZipFile zip, String name) throws Exception {
        ZipEntry entry = zip.getEntry(name);
        assertThat(entry).as(name + " in the .hpi").isNotNull();
        File file = folder.newFile(name.replace('/', '_'));
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, file.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String text(File jar, String entry) throws Exception {
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry found = zip.getEntry(entry);
            assertThat(found).as(entry + " in " + jar.getName()).isNotNull();
            try (InputStream in = zip.getInputStream(found)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    public void shouldCarryThePluginManifest() throws Exception {
        try (JarFile jar = new JarFile(hpi)) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            String version = System.getProperty("nbci.version");
            String jenkins = System.getProperty("nbci.jenkins.version");
            assertThat(manifest.getValue("Short-Name")).isEqualTo("nbci-plugin");
            assertThat(manifest.getValue("Artifact-Id")).isEqualTo("nbci-plugin");
            assertThat(manifest.getValue("Group-Id")).isEqualTo("io.nbci");
            assertThat(manifest.getValue("Long-Name")).isEqualTo("nbci: notebook CI for Hadoop data teams");
            assertThat(manifest.getValue("Plugin-Version")).isEqualTo(version);
            assertThat(manifest.getValue("Jenkins-Version")).isEqualTo(jenkins).isEqualTo("2.541.3");
            assertThat(manifest.getValue("Hudson-Version")).isEqualTo(jenkins);
            assertThat(manifest.getValue("Url")).startsWith("https://");
            assertThat(manifest.getValue("Plugin-Class")).as("no hudson.Plugin subclass").isNull();
            String dependencies = manifest.getValue("Plugin-Dependencies");
            assertThat(dependencies).isEqualTo(System.getProperty("nbci.hpi.expectedDependencies"));
            List<String> names = new ArrayList<>();
            for (String dependency : dependencies.split(",")) {
                String[] parts = dependency.split(";")[0].split(":");
                assertThat(parts).hasSize(2);
                assertThat(parts[1]).as("real version of " + parts[0]).matches("\\d+\\.v[0-9a-f_]+");
                names.add(parts[0]);
            }
            assertThat(names).containsExactly("workflow-step-api", "credentials", "plain-credentials", "structs",
                    "junit");
            assertThat(dependencies).endsWith("junit:1418.v67a_81935603c;resolution:=optional");
        }
    }

    @Test
    public void shouldShipThePluginJarAndTheCommandLineOnly() throws Exception {
        List<String> libs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(hpi)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("WEB-INF/lib/") && !entry.isDirectory()) {
                    libs.add(entry.getName());
                }
            }
        }
        assertThat(libs).containsExactlyInAnyOrder("WEB-INF/lib/nbci-plugin.jar", "WEB-INF/lib/nbci.jar");
        try (ZipFile zip = new ZipFile(pluginJar)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertThat(entry.getName()).as("no compile-only stand-in is packaged")
                        .doesNotStartWith("hudson/").doesNotStartWith("jenkins/").doesNotStartWith("org/")
                        .doesNotStartWith("com/").doesNotStartWith("net/").doesNotStartWith("io/nbci/jenkins/shim/");
            }
        }
        try (JarFile cli = new JarFile(cliJar)) {
            assertThat(cli.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.nbci.cli.Main");
            assertThat(cli.getEntry("io/nbci/launch/NbciInvocation.class")).isNotNull();
            assertThat(cli.getEntry("hudson/model/Run.class")).as("no Jenkins type in the command line").isNull();
        }
    }

    @Test
    public void shouldRunTheShippedCommandLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", cliJar.getPath(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("nbci " + System.getProperty("nbci.version"));
    }

    @Test
    public void shouldIndexEveryExtensionWithSezpoz() throws Exception {
        List<String> extensions = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toURI().toURL()},
                HpiStructureIT.class.getClassLoader().getParent())) {
            for (IndexItem<hudson.Extension, Object> item : Index.load(hudson.Extension.class, Object.class, loader)) {
                extensions.add(item.className());
            }
        }
        assertThat(extensions).containsExactlyInAnyOrder(
                "io.nbci.jenkins.RunNotebooksBuilder$DescriptorImpl",
                "io.nbci.jenkins.ScenarioTestBuilder$DescriptorImpl",
                "io.nbci.jenkins.DeployBuilder$DescriptorImpl",
                "io.nbci.jenkins.CommitStatusBuilder$DescriptorImpl",
                "io.nbci.jenkins.GateStep$DescriptorImpl",
                "io.nbci.jenkins.HdfsDeployTarget$DescriptorImpl",
                "io.nbci.jenkins.NbciGlobalConfiguration");
    }

    @Test
    public void shouldIndexEverySymbol() throws Exception {
        List<String> symbols = List.of(text(pluginJar, "META-INF/services/annotations/org.jenkinsci.Symbol")
                .split("\\R"));
        assertThat(symbols).containsExactlyInAnyOrder(
                "io.nbci.jenkins.RunNotebooksBuilder$DescriptorImpl",
                "io.nbci.jenkins.ScenarioTestBuilder$DescriptorImpl",
                "io.nbci.jenkins.DeployBuilder$DescriptorImpl",
                "io.nbci.jenkins.CommitStatusBuilder$DescriptorImpl",
                "io.nbci.jenkins.GateStep$DescriptorImpl",
                "io.nbci.jenkins.NbciGlobalConfiguration");
        try (ZipFile zip = new ZipFile(pluginJar)) {
            for (String symbol : symbols) {
                assertThat(zip.getEntry(symbol.replace('.', '/') + ".class")).as(symbol).isNotNull();
            }
        }
    }

    @Test
    public void shouldCarryTheDescriptionFormsAndHelp() throws Exception {
        assertThat(text(pluginJar, "index.jelly")).contains("Notebook CI for Hadoop data teams");
        for (String form : List.of("RunNotebooksBuilder", "ScenarioTestBuilder", "DeployBuilder",
                "CommitStatusBuilder", "GateStep", "HdfsDeployTarget", "NbciGlobalConfiguration")) {
            assertThat(text(pluginJar, "io/nbci/jenkins/" + form + "/config.jelly")).contains("<f:");
        }
        assertThat(text(pluginJar, "io/nbci/jenkins/CommitStatusBuilder/help-credentialsId.html"))
                .contains("NBCI_STATUS_TOKEN");
    }
}

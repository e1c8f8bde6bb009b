package io.nbci.bamboo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.Test;

/**
 * Holds the plugin to its shape: the stored-config views and the Specs builders need nothing of
 * Bamboo's server SPI (so a team's Specs project compiles them with bamboo-specs alone), and the
 * plugin uses the core only through its host-neutral launch code.
 */
public class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nbci.bamboo");

    @Test
    public void shouldKeepConfigViewsFreeOfBambooTypes() {
        classes().that().resideInAPackage("io.nbci.bamboo.config..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.nbci.bamboo.config..",
                        "io.nbci.launch..", "io.nbci.common..")
                .check(PLUGIN);
    }

    @Test
    public void shouldBuildSpecsWithBambooSpecsAlone() {
        classes().that().resideInAPackage("io.nbci.bamboo.specs..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.atlassian.bamboo.specs..",
                        "io.nbci.bamboo", "io.nbci.bamboo.config..", "io.nbci.bamboo.specs..", "io.nbci.common..")
                .check(PLUGIN);
    }

    @Test
    public void shouldUseTheCoreOnlyThroughItsLaunchCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.nbci.cli..", "io.nbci.notebook..",
                "io.nbci.execution..", "io.nbci.scenario..", "io.nbci.localcluster..", "io.nbci.deploy..",
                "io.nbci.status..", "io.nbci.report..", "io.nbci.config..", "picocli..", "org.apache.hadoop..")
                .check(PLUGIN);
    }
}

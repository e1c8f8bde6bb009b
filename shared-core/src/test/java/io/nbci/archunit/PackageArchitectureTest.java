package io.nbci.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.runner.RunWith;

/**
 * Holds the core to its drawing ({@code src/test/resources/design.puml}) and keeps every
 * host-CI type out of it: the core must run on a laptop, in the Jenkins plugin and in
 * the Bamboo plugin alike.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.nbci", importOptions = ImportOption.DoNotIncludeTests.class)
public class PackageArchitectureTest {

    @ArchTest
    public static final ArchRule shouldNotDependOnAnyHostCi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "com.atlassian..")
            .because("the core is shared by the command line, the Jenkins plugin and the Bamboo plugin");

    @ArchTest
    public static final ArchRule shouldFollowTheDesignDrawing = ArchRuleDefinition.classes()
            .should(adhereToPlantUmlDiagram(PackageArchitectureTest.class.getResource("/design.puml"),
                    consideringOnlyDependenciesInDiagram()));
}

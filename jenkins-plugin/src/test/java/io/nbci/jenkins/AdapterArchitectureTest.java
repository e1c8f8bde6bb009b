package io.nbci.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

/**
 * The adapter decides nothing and loads nothing heavy in the controller: of the core it may
 * use only the launch configs, the results model and the common types, never the packages
 * that drive kernels, clusters, HDFS or status APIs (those run in the nbci process on the agent).
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.nbci.jenkins", importOptions = ImportOption.DoNotIncludeTests.class)
public class AdapterArchitectureTest {

    @ArchTest
    public static final ArchRule shouldUseOnlyTheLaunchApiOfTheCore = noClasses()
            .that().resideInAPackage("io.nbci.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("io.nbci.cli..", "io.nbci.execution..",
                    "io.nbci.localcluster..", "io.nbci.scenario..", "io.nbci.deploy..", "io.nbci.status..",
                    "io.nbci.report..", "io.nbci.notebook..", "io.nbci.config..")
            .because("every decision lives in io.nbci.launch and runs in the nbci process on the agent");

    @ArchTest
    public static final ArchRule shouldNeverTouchHadoopHiveOrJupyter = noClasses()
            .that().resideInAPackage("io.nbci.jenkins..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "org.apache.hive..",
                    "org.zeromq..")
            .because("Hadoop, Hive and kernel clients must never load in the Jenkins controller");
}

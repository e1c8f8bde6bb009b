package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class ScenarioTestConfigTest {

    @Test
    public void shouldRenderEmbeddedTestRun() {
        NbciInvocation invocation = ScenarioTestConfig.builder().paths("scenarios/a.yaml, scenarios/b/*.yaml\n")
                .build().toInvocation();

        assertThat(invocation.arguments()).containsExactly("test", "scenarios/a.yaml", "scenarios/b/*.yaml",
                "--backend", "embedded", "--output-dir", "nbci-output/scenarios",
                "--junit", "nbci-output/scenarios-junit.xml", "--results", "nbci-output/scenarios-results.json");
        assertThat(invocation.collect(Collect.Kind.JUNIT)).containsExactly("nbci-output/scenarios-junit.xml");
        assertThat(invocation.collect(Collect.Kind.NOTEBOOK)).containsExactly("nbci-output/scenarios/**/*.ipynb");
        assertThat(invocation.outcome(4).result()).isEqualTo(Outcome.Result.TIMEOUT);
    }

    @Test
    public void shouldRenderExternalBackend() {
        NbciInvocation invocation = ScenarioTestConfig.builder().backend("external")
                .hiveJdbcUrl("jdbc:hive2://hs2:10000/default").hdfsUri("hdfs://nn:8020").scratchPrefix("ci_scratch")
                .unstableOnFailure(true).build().toInvocation();

        assertThat(invocation.arguments()).containsSequence("--backend", "external", "--hive-jdbc-url",
                "jdbc:hive2://hs2:10000/default", "--hdfs-uri", "hdfs://nn:8020", "--scratch-prefix", "ci_scratch");
        assertThat(invocation.outcome(1).result()).isEqualTo(Outcome.Result.UNSTABLE);
    }

    @Test
    public void shouldNameTheBadField() {
        assertThatThrownBy(() -> ScenarioTestConfig.builder().backend("docker").build())
                .hasMessage("backend: expected embedded or external, found \"docker\"");
        assertThatThrownBy(() -> ScenarioTestConfig.builder().backend("external").build())
                .hasMessageStartingWith("hiveJdbcUrl: required");
        assertThatThrownBy(() -> ScenarioTestConfig.builder().backend("external")
                .hiveJdbcUrl("jdbc:hive2://h:1/;user=a;password=b").build())
                .hasMessageStartingWith("hiveJdbcUrl: do not put a password");
        assertThatThrownBy(() -> ScenarioTestConfig.builder().backend("external").hiveJdbcUrl("jdbc:hive2://h:1/")
                .hdfsUri("s3://bucket").scratchPrefix("x").build()).hasMessageStartingWith("hdfsUri: expected a URI");
        assertThatThrownBy(() -> ScenarioTestConfig.builder().hdfsUri("hdfs://nn:8020").build())
                .hasMessageStartingWith("backend: the JDBC URL, HDFS URI and scratch prefix are for the external");
        assertThatThrownBy(() -> ScenarioTestConfig.builder().paths("/etc/scenarios").build())
                .hasMessageStartingWith("paths: expected a path relative to the workspace");
    }
}

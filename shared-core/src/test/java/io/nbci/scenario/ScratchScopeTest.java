package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ScratchScopeTest {

    private static Scenario scenario(List<Fixture> fixtures, List<Expectation> expectations) {
        RunSpec run = new RunSpec(RunSpec.Kind.COMMAND, null, Map.of(), null, List.of("/bin/true"), Path.of("."),
                Map.of(), 60, List.of());
        return new Scenario("s", null, fixtures, run, expectations);
    }

    @Test
    public void shouldAllowEverythingOnAClusterNbciOwns() {
        ScratchScope scope = new ScratchScope("/");

        scope.requireInside(scenario(List.of(new Fixture.HdfsPath("a.yaml:3", "/data/x", "", null)), List.of()));

        assertThat(scope.isWholeCluster()).isTrue();
        assertThat(scope.stagingFolder()).isEqualTo("/tmp/nbci-fixtures");
    }

    @Test
    public void shouldRefuseEveryPathOutsideTheScratchPrefixNamingFileAndLine() {
        ScratchScope scope = new ScratchScope("/tmp/nbci-scratch/");
        Scenario scenario = scenario(
                List.of(new Fixture.HdfsPath("a.yaml:3", "/tmp/nbci-scratch/in/x.txt", "", null),
                        new Fixture.HdfsPath("a.yaml:5", "/data/x", "", null),
                        new Fixture.HiveTable("a.yaml:8", "db", "t", null, Map.of("x", "INT"), Map.of(), Map.of(),
                                List.of(), "textfile", "/warehouse/t")),
                List.of(new Expectation.HdfsPathState("a.yaml:12", "/tmp/nbci-scratchy/out", true, null, null),
                        new Expectation.HdfsPathState("a.yaml:14", "/tmp/nbci-scratch", true, null, null)));

        assertThatThrownBy(() -> scope.requireInside(scenario)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessageContaining("below the scratch prefix /tmp/nbci-scratch")
                .hasMessageContaining("a.yaml:5: HDFS fixture /data/x")
                .hasMessageContaining("a.yaml:8: table location /warehouse/t")
                .hasMessageContaining("a.yaml:12: HDFS expectation /tmp/nbci-scratchy/out")
                .hasMessageNotContaining("a.yaml:3")
                .hasMessageNotContaining("a.yaml:14");
        assertThat(scope.stagingFolder()).isEqualTo("/tmp/nbci-scratch/.nbci-fixtures");
    }
}

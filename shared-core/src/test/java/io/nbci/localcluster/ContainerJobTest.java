package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;

public class ContainerJobTest {

    @Test
    public void shouldMountTheRepositoryAndWorkThere() {
        ContainerJob job = ContainerJob.builder("img:1", "python3", "job.py").repository(Path.of("/src/team"))
                .env("A", "1").memory("256m").cpus(1.5).timeout(Duration.ofMinutes(2)).build();

        assertThat(job.mounts()).containsExactly(new ContainerJob.Mount(Path.of("/src/team"), "/repo", false));
        assertThat(job.workingDir()).isEqualTo("/repo");
        assertThat(job.memoryBytes()).isEqualTo(256L << 20);
        assertThat(job.env()).isEqualTo(Map.of("A", "1"));
        assertThat(job.network()).isEqualTo(ContainerJob.Network.host());
    }

    @Test
    public void shouldParseSizesAndNameTheBadField() {
        assertThat(ContainerJob.bytes("2g", "memory")).isEqualTo(2L << 30);
        assertThat(ContainerJob.bytes("64k", "memory")).isEqualTo(64L << 10);
        assertThat(ContainerJob.bytes("1000", "memory")).isEqualTo(1000L);
        assertThatThrownBy(() -> ContainerJob.builder("img", "true").memory("lots"))
                .hasMessage("memory: a size such as 512m or 2g expected, found 'lots'")
                .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldRejectAJobWithoutCommandOrWithARelativeMount() {
        assertThatThrownBy(() -> ContainerJob.builder("img").build())
                .hasMessage("command: an argv expected, found none");
        assertThatThrownBy(() -> ContainerJob.builder("img", "true").mount(Path.of("/data"), "data", true).build())
                .hasMessageContaining("an absolute container path expected, found 'data'");
        assertThatThrownBy(() -> ContainerJob.builder("img", "true").timeout(Duration.ZERO).build())
                .hasMessageStartingWith("timeout: a positive duration expected");
    }

    @Test
    public void shouldDescribeOutOfMemoryTimeoutAndExit() {
        ContainerJob job = ContainerJob.builder("img", "true").memory("64m").timeout(Duration.ofSeconds(9)).build();

        assertThat(new JobResult(137, "", true, false, Duration.ofSeconds(1)).describe(job))
                .isEqualTo("killed: out of memory (container limit 64 MB), exit 137");
        assertThat(new JobResult(137, "", false, true, Duration.ofSeconds(9)).describe(job))
                .isEqualTo("killed after the timeout of 9 s");
        assertThat(new JobResult(0, "", false, false, Duration.ofMillis(1500)).describe(job)).isEqualTo("exit 0 in 1.5 s");
    }
}

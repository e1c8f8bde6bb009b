package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Start, stop and failure paths of the embedded backend, on a Graphite-only cluster (seconds, not minutes). */
public class LocalClusterLifecycleIT {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void stopShouldLeaveNoProcessPortOrTemporaryFolder() {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("128m").start();
        long pid = cluster.pid().getAsLong();
        int port = cluster.getGraphitePort();
        Path work = cluster.getWorkingFolder();
        assertThat(ProcessHandle.of(pid)).isPresent();

        cluster.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Ports.isFree("localhost", port, true)).isTrue();
        assertThat(work).doesNotExist();
        cluster.close(); // idempotent
    }

    @Test
    public void killedParentShouldTakeTheServicesWithIt() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String property : List.of(RuntimeClasspath.PROPERTY, "nbci.home")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(ClusterParentMain.class.getName());
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        String[] started;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("CLUSTER ")) {
                line = out.readLine();
            }
            assertThat(line).as("parent output").isNotNull();
            started = line.split(" ");
            long child = Long.parseLong(started[1]);
            int port = Integer.parseInt(started[2]);
            Path work = Path.of(started[3]);
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            parent.waitFor();

            long deadline = System.currentTimeMillis() + 30_000;
            while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("service JVM alive")
                    .isFalse();
            assertThat(Ports.isFree("localhost", port, true)).as("graphite port free").isTrue();
            assertThat(work).as("temporary working folder").doesNotExist();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    public void portConflictShouldNameServiceAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withGraphitePort(port);

            assertThatThrownBy(cluster::start)
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("graphite")
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("already in use")
                    .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE));
        }
    }

    /**
     * The port is free when nbci chooses it and taken before the service binds it (another process won
     * the race): the failure comes from inside the service JVM, which names the service and the port,
     * and nbci adds the service log's last lines.
     */
    @Test
    public void serviceFailingInsideTheServiceJvmShouldNameServicePortAndShowTheLog() throws Exception {
        Path work = temp.newFolder("raced").toPath();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            port = probe.getLocalPort();
        }
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("128m")
                .withGraphitePort(port).withWorkingFolder(work);
        java.util.concurrent.CompletableFuture<Throwable> failure = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        cluster.start().stop();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
        // launch.properties is written after the ports were checked, just before the service JVM starts
        long deadline = System.currentTimeMillis() + 10_000;
        while (!java.nio.file.Files.exists(work.resolve("launch.properties"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        try (ServerSocket racer = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
            Throwable thrown = failure.get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(thrown).isInstanceOf(ClusterException.class)
                    .hasMessageContaining("graphite failed to start on port " + port)
                    .hasMessageContaining("Address already in use")
                    .hasMessageContaining("lines of " + work.resolve("logs/cluster.log"));
            assertThat(((ClusterException) thrown).exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE);
        }
    }

    @Test
    public void serviceJvmThatDiesShouldBeReportedWithItsLastLogLines() {
        // a heap the JVM refuses: it exits at once and says why in the log
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("1k");

        assertThatThrownBy(cluster::start)
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("exited with status")
                .hasMessageContaining("before it was ready")
                .hasMessageContaining("lines of")
                .hasMessageContaining("heap");
    }

    @Test
    public void startShouldTimeOutWithExitCodeFour() {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE)
                .withStartupTimeout(java.time.Duration.ofMillis(1));

        assertThatThrownBy(cluster::start)
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("not ready within")
                .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.TIMEOUT));
    }

    @Test
    public void detachedClusterShouldBeReachableFromItsWorkingFolder() throws Exception {
        Path work = temp.newFolder("detached").toPath();
        LocalCluster started = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("128m")
                .withWorkingFolder(work).withDetached(true).start();
        try {
            LocalCluster attached = LocalCluster.attach(work);
            assertThat(attached.isRunning()).isTrue();
            assertThat(attached.getGraphitePort()).isEqualTo(started.getGraphitePort());

            attached.stop();

            assertThat(started.isRunning()).isFalse();
            assertThat(work.resolve("logs/cluster.log")).exists();
        } finally {
            started.stop();
        }
    }
}

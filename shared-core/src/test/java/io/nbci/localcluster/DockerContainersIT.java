package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The container machinery around the contract: start failures with their logs, job containers
 * (exit code, output, environment, repository mount, memory limit, networks), and prune after a
 * killed owner. Real podman through its Docker API; the small images come from scripts/podman-service.sh.
 */
public class DockerContainersIT {

    private static String host;
    private static DockerClient client;
    private static LocalCluster graphite;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @BeforeClass
    public static void requireDocker() {
        DockerTestSupport.assumeDocker();
        host = DockerTestSupport.dockerHost();
        client = DockerClients.connect(host);
    }

    @AfterClass
    public static void stopGraphite() {
        if (graphite != null) {
            graphite.stop();
        }
    }

    private static LocalCluster graphiteCluster() {
        if (graphite == null) {
            graphite = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("64m")
                    .withBackend(new DockerBackend().withDockerHost(host)).start();
        }
        return graphite;
    }

    private static List<String> containersLabelled(String label, String value) {
        List<String> names = new ArrayList<>();
        client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()
                .forEach(c -> names.add(c.getNames()[0]));
        return names;
    }

    @Test
    public void shouldNameAMissingImageAndHowToGetItInsteadOfPulling() {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE)
                .withBackend(new DockerBackend().withDockerHost(host).withImage("localhost/nbci-no-such-image:0"));

        assertThatThrownBy(cluster::start).isInstanceOf(ClusterException.class)
                .hasMessageContaining("image 'localhost/nbci-no-such-image:0' not found on the Docker host " + host)
                .hasMessageContaining("nbci never pulls")
                .hasMessageContaining("build or pull it first");
    }

    @Test
    public void shouldFailWithTheContainerLogWhenTheImageIsNotAClusterImage() {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.GRAPHITE)
                .withStartupTimeout(Duration.ofSeconds(30))
                .withBackend(new DockerBackend().withDockerHost(host).withImage(DockerTestSupport.BUSYBOX));
        int before = client.listNetworksCmd().exec().size();

        assertThatThrownBy(cluster::start).isInstanceOf(ClusterException.class)
                .hasMessageContaining("(" + DockerTestSupport.BUSYBOX + ") exited with status 0")
                .hasMessageContaining("while waiting for log line /^nbci-cluster: ready in/")
                .hasMessageContaining("lines of container nbci-cluster-");

        assertThat(client.listNetworksCmd().exec()).as("suite network removed").hasSize(before);
    }

    @Test
    public void shouldTimeOutWithTheLastLogLinesWhenAPortNeverOpens() {
        String session = "porttest" + System.nanoTime() % 100000;
        ContainerPlan plan = new ContainerPlan("nbci-port-" + session, DockerTestSupport.BUSYBOX,
                List.of("sh", "-c", "echo fake service starting; echo still not listening; sleep 600"),
                Map.of(), Map.of(7777, Ports.choose(new LocalCluster().spec(), List.of(ClusterSpec.Port.HIVE))
                        .get(ClusterSpec.Port.HIVE)), java.util.Set.of(), "podman", List.of(),
                ContainerLabels.of(session, "test", false), 0, Map.of(), List.of(WaitStrategy.port(7777)), null,
                Duration.ofSeconds(4));
        long t0 = System.nanoTime();

        assertThatThrownBy(() -> ServiceContainers.start(client, plan, temp.getRoot().toPath().resolve("port.log"),
                "localhost"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("not ready within 4 s: still waiting for port 7777")
                .hasMessageContaining("fake service starting")
                .hasMessageContaining("still not listening")
                .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(containersLabelled(ContainerLabels.SESSION, session)).as("container removed").isEmpty();
    }

    @Test
    public void shouldStartTheOfficialImagesLayoutOnLocalStandIns() throws Exception {
        LocalCluster cluster = new LocalCluster().withServices(ClusterService.HDFS, ClusterService.HIVE)
                .withStartupTimeout(Duration.ofSeconds(60)).withBackend(new DockerBackend().withDockerHost(host)
                        .withOfficialImages(new OfficialImages(DockerTestSupport.STANDIN, DockerTestSupport.STANDIN)));
        List<String> names;
        try {
            cluster.start();
            OfficialHandle handle = (OfficialHandle) cluster.handle();
            names = handle.containerNames();

            assertThat(names).hasSize(4).allMatch(n -> n.matches("nbci-(namenode|datanode|metastore|hiveserver2)-.*"));
            java.net.HttpURLConnection http = (java.net.HttpURLConnection) new java.net.URL(cluster.getWebHdfsUrl()
                    + "/?op=GETFILESTATUS").openConnection();
            assertThat(http.getResponseCode()).isEqualTo(200);
            String jdbc = cluster.getHiveJdbcUrl();
            try (java.net.Socket socket = new java.net.Socket("localhost",
                    Integer.parseInt(jdbc.replaceAll(".*:(\\d+)/default$", "$1")))) {
                assertThat(socket.isConnected()).isTrue();
            }
            assertThat(Files.readString(cluster.getHadoopConfDir().resolve("core-site.xml")))
                    .contains(cluster.getHdfsUri());
            assertThatThrownBy(cluster::reset).hasMessageContaining("needs nbci's cluster image");
        } finally {
            cluster.stop();
        }
        for (String name : names) {
            assertThat(client.listContainersCmd().withShowAll(true).withNameFilter(List.of(name)).exec())
                    .as(name + " removed").isEmpty();
        }
    }

    @Test
    public void shouldRefuseGraphiteOnTheOfficialImages() {
        LocalCluster cluster = new LocalCluster().withBackend(new DockerBackend().withDockerHost(host)
                .withOfficialImages(OfficialImages.defaults()));

        assertThatThrownBy(cluster::start).hasMessageContaining("have no Graphite sink")
                .satisfies(e -> assertThat(((ClusterException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldRunAJobWithRepositoryEnvironmentAndExitCode() throws Exception {
        Path repo = temp.newFolder("repo").toPath();
        Files.writeString(repo.resolve("input.txt"), "three lines\nof\ninput\n");
        ContainerJob job = ContainerJob.builder(DockerTestSupport.BUSYBOX, "sh", "-c",
                "wc -l < input.txt; echo \"greeting=$GREETING\"; echo to-stderr >&2; echo written > out.txt; exit 3")
                .repository(repo).env("GREETING", "hello").memory("64m").cpus(0.5).build();

        JobResult result = new JobContainers(host).run(job, LogSink.silent());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("3\n", "greeting=hello", "to-stderr");
        assertThat(result.oomKilled()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(Files.readString(repo.resolve("out.txt"))).isEqualTo("written\n");
    }

    @Test
    public void shouldReportOutOfMemoryWhenAJobExceedsItsLimit() {
        ContainerJob job = ContainerJob.builder(DockerTestSupport.JRE, "java", "-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch", "-version").memory("64m").build();

        JobResult result = new JobContainers(host).run(job, LogSink.silent());

        assertThat(result.oomKilled()).as("OOM killed; output: " + result.output()).isTrue();
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.describe(job)).startsWith("killed: out of memory (container limit 64 MB)");
        ContainerJob roomy = ContainerJob.builder(DockerTestSupport.JRE, "java", "-Xms256m", "-Xmx256m",
                "-XX:+AlwaysPreTouch", "-version").memory("512m").build();
        JobResult fits = new JobContainers(host).run(roomy, LogSink.silent());
        assertThat(fits.succeeded()).as(fits.output()).isTrue();
        assertThat(fits.output()).contains("openjdk version \"17");
    }

    @Test
    public void shouldKillAJobAtItsTimeout() {
        ContainerJob job = ContainerJob.builder(DockerTestSupport.BUSYBOX, "sleep", "600")
                .timeout(Duration.ofSeconds(2)).build();

        JobResult result = new JobContainers(host).run(job, LogSink.silent());

        assertThat(result.timedOut()).isTrue();
        assertThat(result.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    public void shouldReachTheClusterFromAJobInItsNetworkAndByAlias() throws Exception {
        LocalCluster cluster = graphiteCluster();
        ContainerJob shared = ContainerJob.builder(DockerTestSupport.BUSYBOX, "sh", "-c",
                "echo \"job.shared 1 1700000000\" | nc localhost $NBCI_GRAPHITE_PORT && ls $HADOOP_CONF_DIR")
                .cluster(cluster).build();
        ContainerJob byAlias = ContainerJob.builder(DockerTestSupport.BUSYBOX, "sh", "-c",
                "echo \"job.alias 2 1700000000\" | nc " + DockerBackend.ALIAS + " " + cluster.getGraphitePort())
                .network(ContainerJob.Network.named(((DockerHandle) cluster.handle()).network())).build();

        JobResult first = new JobContainers(host).run(shared, LogSink.silent());
        JobResult second = new JobContainers(host).run(byAlias, LogSink.silent());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        long deadline = System.currentTimeMillis() + 10_000;
        while (cluster.metricCount("job.*") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(cluster.metricValues("job.*")).containsExactlyInAnyOrder(1.0, 2.0);
    }

    /** Starts a Graphite-only cluster in another JVM; returns its container id once started. */
    private static String clusterOfAnotherJvm(Process owner) throws Exception {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("CLUSTER ")) {
                line = out.readLine();
            }
            assertThat(line).as("owner output").isNotNull();
            return line.split(" ")[1];
        }
    }

    private static Process owner(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DockerOrphanMain.class.getName(), host));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    public void shouldRemoveTheContainerAndNetworkWhenTheOwnerJvmExits() throws Exception {
        Process owner = owner("exit");
        String containerId = clusterOfAnotherJvm(owner);

        assertThat(owner.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("owner exited").isTrue();

        assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec())
                .as("removed by the shutdown hook").isEmpty();
    }

    @Test
    public void shouldReachAnEmbeddedClusterFromAJobOnTheHostNetwork() throws Exception {
        try (LocalCluster embedded = new LocalCluster().withServices(ClusterService.GRAPHITE).withMemory("64m").start()) {
            ContainerJob job = ContainerJob.builder(DockerTestSupport.BUSYBOX, "sh", "-c",
                    "echo \"job.host 3 1700000000\" | nc localhost $NBCI_GRAPHITE_PORT").cluster(embedded).build();

            JobResult result = new JobContainers(host).run(job, LogSink.silent());

            assertThat(job.network()).isEqualTo(ContainerJob.Network.host());
            assertThat(result.exitCode()).as(result.output()).isZero();
            long deadline = System.currentTimeMillis() + 10_000;
            while (embedded.metricCount("job.host") < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(embedded.metricValues("job.host")).containsExactly(3.0);
        }
    }

    @Test
    public void pruneShouldRemoveWhatAKilledJvmLeftButNotLiveClusters() throws Exception {
        LocalCluster live = graphiteCluster();
        Process owner = owner();
        String containerId;
        try {
            containerId = clusterOfAnotherJvm(owner);
        } finally {
            owner.destroyForcibly(); // SIGKILL: its shutdown hook never runs
            owner.waitFor();
        }
        assertThat(client.inspectContainerCmd(containerId).exec().getState().getRunning()).as("left behind").isTrue();

        ContainerPrune.Pruned pruned = ContainerPrune.prune(host, false, LogSink.silent());

        assertThat(pruned.containers()).hasSize(1).allMatch(name -> name.startsWith("nbci-cluster-"));
        assertThat(pruned.networks()).hasSize(1);
        assertThat(client.listContainersCmd().withShowAll(true).withIdFilter(List.of(containerId)).exec()).isEmpty();
        assertThat(live.isRunning()).as("this JVM's cluster untouched").isTrue();
    }
}

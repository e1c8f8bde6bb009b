package io.nbci.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.results.MetricSample;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;

/**
 * What every {@link ClusterBackend} must do, against real services: one cluster per test class
 * (starting Hive is the slow part), stopped and checked for leftovers after the last test.
 * A backend's test extends this class and says how to build its backend.
 */
public abstract class AbstractClusterBackendContractIT {

    private static LocalCluster cluster;

    /** The backend under test. */
    protected abstract ClusterBackend backend();

    /** The running cluster of this class (started before each test if needed). */
    protected static LocalCluster cluster() {
        return cluster;
    }

    @Before
    public void startOncePerClass() {
        if (cluster == null) {
            cluster = new LocalCluster().withBackend(backend()).withMemory("768m").start();
        }
    }

    @AfterClass
    public static void stopShouldLeaveNoProcessPortOrFolder() {
        if (cluster == null) {
            return;
        }
        LocalCluster stopping = cluster;
        cluster = null;
        OptionalLong pid = stopping.pid();
        ClusterEndpoints endpoints = stopping.endpoints();
        Path work = stopping.getWorkingFolder();
        stopping.stop();
        if (pid.isPresent()) {
            assertThat(ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive)).as("service process")
                    .isNotEqualTo(java.util.Optional.of(true));
        }
        assertThat(Ports.isFree("localhost", port(endpoints.hiveJdbcUrl()), false)).as("hive port free").isTrue();
        assertThat(Ports.isFree("localhost", port(endpoints.hdfsUri()), false)).as("hdfs port free").isTrue();
        assertThat(Ports.isFree("localhost", endpoints.graphitePort(), true)).as("graphite port free").isTrue();
        assertThat(work).as("temporary working folder").doesNotExist();
    }

    private static int port(String uri) {
        String afterHost = uri.substring(uri.lastIndexOf(':') + 1);
        return Integer.parseInt(afterHost.replaceAll("[^0-9].*$", ""));
    }

    @Test
    public void shouldCreateInsertAndSelectOverJdbc() throws Exception {
        List<String> rows = HiveJdbc.run(cluster.getHiveJdbcUrl(),
                "CREATE DATABASE sales",
                "CREATE TABLE sales.orders (id INT, amount DOUBLE)",
                "INSERT INTO sales.orders VALUES (1, 9.5), (2, 20.25), (3, 0.25)",
                "SELECT id, amount FROM sales.orders WHERE amount > 1 ORDER BY id");

        assertThat(rows).containsExactly("1|9.5", "2|20.25");
    }

    @Test
    public void shouldReadThroughHiveAnExternalTableWrittenOverWebHdfs() throws Exception {
        String root = cluster.getWebHdfsUrl();
        WebHdfs.mkdirs(root, "/landing/people");
        WebHdfs.create(root, "/landing/people/part-0.csv", "ada,36\ngrace,45\n");
        WebHdfs.create(root, "/landing/people/part-1.csv", "linus,28\n");

        List<String> rows = HiveJdbc.run(cluster.getHiveJdbcUrl(),
                "CREATE EXTERNAL TABLE people (name STRING, age INT) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                        + " STORED AS TEXTFILE LOCATION '" + cluster.getHdfsUri() + "/landing/people'",
                "SELECT name, age FROM people ORDER BY age");

        assertThat(rows).containsExactly("linus|28", "ada|36", "grace|45");
    }

    @Test
    public void shouldCaptureMetricsSentOverTcpAndUdp() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        try (Socket socket = new Socket(cluster.getGraphiteHost(), cluster.getGraphitePort());
                OutputStream out = socket.getOutputStream()) {
            out.write(("contract.tcp.rows 42 " + now + "\ncontract.tcp.millis 1.5 " + now + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] line = ("contract.udp.rows;job=score;env=ci 7 " + now + "\n").getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(line, line.length, InetAddress.getByName(cluster.getGraphiteHost()),
                    cluster.getGraphitePort()));
        }

        awaitMetrics("contract.**", 3);

        assertThat(cluster.metrics("contract.tcp.*")).extracting(MetricSample::name)
                .containsExactlyInAnyOrder("contract.tcp.rows", "contract.tcp.millis");
        assertThat(cluster.metricValues("contract.*.rows")).containsExactlyInAnyOrder(42.0, 7.0);
        assertThat(cluster.metrics("contract.udp.rows")).singleElement()
                .isEqualTo(new MetricSample("contract.udp.rows;job=score;env=ci", 7.0, now));
        assertThat(cluster.metricCount("other.*")).isZero();
    }

    @Test
    public void shouldResetToAnEmptyCluster() throws Exception {
        HiveJdbc.run(cluster.getHiveJdbcUrl(), "CREATE DATABASE scratch", "CREATE TABLE scratch.t (x INT)",
                "CREATE TABLE default.leftover (x INT)");
        WebHdfs.create(cluster.getWebHdfsUrl(), "/incoming/file.txt", "data");
        try (Socket socket = new Socket(cluster.getGraphiteHost(), cluster.getGraphitePort())) {
            socket.getOutputStream().write("reset.me 1 1700000000\n".getBytes(StandardCharsets.UTF_8));
        }
        awaitMetrics("reset.me", 1);

        Duration took = cluster.reset();

        assertThat(HiveJdbc.run(cluster.getHiveJdbcUrl(), "SHOW DATABASES")).containsExactly("default");
        assertThat(HiveJdbc.run(cluster.getHiveJdbcUrl(), "SHOW TABLES IN default")).isEmpty();
        assertThat(WebHdfs.status(cluster.getWebHdfsUrl(), "/incoming/file.txt")).isEqualTo(404);
        assertThat(cluster.metrics("**")).isEmpty();
        assertThat(took).isPositive();
        // still usable after a reset
        assertThat(HiveJdbc.run(cluster.getHiveJdbcUrl(), "CREATE DATABASE again", "SHOW DATABASES"))
                .containsExactlyInAnyOrder("default", "again");
    }

    @Test
    public void shouldWriteAHadoopConfDirForClients() throws Exception {
        Path conf = cluster.getHadoopConfDir();

        assertThat(Files.readString(conf.resolve("core-site.xml"))).contains(cluster.getHdfsUri());
        assertThat(Files.readString(conf.resolve("hdfs-site.xml"))).contains("dfs.namenode.http-address");
        assertThat(Files.readString(conf.resolve("hive-site.xml"))).contains(cluster.getMetastoreUri());
        assertThat(cluster.environment()).containsEntry("HADOOP_CONF_DIR", conf.toString())
                .containsEntry("NBCI_HIVE_JDBC_URL", cluster.getHiveJdbcUrl())
                .containsEntry("NBCI_GRAPHITE_PORT", String.valueOf(cluster.getGraphitePort()));
    }

    @Test
    public void shouldServeTheSameMetastoreOverThrift() throws Exception {
        HiveJdbc.run(cluster.getHiveJdbcUrl(), "CREATE DATABASE IF NOT EXISTS seen_by_spark");

        assertThat(HiveJdbc.metastoreDatabases(cluster.getMetastoreUri())).contains("default", "seen_by_spark");
    }

    private static void awaitMetrics(String glob, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (cluster.metricCount(glob) < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }
}

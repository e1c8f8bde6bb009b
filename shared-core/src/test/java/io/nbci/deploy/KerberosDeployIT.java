package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.keytab.Keytab;
import org.apache.kerby.kerberos.kerb.keytab.KeytabEntry;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code nbci deploy} against a kerberized HDFS, all real: a KDC ({@link MiniKdc}, Apache Kerby) and a
 * MiniDFSCluster with Kerberos RPC authentication ({@code hdfs/localhost} for the NameNode and the
 * DataNode, {@code HTTP/localhost} for SPNEGO on their web servers), block access tokens, and SASL
 * data transfer protection ({@code dfs.data.transfer.protection=authentication} with
 * {@code dfs.http.policy=HTTPS_ONLY}, a keystore made with the JDK's keytool): the DataNode passes its
 * secure-port check the way a production DataNode without root ports does, not through
 * {@code ignore.secure.ports.for.testing}, and a client must know the protection from the cluster's
 * hdfs-site.xml to write a block at all.
 *
 * <p>Each deploy is the real command line, {@code java -jar target/nbci.jar deploy ...}, in a child process
 * given the KDC's krb5.conf ({@code -Djava.security.krb5.conf}) and a target with
 * {@code kerberos: {principal: deploy@EXAMPLE.COM, keytab: ...}}. Runs in the failsafe execution
 * {@code kerberos} (its own JVM: the cluster makes this JVM's UserGroupInformation Kerberos-wide).
 */
public class KerberosDeployIT {
    private static final String STORE_PASSWORD = "kerberos-it-store";

    private static Path dir;
    private static MiniKdc kdc;
    private static MiniDFSCluster cluster;
    private static FileSystem admin;
    private static String realm;
    private static Path hdfsKeytab;
    private static Path deployKeytab;
    private static Path clientConf;
    private static Path sslServerXml;
    private static long setupMillis;

    @BeforeClass
    public static void startKdcAndKerberizedHdfs() throws Exception {
        long start = System.nanoTime();
        dir = Path.of("target", "kerberos-it").toAbsolutePath();
        FileUtils.deleteDirectory(dir.toFile());
        Files.createDirectories(dir);

        Properties kdcConf = MiniKdc.createConf();
        kdc = new MiniKdc(kdcConf, dir.resolve("kdc").toFile());
        kdc.start(); // sets java.security.krb5.conf for this JVM
        realm = kdc.getRealm();
        hdfsKeytab = dir.resolve("hdfs.keytab");
        kdc.createPrincipal(hdfsKeytab.toFile(), "hdfs/localhost", "HTTP/localhost");
        deployKeytab = dir.resolve("deploy.keytab");
        kdc.createPrincipal(deployKeytab.toFile(), "deploy");

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        conf.set("hadoop.security.authentication", "kerberos");
        conf.set("dfs.namenode.kerberos.principal", "hdfs/localhost@" + realm);
        conf.set("dfs.namenode.keytab.file", hdfsKeytab.toString());
        conf.set("dfs.datanode.kerberos.principal", "hdfs/localhost@" + realm);
        conf.set("dfs.datanode.keytab.file", hdfsKeytab.toString());
        conf.set("dfs.web.authentication.kerberos.principal", "HTTP/localhost@" + realm);
        conf.set("dfs.web.authentication.kerberos.keytab", hdfsKeytab.toString());
        conf.setBoolean("dfs.block.access.token.enable", true);
        conf.set("dfs.data.transfer.protection", "authentication");
        conf.set("dfs.http.policy", "HTTPS_ONLY");
        conf.set("dfs.namenode.https-address", "localhost:0");
        conf.set("dfs.datanode.https.address", "localhost:0");
        String sslServer = writeSslServerConfiguration();
        conf.set("dfs.https.server.keystore.resource", sslServer);
        conf.set("hadoop.ssl.server.conf", sslServer);
        conf.setBoolean("dfs.permissions.enabled", true);
        conf.setInt("dfs.replication", 1);
        UserGroupInformation.setConfiguration(conf);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
        cluster.waitActive();
        // the NameNode logged this JVM in as hdfs/localhost: the HDFS superuser
        admin = cluster.getFileSystem();

        // what a release manager copies from an edge node: the cluster's client configuration
        clientConf = Files.createDirectories(dir.resolve("hadoop-conf"));
        Files.writeString(clientConf.resolve("core-site.xml"), SiteXml.of(
                "hadoop.security.authentication", "kerberos",
                "fs.defaultFS", "hdfs://localhost:" + cluster.getNameNodePort()));
        Files.writeString(clientConf.resolve("hdfs-site.xml"), SiteXml.of(
                "dfs.namenode.kerberos.principal", "hdfs/localhost@" + realm,
                "dfs.data.transfer.protection", "authentication"));
        setupMillis = (System.nanoTime() - start) / 1_000_000L;
        System.out.println("KerberosDeployIT: KDC and kerberized MiniDFSCluster up in " + setupMillis + " ms");
    }

    /** A JKS keystore for localhost (keytool), named by a server SSL resource on this JVM's class path. */
    private static String writeSslServerConfiguration() throws Exception {
        Path keystore = dir.resolve("server.jks");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "JKS",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isEqualTo(0);
        // Hadoop loads the server SSL settings by resource name from the class path only
        Path classes = Path.of(KerberosDeployIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String name = "kerberos-it-ssl-server.xml";
        sslServerXml = classes.resolve(name);
        Files.writeString(sslServerXml, SiteXml.of(
                "ssl.server.keystore.location", keystore.toString(),
                "ssl.server.keystore.password", STORE_PASSWORD,
                "ssl.server.keystore.keypassword", STORE_PASSWORD,
                "ssl.server.keystore.type", "jks",
                "ssl.server.truststore.location", keystore.toString(),
                "ssl.server.truststore.password", STORE_PASSWORD,
                "ssl.server.truststore.type", "jks"));
        return name;
    }

    @AfterClass
    public static void stop() throws IOException {
        if (cluster != null) {
            cluster.shutdown(true);
        }
        if (kdc != null) {
            kdc.stop();
        }
        if (sslServerXml != null) {
            Files.deleteIfExists(sslServerXml);
        }
    }


    /** A base folder the deploy principal owns, as an HDFS admin prepares it for a new target. */
    private static String base(String name) throws IOException {
        String base = "/apps/" + name;
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(base);
        admin.mkdirs(path);
        admin.setOwner(path, "deploy", "supergroup");
        return base;
    }

    private static Path targets(String name, String base, String principal, Path keytab, Path hadoopConf)
            throws IOException {
        Path file = dir.resolve(name + "-nbci-deploy.yaml");
        Files.writeString(file, "targets:\n  t:\n    uri: hdfs://localhost:" + cluster.getNameNodePort() + "\n"
                + "    base: " + base + "\n"
                + "    kerberos:\n      principal: " + principal + "\n      keytab: " + keytab + "\n"
                + (hadoopConf == null ? "" : "    hadoop-conf: " + hadoopConf + "\n"));
        return file;
    }

    private static Path source(String name) throws IOException {
        Path source = Files.createDirectories(dir.resolve("src-" + name));
        Files.createDirectories(source.resolve("jobs"));
        Files.writeString(source.resolve("jobs/score.py"), "print('score " + name + "')\n");
        Files.writeString(source.resolve("README.md"), "# " + name + "\n");
        return source;
    }

    /** The outcome of one child process: exit code and everything it printed. */
    private record Run(int exitCode, String output, long millis) {
    }

    /** Runs {@code java -jar target/nbci.jar deploy ...} as a CI step would, with {@code env} over a clean environment. */
    private static Run deploy(Path targets, Path source, String version, Map<String, String> env) throws Exception {
        Path jar = Path.of("target", "nbci.jar").toAbsolutePath();
        assertThat(jar).as("the command line jar (built by the package phase)").exists();
        Path log = dir.resolve("deploy-" + version + "-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Djava.security.krb5.conf=" + kdc.getKrb5conf().getAbsolutePath(),
                "-Dnbci.deploy.hashCacheDir=" + dir.resolve("hashes"),
                "-jar", jar.toString(),
                "deploy", "--targets", targets.toString(), "--target", "t", "--source", source.toString(),
                "--version", version));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("HADOOP_CONF_DIR");
        builder.environment().remove("KRB5CCNAME");
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("deploy finished within 120 s").isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000L;
        Run run = new Run(process.exitValue(), Files.readString(log), millis);
        System.out.println("KerberosDeployIT: deploy " + version + " exited " + run.exitCode() + " in " + millis
                + " ms:\n" + run.output());
        return run;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = admin.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Everything under {@code base}, files and folders, with its owner. */
    private static List<FileStatus> tree(String base) throws IOException {
        List<FileStatus> all = new ArrayList<>();
        List<org.apache.hadoop.fs.Path> folders = new ArrayList<>(List.of(new org.apache.hadoop.fs.Path(base)));
        while (!folders.isEmpty()) {
            for (FileStatus status : admin.listStatus(folders.remove(0))) {
                all.add(status);
                if (status.isDirectory()) {
                    folders.add(status.getPath());
                }
            }
        }
        return all;
    }

    private static void assertDeployed(String base, String version, String name) throws IOException {
        assertThat(read(base + "/current").strip()).isEqualTo(version);
        String release = admin.exists(new org.apache.hadoop.fs.Path(base + "/releases/" + version))
                ? base + "/releases/" + version : base + "/work/.snapshot/" + version;
        assertThat(read(release + "/jobs/score.py")).isEqualTo("print('score " + name + "')\n");
        List<FileStatus> tree = tree(base);
        assertThat(tree).as("what the deploy wrote").isNotEmpty();
        assertThat(tree).allSatisfy(status -> assertThat(status.getOwner()).as("owner of %s", status.getPath())
                .isEqualTo("deploy"));
        RemoteIterator<LocatedFileStatus> files = admin.listFiles(new org.apache.hadoop.fs.Path(release), true);
        int count = 0;
        while (files.hasNext()) {
            assertThat(files.next().getOwner()).isEqualTo("deploy");
            count++;
        }
        assertThat(count).as("files of release %s (2 + manifest)", version).isEqualTo(3);
    }

    @Test
    public void shouldDeployAsTheKeytabsPrincipalWithTheClustersClientConfiguration() throws Exception {
        String base = base("kerberos-conf");
        Path targets = targets("conf", base, "deploy@" + realm, deployKeytab, clientConf);

        Run run = deploy(targets, source("conf"), "v1", Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(0);
        assertThat(run.output()).contains("hadoop configuration (target t): core-site.xml, hdfs-site.xml from "
                + clientConf + " (hadoop-conf of target t)");
        assertThat(run.output()).contains("kerberos principal deploy@" + realm + " (keytab " + deployKeytab + ")");
        assertDeployed(base, "v1", "conf");
    }

    @Test
    public void shouldReadHadoopConfDirWhenTheTargetHasNoHadoopConf() throws Exception {
        String base = base("kerberos-env");
        Path targets = targets("env", base, "deploy@" + realm, deployKeytab, null);

        Run run = deploy(targets, source("env"), "v1", Map.of("HADOOP_CONF_DIR", clientConf.toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(0);
        assertThat(run.output()).contains("hadoop configuration (target t): core-site.xml, hdfs-site.xml from "
                + clientConf + " (HADOOP_CONF_DIR)");
        assertDeployed(base, "v1", "env");
    }

    @Test
    public void shouldFailWithExitCode2NamingPrincipalAndKeytabWhenTheKdcDoesNotKnowThePrincipal() throws Exception {
        // a well-formed keytab for a principal that was never created in (or was removed from) the KDC
        Path ghostKeytab = dir.resolve("ghost.keytab");
        String ghost = "ghost@" + realm;
        Keytab keytab = new Keytab();
        keytab.addEntry(new KeytabEntry(new PrincipalName(ghost), new KerberosTime(), 1,
                EncryptionHandler.string2Key(ghost, "not-in-the-kdc", EncryptionType.AES128_CTS_HMAC_SHA1_96)));
        keytab.store(ghostKeytab.toFile());
        String base = base("kerberos-ghost");

        Run run = deploy(targets("ghost", base, ghost, ghostKeytab, clientConf), source("ghost"), "v1", Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("nbci: target t: login failed for kerberos principal " + ghost
                + " (keytab " + ghostKeytab + "): Client not found in Kerberos database");
        assertNoKeytabContent(run.output(), ghostKeytab);
        assertThat(admin.listStatus(new org.apache.hadoop.fs.Path(base))).isEmpty();
    }

    @Test
    public void shouldFailWithExitCode2WhenTheKeytabHoldsNoKeyForThePrincipal() throws Exception {
        // the keytab of the cluster's own services, given by mistake for the deploy principal
        String base = base("kerberos-wrong-keytab");

        Run run = deploy(targets("wrong", base, "deploy@" + realm, hdfsKeytab, clientConf), source("wrong"), "v1",
                Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("target t: keytab " + hdfsKeytab + " holds no usable key for principal "
                + "deploy@" + realm);
        assertThat(run.output()).contains("klist -kte " + hdfsKeytab);
        assertNoKeytabContent(run.output(), hdfsKeytab);
        assertThat(admin.listStatus(new org.apache.hadoop.fs.Path(base))).isEmpty();
    }

    @Test
    public void shouldSayThatTheClientNeedsTheClustersConfigurationWhenItDoesNotKnowTheNameNodesPrincipal()
            throws Exception {
        String base = base("kerberos-no-conf");

        Run run = deploy(targets("noconf", base, "deploy@" + realm, deployKeytab, null), source("noconf"), "v1",
                Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("hadoop configuration (target t): Hadoop's defaults (no hadoop-conf, "
                + "HADOOP_CONF_DIR not set)");
        String error = run.output().lines().filter(line -> line.startsWith("nbci: ")).findFirst().orElseThrow();
        assertThat(error).startsWith("nbci: target t: Kerberos: Failed to specify server's Kerberos principal name")
                .contains("give the target hadoop-conf:").contains("HADOOP_CONF_DIR")
                .contains("dfs.namenode.kerberos.principal");
        assertThat(admin.listStatus(new org.apache.hadoop.fs.Path(base))).isEmpty();
    }

    @Test
    public void shouldNameDataTransferProtectionWhenTheDataNodesRefuseAClientWithoutIt() throws Exception {
        // an hdfs-site.xml that knows the NameNode's principal but not the DataNodes' SASL protection
        Path partial = Files.createDirectories(dir.resolve("hadoop-conf-partial"));
        Files.writeString(partial.resolve("hdfs-site.xml"), SiteXml.of(
                "dfs.namenode.kerberos.principal", "hdfs/localhost@" + realm));
        String base = base("kerberos-no-protection");

        Run run = deploy(targets("partial", base, "deploy@" + realm, deployKeytab, partial), source("partial"), "v1",
                Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        String error = run.output().lines().filter(line -> line.startsWith("nbci: ")).findFirst().orElseThrow();
        assertThat(error).contains("could only be written to 0 of the 1 minReplication nodes")
                .contains("This client has no dfs.data.transfer.protection")
                .contains("Give the target hadoop-conf:");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/current"))).isFalse();
    }

    /** Neither the keytab's bytes nor its keys, in any usual printable form, appear in what the command printed. */
    private static void assertNoKeytabContent(String output, Path keytab) throws IOException {
        byte[] bytes = Files.readAllBytes(keytab);
        assertThat(output).doesNotContain(Base64.getEncoder().encodeToString(bytes).substring(0, 16))
                .doesNotContain(HexFormat.of().formatHex(bytes, bytes.length - 16, bytes.length))
                .doesNotContain(new String(bytes, bytes.length - 16, 16, StandardCharsets.ISO_8859_1));
        for (PrincipalName principal : Keytab.loadKeytab(keytab.toFile()).getPrincipals()) {
            for (KeytabEntry entry : Keytab.loadKeytab(keytab.toFile()).getKeytabEntries(principal)) {
                byte[] key = entry.getKey().getKeyData();
                assertThat(output).doesNotContain(HexFormat.of().formatHex(key))
                        .doesNotContain(Base64.getEncoder().encodeToString(key));
            }
        }
    }
}

package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ClientConfigurationTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();


    private Path confFolder() throws IOException {
        Path folder = temp.newFolder("conf").toPath();
        Files.writeString(folder.resolve("core-site.xml"), SiteXml.of(
                "fs.permissions.umask-mode", "077",
                "ipc.client.connect.timeout", "20000",
                "hadoop.security.auth_to_local", "RULE:[1:$1@$0](.*@SITE)s/@.*//\nDEFAULT",
                "fs.s3a.secret.key", "from-the-site-file"));
        Files.writeString(folder.resolve("hdfs-site.xml"), SiteXml.of(
                "dfs.nameservices", "prod-ns",
                "dfs.client.socket-timeout", "90000",
                "dfs.checksum.combine.mode", "MD5MD5CRC",
                "ipc.client.connect.max.retries", "9"));
        Files.writeString(folder.resolve("yarn-site.xml"), SiteXml.of("yarn.resourcemanager.address", "rm:8032"));
        return folder;
    }

    private DeployTarget target(String body) {
        return DeployTargets.parse("targets:\n  t:\n    uri: file:///\n    base: " + temp.getRoot() + "/apps\n" + body,
                "nbci-deploy.yaml").get("t");
    }

    @Test
    public void shouldLayerHadoopDefaultsSiteFilesNbciDefaultsTargetPropertiesAndNbciFixedSettings() throws Exception {
        Path folder = confFolder();
        DeployTarget target = target("    hadoop-conf: " + folder + "\n    hadoop-properties:\n"
                + "      ipc.client.connect.max.retries: 4\n      fs.s3a.secret.key: s3cr3t-from-properties\n");

        Configuration conf = ClientConfiguration.of(target, Map.of()).conf();

        // 1. Hadoop's defaults where nobody says otherwise
        assertThat(conf.get("dfs.blocksize")).isEqualTo("134217728");
        // 2. the site files over Hadoop's defaults
        assertThat(conf.get("dfs.nameservices")).isEqualTo("prod-ns");
        assertThat(conf.get("dfs.client.socket-timeout")).isEqualTo("90000");
        assertThat(conf.get("hadoop.security.auth_to_local")).startsWith("RULE:[1:$1@$0]");
        // 3. nbci's fail-fast defaults over the site files
        assertThat(conf.get("ipc.client.connect.timeout")).isEqualTo("5000");
        // 4. the target's hadoop-properties over both
        assertThat(conf.get("ipc.client.connect.max.retries")).isEqualTo("4");
        assertThat(conf.get("fs.s3a.secret.key")).isEqualTo("s3cr3t-from-properties");
        // 5. nbci's fixed settings over everything
        assertThat(conf.get("fs.permissions.umask-mode")).isEqualTo("000");
        assertThat(conf.get("dfs.checksum.combine.mode")).isEqualTo("COMPOSITE_CRC");
        assertThat(conf.get("hadoop.security.authentication")).isEqualTo("simple");
        // only the HDFS client's files are read
        assertThat(conf.get("yarn.resourcemanager.address")).isNotEqualTo("rm:8032");
    }

    @Test
    public void shouldDescribeFolderFilesAndPropertyNamesButNoValue() throws Exception {
        Path folder = confFolder();
        DeployTarget target = target("    hadoop-conf: " + folder + "\n    hadoop-properties:\n"
                + "      fs.s3a.secret.key: s3cr3t-from-properties\n");

        String line = ClientConfiguration.of(target, Map.of("HADOOP_CONF_DIR", "/elsewhere")).describe();

        assertThat(line).isEqualTo("hadoop configuration (target t): core-site.xml, hdfs-site.xml from " + folder
                + " (hadoop-conf of target t); hadoop-properties: fs.s3a.secret.key");
        assertThat(line).doesNotContain("s3cr3t").doesNotContain("from-the-site-file");
    }

    @Test
    public void shouldUseHadoopConfDirWhenTheTargetHasNoHadoopConf() throws Exception {
        Path folder = confFolder();
        Files.delete(folder.resolve("core-site.xml"));

        ClientConfiguration client = ClientConfiguration.of(target(""), Map.of("HADOOP_CONF_DIR", folder.toString()));

        assertThat(client.conf().get("dfs.nameservices")).isEqualTo("prod-ns");
        assertThat(client.describe()).isEqualTo("hadoop configuration (target t): hdfs-site.xml from " + folder
                + " (HADOOP_CONF_DIR)");
        ClientConfiguration none = ClientConfiguration.of(target(""), Map.of("HADOOP_CONF_DIR", " "));
        assertThat(none.conf().get("dfs.nameservices")).isNull();
        assertThat(none.describe()).isEqualTo("hadoop configuration (target t): Hadoop's defaults (no hadoop-conf, "
                + "HADOOP_CONF_DIR not set)");
    }

    @Test
    public void shouldSetKerberosAuthenticationForAKerberosTargetWhateverTheSiteFilesSay() throws Exception {
        Path folder = temp.newFolder("simple").toPath();
        Files.writeString(folder.resolve("core-site.xml"), SiteXml.of("hadoop.security.authentication", "simple"));
        Path keytab = temp.newFile("deploy.keytab").toPath();

        Configuration conf = ClientConfiguration.of(target("    hadoop-conf: " + folder + "\n    kerberos:\n"
                + "      principal: deploy@EXAMPLE.COM\n      keytab: " + keytab + "\n"), Map.of()).conf();

        assertThat(conf.get("hadoop.security.authentication")).isEqualTo("kerberos");
    }

    @Test
    public void shouldNameTargetLineAndPathOfAMissingOrEmptyFolder() throws Exception {
        String missing = temp.getRoot() + "/no-such-conf";
        assertThatThrownBy(() -> ClientConfiguration.of(target("    hadoop-conf: " + missing + "\n"), Map.of()))
                .isInstanceOf(DeployException.class)
                .hasMessage("nbci-deploy.yaml:3: target t: hadoop-conf of target t " + missing + " does not exist or "
                        + "is not a folder; expected the cluster's client configuration folder (e.g. /etc/hadoop/conf) "
                        + "holding core-site.xml and hdfs-site.xml")
                .satisfies(e -> assertThat(((DeployException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
        assertThatThrownBy(() -> ClientConfiguration.of(target(""), Map.of("HADOOP_CONF_DIR", missing)))
                .hasMessageContaining("nbci-deploy.yaml:3: target t: HADOOP_CONF_DIR " + missing + " does not exist");
        Path empty = temp.newFolder("empty").toPath();
        assertThatThrownBy(() -> ClientConfiguration.of(target("    hadoop-conf: " + empty + "\n"), Map.of()))
                .hasMessageContaining("nbci-deploy.yaml:3: target t: hadoop-conf of target t " + empty
                        + " holds neither core-site.xml nor hdfs-site.xml");
    }

    @Test
    public void shouldNameAMalformedOrUnreadableSiteFile() throws Exception {
        Path folder = temp.newFolder("broken").toPath();
        Path hdfsSite = folder.resolve("hdfs-site.xml");
        Files.writeString(folder.resolve("core-site.xml"), SiteXml.of("fs.defaultFS", "hdfs://prod-ns"));
        Files.writeString(hdfsSite, "<configuration><property><name>dfs.nameservices</name><value>x</property>");
        DeployTarget target = target("    hadoop-conf: " + folder + "\n");

        assertThatThrownBy(() -> ClientConfiguration.of(target, Map.of()))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("nbci-deploy.yaml:3: target t: hadoop-conf of target t " + folder + ": "
                        + hdfsSite + " is not a Hadoop configuration file: ")
                .satisfies(e -> assertThat(((DeployException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));

        Files.delete(hdfsSite);
        Files.createDirectory(hdfsSite);
        assertThatThrownBy(() -> ClientConfiguration.of(target, Map.of()))
                .hasMessageContaining(hdfsSite + " is not a readable file");
    }

    @Test
    public void shouldNameTargetLineAndPathOfAMissingKeytabBeforeAnyLogin() {
        String keytab = temp.getRoot() + "/no-such.keytab";
        DeployTarget target = target("    kerberos:\n      principal: deploy@EXAMPLE.COM\n      keytab: " + keytab
                + "\n");

        assertThatThrownBy(() -> TargetConnection.open(target))
                .isInstanceOf(DeployException.class)
                .hasMessage("nbci-deploy.yaml:3: target t: keytab " + keytab + " does not exist or is not readable")
                .satisfies(e -> assertThat(((DeployException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldOpenAFileTargetWithTheLayeredConfigurationAndLogWhereItCameFrom() throws Exception {
        Path folder = confFolder();
        DeployTarget target = target("    hadoop-conf: " + folder + "\n    hadoop-properties:\n"
                + "      dfs.client.socket-timeout: 30000\n");
        RecordingLog log = new RecordingLog();

        try (TargetConnection connection = TargetConnection.open(target, log)) {
            assertThat(connection.conf().get("dfs.nameservices")).isEqualTo("prod-ns");
            assertThat(connection.conf().get("dfs.client.socket-timeout")).isEqualTo("30000");
            assertThat(connection.conf().get("fs.permissions.umask-mode")).isEqualTo("000");
            assertThat(connection.fs().getConf().get("fs.permissions.umask-mode")).isEqualTo("000");
        }
        assertThat(log.messages()).containsExactly("hadoop configuration (target t): core-site.xml, hdfs-site.xml from "
                + folder + " (hadoop-conf of target t); hadoop-properties: dfs.client.socket-timeout");
    }
}

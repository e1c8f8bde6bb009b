package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.nbci.common.ExitCode;
import io.nbci.config.ConfigException;
import java.nio.file.Path;
import org.junit.Test;

public class DeployTargetsTest {

    private static DeployTargets parse(String yaml) {
        return DeployTargets.parse(yaml, "nbci-deploy.yaml");
    }

    private static String target(String body) {
        return "targets:\n  prod:\n    uri: hdfs://nn:8020\n    base: /apps/job\n" + body;
    }

    @Test
    public void shouldParseTheDocumentedExample() {
        Path example = Path.of(System.getProperty("nbci.repo.root", "..")).resolve("docs/examples/nbci-deploy.yaml");

        DeployTargets targets = DeployTargets.parse(example);

        DeployTarget prod = targets.get("prod");
        assertThat(prod.uri().toString()).isEqualTo("hdfs://namenode.example.com:8020/");
        assertThat(prod.base()).isEqualTo("/apps/imagescore");
        assertThat(prod.kerberos()).isTrue();
        assertThat(prod.principal()).isEqualTo("deploy/ci.example.com@EXAMPLE.COM");
        assertThat(prod.keytab()).isEqualTo("/etc/security/keytabs/deploy.keytab");
        assertThat(prod.hadoopConf()).isEqualTo("/etc/hadoop/conf");
        assertThat(prod.hadoopProperties()).containsExactly(entry("dfs.client.socket-timeout", "120000"));
        assertThat(prod.replication()).isEqualTo((short) 3);
        assertThat(prod.filePermission()).isEqualTo((short) 0644);
        assertThat(prod.dirPermission()).isEqualTo((short) 0755);
        assertThat(prod.group()).isEqualTo("analytics");
        assertThat(prod.owner()).isNull();
        assertThat(prod.retention()).isEqualTo(5);
        assertThat(prod.include()).containsExactly("**/*.py", "**/*.ipynb", "conf/**");
        assertThat(prod.exclude()).containsExactly("tests/**", "**/*.tmp");
        assertThat(prod.describeAuth()).contains("deploy/ci.example.com@EXAMPLE.COM");
        DeployTarget staging = targets.get("staging");
        assertThat(staging.uri().getScheme()).isEqualTo("webhdfs");
        assertThat(staging.user()).isEqualTo("etl");
        assertThat(staging.retention()).isEqualTo(3);
        assertThat(staging.verify()).isEqualTo(DeployTarget.Verify.AUTO);
        assertThat(staging.hadoopConf()).isNull();
    }

    @Test
    public void shouldApplyDefaults() {
        DeployTarget prod = parse(target("")).get("prod");

        assertThat(prod.retention()).isEqualTo(5);
        assertThat(prod.replication()).isEqualTo((short) 0);
        assertThat(prod.parallel()).isEqualTo(8);
        assertThat(prod.include()).isEmpty();
        assertThat(prod.user()).isNull();
        assertThat(prod.kerberos()).isFalse();
        assertThat(prod.layout()).isEqualTo(DeployTarget.Layout.AUTO);
        assertThat(prod.where()).isEqualTo("nbci-deploy.yaml:3");
    }

    @Test
    public void shouldNameFileLineAndKeyOfAnUnknownKey() {
        assertThatThrownBy(() -> parse(target("    retension: 3\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("nbci-deploy.yaml:5:")
                .hasMessageContaining(": targets.prod.retension: unknown key; expected one of base, dir-permission");
    }

    @Test
    public void shouldRejectBadValuesWithTheirLocation() {
        assertThatThrownBy(() -> parse(target("    retention: 1\n")))
                .hasMessageContaining("nbci-deploy.yaml:5:").hasMessageContaining("targets.prod.retention: expected "
                        + "a whole number >= 2");
        assertThatThrownBy(() -> parse(target("    permission: rwxr--r--\n")))
                .hasMessageContaining(":5:").hasMessageContaining("targets.prod.permission: expected octal");
        assertThatThrownBy(() -> parse(target("    replication: many\n")))
                .hasMessageContaining("targets.prod.replication: expected a whole number, found \"many\"");
        assertThatThrownBy(() -> parse(target("    verify: sometimes\n")))
                .hasMessageContaining("targets.prod.verify: expected one of auto, read-back");
        assertThatThrownBy(() -> parse(target("    exclude: ['../secrets/**']\n")))
                .hasMessageContaining("targets.prod.exclude[0]: expected a glob relative to the source folder");
        assertThatThrownBy(() -> parse(target("    layout: links\n")))
                .hasMessageContaining("targets.prod.layout: expected one of auto, copies, snapshots");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: file:///\n    base: /x\n    layout: snapshots\n"))
                .hasMessageContaining(":5:").hasMessageContaining("targets.p.layout: snapshots need HDFS");
        assertThat(parse(target("    layout: snapshots\n")).get("prod").layout())
                .isEqualTo(DeployTarget.Layout.SNAPSHOTS);
        assertThatThrownBy(() -> parse(target("    parallel: 0\n")))
                .hasMessageContaining("targets.prod.parallel");
    }

    @Test
    public void shouldRejectBadUrisAndBasePaths() {
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: 'gopher:x'\n    base: /x\n"))
                .hasMessageContaining(":3:").hasMessageContaining("targets.p.uri: unsupported filesystem");
        assertThat(parse("targets:\n  p:\n    uri: s3a://bucket\n    base: /x\n")).isNotNull();
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: nn:8020\n    base: /x\n"))
                .hasMessageContaining("targets.p.uri: unsupported filesystem \"nn\" in \"nn:8020\"; expected hdfs://host:port");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: hdfs://nn:8020/apps\n    base: /x\n"))
                .hasMessageContaining("put the path in 'base'");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: hdfs://nn:8020\n    base: apps/x\n"))
                .hasMessageContaining(":4:").hasMessageContaining("targets.p.base: expected an absolute path");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: hdfs://nn:8020\n    base: /apps/../etc\n"))
                .hasMessageContaining("without '.', '..'");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    uri: hdfs://nn:8020\n    base: /\n"))
                .hasMessageContaining("refusing /");
        assertThatThrownBy(() -> parse("targets:\n  p:\n    base: /x\n"))
                .hasMessageContaining("targets.p.uri: is required");
    }

    @Test
    public void shouldRejectUserTogetherWithKerberosAndIncompleteKerberos() {
        assertThatThrownBy(() -> parse(target("    user: etl\n    kerberos:\n      principal: a@B\n"
                + "      keytab: /k.keytab\n")))
                .hasMessageContaining("targets.prod.user: give either user (simple auth) or kerberos");
        assertThatThrownBy(() -> parse(target("    kerberos:\n      principal: deploy@EXAMPLE.COM\n")))
                .hasMessageContaining("targets.prod.kerberos.keytab: is required");
        assertThatThrownBy(() -> parse(target("    kerberos:\n      principal: deploy\n      keytab: /k\n")))
                .hasMessageContaining("targets.prod.kerberos.principal: expected a principal");
    }

    @Test
    public void shouldReadHadoopConfAndHadoopPropertiesInOrder() {
        DeployTarget prod = parse(target("    hadoop-conf: /etc/hadoop/conf\n    hadoop-properties:\n"
                + "      dfs.client.socket-timeout: 120s\n      ipc.client.connect.max.retries: 5\n"
                + "      dfs.client.use.datanode.hostname: true\n")).get("prod");

        assertThat(prod.hadoopConf()).isEqualTo("/etc/hadoop/conf");
        assertThat(prod.hadoopProperties()).containsExactly(entry("dfs.client.socket-timeout", "120s"),
                entry("ipc.client.connect.max.retries", "5"), entry("dfs.client.use.datanode.hostname", "true"));
        assertThat(parse(target("")).get("prod").hadoopConf()).isNull();
        assertThat(parse(target("")).get("prod").hadoopProperties()).isEmpty();
    }

    @Test
    public void shouldRejectBadHadoopConfWithFileLineAndKey() {
        assertThatThrownBy(() -> parse(target("    hadoop-conf: etc/hadoop/conf\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("nbci-deploy.yaml:5:")
                .hasMessageContaining("targets.prod.hadoop-conf: expected an absolute path of the cluster's client "
                        + "configuration folder (e.g. /etc/hadoop/conf), found \"etc/hadoop/conf\"");
        assertThatThrownBy(() -> parse(target("    hadoop-conf: [/a, /b]\n")))
                .hasMessageContaining(":5:").hasMessageContaining("targets.prod.hadoop-conf: expected a text value");
    }

    @Test
    public void shouldRejectBadHadoopPropertiesWithFileLineAndKeyButNeverTheirValues() {
        assertThatThrownBy(() -> parse(target("    hadoop-properties: dfs.replication=2\n")))
                .hasMessageContaining("nbci-deploy.yaml:5:")
                .hasMessageContaining("targets.prod.hadoop-properties: expected a mapping of Hadoop property names");
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      \"\": x\n")))
                .hasMessageContaining("nbci-deploy.yaml:6:")
                .hasMessageContaining("expected a Hadoop property name without spaces, found \"\"");
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      \"dfs replication\": 2\n")))
                .hasMessageContaining(":6:").hasMessageContaining("found \"dfs replication\"");
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      ok.key: 1\n"
                + "      hadoop.security.credstore.java-keystore-provider.password-file: [s3cr3t-value]\n")))
                .hasMessageContaining("nbci-deploy.yaml:7:")
                .hasMessageContaining("targets.prod.hadoop-properties.hadoop.security.credstore.java-keystore-provider"
                        + ".password-file: expected a single value (text, number or true/false), found a list")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-value"));
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      fs.s3a.secret.key:\n")))
                .hasMessageContaining(":6:").hasMessageContaining("found nothing");
    }

    @Test
    public void shouldRejectHadoopPropertiesThatNbciFixes() {
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      fs.permissions.umask-mode: \"022\"\n")))
                .hasMessageContaining("nbci-deploy.yaml:6:")
                .hasMessageContaining("targets.prod.hadoop-properties.fs.permissions.umask-mode: nbci sets this "
                        + "property itself: permission and dir-permission are applied exactly (umask 000)");
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      dfs.checksum.combine.mode: MD5MD5CRC\n")))
                .hasMessageContaining("use verify: read-back");
        assertThatThrownBy(() -> parse(target("    hadoop-properties:\n      hadoop.security.authentication: "
                + "kerberos\n"))).hasMessageContaining("the target's kerberos:");
    }

    @Test
    public void shouldNeverPrintHadoopPropertyValuesInTheTargetsText() {
        DeployTarget prod = parse(target("    hadoop-properties:\n      fs.azure.account.key.x: s3cr3t-value\n"))
                .get("prod");

        assertThat(prod.toString()).contains("fs.azure.account.key.x").doesNotContain("s3cr3t-value");
    }

    @Test
    public void shouldListKnownTargetsForAnUnknownName() {
        assertThatThrownBy(() -> parse(target("")).get("prdo"))
                .isInstanceOf(DeployException.class)
                .hasMessage("nbci-deploy.yaml: no target named \"prdo\"; targets: prod")
                .satisfies(e -> assertThat(((DeployException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }
}

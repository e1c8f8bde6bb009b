package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.Test;

public class DeployConfigTest {

    private static DeployTarget.Builder prod() {
        return DeployTarget.builder().name("prod").uri("hdfs://nn:8020").basePath("/apps/jobs/imagescore/")
                .principal("etl/ci.example.com@EXAMPLE.COM").keytab("/agent/tmp/prod.keytab").retention("5")
                .permission("750").hadoopConf("/etc/hadoop/conf");
    }

    @Test
    public void shouldRenderDeployWithTheTeamsOwnTargetsFile() {
        NbciInvocation invocation = DeployConfig.builder().target("prod").source("jobs").version("1.4.2")
                .dryRun(true).targetsFile("nbci-deploy.yaml").build().toInvocation();

        assertThat(invocation.arguments()).containsExactly("deploy", "--target", "prod", "--source", "jobs",
                "--version", "1.4.2", "--dry-run", "--targets", "nbci-deploy.yaml",
                "--results", "nbci-output/deploy-results.json");
        assertThat(invocation.files()).isEmpty();
        assertThat(invocation.outcome(1).result()).isEqualTo(Outcome.Result.FAILURE);
    }

    @Test
    public void shouldWriteOnlyTheNamedTargetIntoTheGeneratedTargetsFile() {
        DeployTarget staging = DeployTarget.builder().name("staging").uri("webhdfs://nn:9870").basePath("/stage")
                .user("etl").build();
        NbciInvocation invocation = DeployConfig.builder().target("prod").targetsFile("/agent/tmp/targets.yaml")
                .targets(List.of(staging, prod().build())).build().toInvocation();

        assertThat(invocation.arguments()).containsExactly("deploy", "--target", "prod", "--source", ".",
                "--targets", "/agent/tmp/targets.yaml", "--results", "nbci-output/deploy-results.json");
        assertThat(invocation.files()).containsExactly(new GeneratedFile("/agent/tmp/targets.yaml",
                "# written by the nbci CI plugin from its global configuration\n"
                        + "targets:\n"
                        + "  \"prod\":\n"
                        + "    uri: \"hdfs://nn:8020\"\n"
                        + "    base: \"/apps/jobs/imagescore\"\n"
                        + "    kerberos:\n"
                        + "      principal: \"etl/ci.example.com@EXAMPLE.COM\"\n"
                        + "      keytab: \"/agent/tmp/prod.keytab\"\n"
                        + "    retention: 5\n"
                        + "    permission: \"750\"\n"
                        + "    hadoop-conf: \"/etc/hadoop/conf\"\n"));
    }

    @Test
    public void shouldCheckTheConnectionByListingReleases() {
        NbciInvocation check = DeployConfig.connectionCheck(prod().build(), "/tmp/t.yaml");

        assertThat(check.arguments()).containsExactly("releases", "--target", "prod", "--targets", "/tmp/t.yaml");
        assertThat(check.files()).singleElement().satisfies(f -> assertThat(f.content()).contains("  \"prod\":\n"));
        assertThat(check.outcome(3).result()).isEqualTo(Outcome.Result.INFRASTRUCTURE);
        assertThatThrownBy(() -> DeployConfig.connectionCheck(prod().keytab(null).keytabConfigured(true).build(),
                "/tmp/t.yaml")).hasMessageStartingWith("keytab: target prod uses Kerberos");
    }

    @Test
    public void shouldQuoteYamlScalars() {
        assertThat(DeployTarget.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    public void shouldNameTheBadDeployField() {
        assertThatThrownBy(() -> DeployConfig.builder().build()).hasMessageStartingWith("target: required");
        assertThatThrownBy(() -> DeployConfig.builder().target("prod").source("../x").build())
                .hasMessageStartingWith("source: '..' would leave the workspace");
        assertThatThrownBy(() -> DeployConfig.builder().target("prod").version("1.0 beta").build())
                .hasMessageStartingWith("version: expected letters");
        assertThatThrownBy(() -> DeployConfig.builder().target("qa").targetsFile("/t.yaml")
                .targets(List.of(prod().build())).build())
                .hasMessage("target: no deploy target named \"qa\"; configured targets: [prod]");
        assertThatThrownBy(() -> DeployConfig.builder().target("prod").targets(List.of(prod().build())).build())
                .hasMessageStartingWith("targetsFile: required");
        assertThatThrownBy(() -> DeployConfig.builder().target("prod").targetsFile("/t.yaml")
                .targets(List.of(prod().keytab(null).keytabConfigured(true).build())).build())
                .hasMessage("targets: target prod uses Kerberos but its keytab was not copied to the agent");
    }

    @Test
    public void shouldNameTheBadTargetField() {
        assertThatThrownBy(() -> prod().name("prod env").build()).hasMessageStartingWith("name: expected letters");
        assertThatThrownBy(() -> prod().uri("http://nn:9870").build()).hasMessageStartingWith("uri: expected a URI");
        assertThatThrownBy(() -> prod().uri("hdfs:///x").build()).hasMessageStartingWith("uri: expected a host name");
        assertThatThrownBy(() -> prod().uri("hdfs://nn:8020/apps").build())
                .hasMessage("uri: put the path in basePath, not in the URI: expected scheme://host:port or file:///, "
                        + "found \"hdfs://nn:8020/apps\"");
        assertThatThrownBy(() -> prod().basePath("apps").build()).hasMessageStartingWith("basePath: expected an absolute");
        assertThatThrownBy(() -> prod().basePath("/apps/../etc").build()).hasMessageStartingWith("basePath: '..'");
        assertThatThrownBy(() -> prod().hadoopConf("conf").build()).hasMessageStartingWith("hadoopConf: expected an absolute");
        assertThatThrownBy(() -> prod().user("etl").build())
                .hasMessageStartingWith("principal: give either a user");
        assertThatThrownBy(() -> prod().keytab(null).build())
                .hasMessage("keytab: a Kerberos principal needs a keytab file credential");
        assertThatThrownBy(() -> prod().principal(null).user("etl").build())
                .hasMessage("principal: a keytab was given without the principal it is for");
        assertThatThrownBy(() -> prod().principal("etl").build()).hasMessageStartingWith("principal: expected a Kerberos");
        assertThatThrownBy(() -> prod().retention("1").build()).hasMessageStartingWith("retention: expected a whole "
                + "number of releases (the live release and the one before it are always kept) between 2 and 10000");
        assertThatThrownBy(() -> prod().permission("rwx").build()).hasMessageStartingWith("permission: expected octal");
        assertThatThrownBy(() -> prod().permission("4755").build()).hasMessageStartingWith("permission: expected octal");
    }

    @Test
    public void shouldAcceptAFileUriForDryRuns() {
        DeployTarget target = DeployTarget.builder().name("local").uri("file:///").basePath("/tmp/deploy")
                .build();
        assertThat(target.kerberos()).isFalse();
        assertThat(target.retention()).isNull();
    }
}

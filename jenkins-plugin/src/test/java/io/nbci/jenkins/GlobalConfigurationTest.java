package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.nbci.launch.DeployTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class GlobalConfigurationTest {
    private final FakeHost host = new FakeHost();

    private static HdfsDeployTarget kerberos() {
        HdfsDeployTarget target = new HdfsDeployTarget("prod", "hdfs://nn.example.com:8020", "/apps/jobs/");
        target.setPrincipal("etl/ci.example.com@EXAMPLE.COM");
        target.setKeytabCredentialsId("etl-keytab");
        target.setRetention("10");
        target.setPermission("750");
        target.setHadoopConf("/etc/hadoop/conf");
        return target;
    }

    @Test
    public void shouldTranslateATargetIntoTheCoreTarget() {
        DeployTarget core = kerberos().toCoreTarget("/agent/tmp/keytab-1");

        assertThat(core).isEqualTo(new DeployTarget("prod", "hdfs://nn.example.com:8020", "/apps/jobs", null,
                "etl/ci.example.com@EXAMPLE.COM", "/agent/tmp/keytab-1", 10, "750", "/etc/hadoop/conf"));
        assertThat(kerberos().toCoreTarget(null).keytab()).as("configuration time: keytab not copied yet").isNull();
    }

    @Test
    public void shouldFindTargetsByName() {
        host.configuration.setTargets(List.of(kerberos(), new HdfsDeployTarget("dev", "file:///", "/tmp/d")));

        assertThat(host.configuration.targetNames()).containsExactly("prod", "dev");
        assertThat(host.configuration.target("dev").getUri()).isEqualTo("file:///");
        assertThat(host.configuration.target("qa")).isNull();
        assertThat(host.configuration.getTargets()).hasSize(2);
    }

    @Test
    public void shouldRefuseInvalidOrDuplicateTargetsOnSave() {
        List<HdfsDeployTarget> duplicate = new ArrayList<>(List.of(kerberos(), kerberos()));
        assertThatThrownBy(() -> NbciGlobalConfiguration.validate(duplicate))
                .hasMessage("targets: two deploy targets are named \"prod\"; names must be unique");

        HdfsDeployTarget noKeytab = kerberos();
        noKeytab.setKeytabCredentialsId("");
        assertThatThrownBy(() -> NbciGlobalConfiguration.validate(List.of(noKeytab)))
                .hasMessage("targets: target \"prod\": keytab: a Kerberos principal needs a keytab file credential");

        assertThatThrownBy(() -> NbciGlobalConfiguration.validate(List.of(new HdfsDeployTarget("", "hdfs://nn:1",
                "/a")))).hasMessageStartingWith("targets: target (no name): name: required");
    }

    @Test
    public void shouldRunTheConnectionCheckWithTheKeytabFromTheCredential() {
        host.secretFiles.put("etl-keytab", new byte[] {5, 2, 0, 1});
        List<Object> seen = new ArrayList<>();
        HdfsDeployTarget.DescriptorImpl d = new HdfsDeployTarget.DescriptorImpl(host, (target, keytab) -> {
            seen.add(target);
            seen.add(keytab);
            return FormValidation.ok("Connected");
        });

        FormValidation answer = d.doTestConnection("prod", "hdfs://nn:8020", "/apps", "",
                "etl@EXAMPLE.COM", "etl-keytab", "", "", "/etc/hadoop/conf");

        assertThat(answer.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(((DeployTarget) seen.get(0)).principal()).isEqualTo("etl@EXAMPLE.COM");
        assertThat(((DeployTarget) seen.get(0)).hadoopConf()).isEqualTo("/etc/hadoop/conf");
        assertThat((byte[]) seen.get(1)).containsExactly(5, 2, 0, 1);
    }

    @Test
    public void shouldExplainWhyTheConnectionCheckCannotRun() {
        HdfsDeployTarget.DescriptorImpl d = new HdfsDeployTarget.DescriptorImpl(host, (t, k) -> {
            throw new AssertionError("must not run");
        });

        FormValidation badUri = d.doTestConnection("prod", "s3://b", "/apps", "", "", "", "", "", "");
        FormValidation missingKeytab = d.doTestConnection("prod", "hdfs://nn:8020", "/apps", "", "etl@EXAMPLE.COM",
                "gone", "", "", "");
        FormValidation relativeConf = d.doTestConnection("prod", "hdfs://nn:8020", "/apps", "", "", "", "", "",
                "etc/hadoop");

        assertThat(badUri.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(FormValidationTest.unescape(badUri.getMessage())).startsWith("uri: expected a URI starting with");
        assertThat(FormValidationTest.unescape(missingKeytab.getMessage()))
                .isEqualTo("no global secret file credential with id 'gone'");
        assertThat(FormValidationTest.unescape(relativeConf.getMessage())).startsWith("hadoopConf: expected an absolute");
    }
}

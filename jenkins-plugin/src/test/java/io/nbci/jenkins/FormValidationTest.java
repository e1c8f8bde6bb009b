package io.nbci.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import org.junit.Test;

/** Every form check of every step, against the shim: the messages come from io.nbci.launch.Validation. */
public class FormValidationTest {
    private final FakeHost host = new FakeHost();

    private static void ok(FormValidation answer) {
        assertThat(answer.kind).as(String.valueOf(answer.getMessage())).isEqualTo(FormValidation.Kind.OK);
    }

    private static void error(FormValidation answer, String start) {
        assertThat(answer.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(unescape(answer.getMessage())).startsWith(start);
    }

    /** Real Jenkins escapes error(String) messages as HTML; the shim does not. Compare the text either way. */
    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Test
    public void shouldCheckRunNotebooksFields() {
        RunNotebooksBuilder.DescriptorImpl d = new RunNotebooksBuilder.DescriptorImpl(host);
        ok(d.doCheckInput(null, "notebooks/**/*.ipynb"));
        error(d.doCheckInput(null, ""), "required");
        error(d.doCheckInput(null, "../elsewhere"), "'..' would leave the workspace");
        ok(d.doCheckParameters(null, "a=1\n# note\nb = two"));
        error(d.doCheckParameters(null, "a=1\n1x=2"), "line 2: expected a Python variable name");
        ok(d.doCheckParametersFile(null, "params.yaml"));
        error(d.doCheckKernel(null, "py 3"), "expected a kernelspec name");
        error(d.doCheckWorkingDir(null, "/abs"), "expected a path relative to the workspace");
        ok(d.doCheckCellTimeout(null, ""));
        error(d.doCheckCellTimeout(null, "0"), "expected a whole number of seconds between 1 and 604800");
        error(d.doCheckStartTimeout(null, "x"), "expected a whole number of seconds");
        error(d.doCheckJobs(null, "100"), "expected a whole number of parallel kernels between 1 and 64");
        error(d.doCheckOutputDir(null, "a/../../b"), "'..' would leave the workspace");
        ok(d.doCheckJunitFile(null, "reports/junit.xml"));
        error(d.doCheckResultsFile(null, "/tmp/r.json"), "expected a path relative");
        assertThat(d.getDisplayName()).isEqualTo("Run notebooks with nbci");
        assertThat(d.isApplicable(null)).isTrue();
    }

    @Test
    public void shouldCheckScenarioFields() {
        ScenarioTestBuilder.DescriptorImpl d = new ScenarioTestBuilder.DescriptorImpl(host);
        ok(d.doCheckPaths(null, "scenarios/*.yaml, more/b.yaml"));
        error(d.doCheckPaths(null, "ok.yaml\n/etc/x.yaml"), "expected a path relative");
        ok(d.doCheckHiveJdbcUrl(null, "jdbc:hive2://hs2:10000/default", "external"));
        error(d.doCheckHiveJdbcUrl(null, "jdbc:mysql://db/x", "external"), "expected a URL starting with jdbc:hive2://");
        error(d.doCheckHiveJdbcUrl(null, "jdbc:hive2://h:1/;password=x", "external"), "do not put a password");
        ok(d.doCheckHiveJdbcUrl(null, "", "embedded"));
        error(d.doCheckHdfsUri(null, "s3a://bucket"), "expected a URI starting with");
        error(d.doCheckScratchPrefix(null, "ci scratch"), "expected letters");
        assertThat(d.doFillBackendItems()).extracting(o -> o.value).containsExactly("embedded", "external");
    }

    @Test
    public void shouldCheckDeployFieldsAgainstTheConfiguredTargets() {
        host.configuration.setTargets(java.util.List.of(new HdfsDeployTarget("prod", "hdfs://nn:8020", "/apps")));
        DeployBuilder.DescriptorImpl d = new DeployBuilder.DescriptorImpl(host);
        ok(d.doCheckTarget(null, "prod", ""));
        error(d.doCheckTarget(null, "qa", ""), "no deploy target named \"qa\"");
        ok(d.doCheckTarget(null, "qa", "deploy/targets.yaml"));
        error(d.doCheckTarget(null, "bad name", ""), "expected letters");
        error(d.doCheckSource(null, "../x"), "'..' would leave");
        error(d.doCheckVersion(null, "1.0 final"), "expected letters");
        ok(d.doCheckVersion(null, ""));
        error(d.doCheckTargetsFile(null, "/etc/t.yaml"), "expected a path relative");
        assertThat(d.doFillTargetItems(null)).extracting(o -> o.value).containsExactly("prod");
    }

    @Test
    public void shouldCheckStatusAndGateFields() {
        host.secretTexts.put("gh", "token");
        CommitStatusBuilder.DescriptorImpl s = new CommitStatusBuilder.DescriptorImpl(host);
        GateStep.DescriptorImpl g = new GateStep.DescriptorImpl(host);
        for (var check : java.util.List.<java.util.function.Function<String, FormValidation>>of(
                v -> s.doCheckContext(null, v), v -> g.doCheckContext(null, v))) {
            ok(check.apply("nbci/notebooks"));
            error(check.apply(""), "required");
        }
        error(s.doCheckCredentialsId(null, ""), "required");
        error(g.doCheckCredentialsId(null, " "), "required");
        error(s.doCheckUrl(null, "ftp://x"), "expected a URI starting with http://, https://");
        error(g.doCheckUrl(null, "nope"), "expected a URI");
        error(s.doCheckSha(null, "zz"), "expected 7 to 40 hexadecimal digits");
        error(g.doCheckSha(null, "12345"), "expected 7 to 40");
        error(s.doCheckRepository(null, "single"), "expected OWNER/NAME");
        ok(g.doCheckRepository(null, "group/sub/project"));
        error(s.doCheckApiUrl(null, "https://user:pw@ghe"), "do not put user names or passwords");
        ok(g.doCheckApiUrl(null, "https://bitbucket.example.com"));
        assertThat(s.doFillProviderItems()).extracting(o -> o.value)
                .containsExactly("github", "bitbucket-server", "bitbucket-cloud", "gitlab");
        assertThat(s.doFillStateItems()).extracting(o -> o.value)
                .containsExactly("pending", "success", "failure", "error");
        assertThat(g.doFillCredentialsIdItems(null, "")).extracting(o -> o.value).containsExactly("gh");
        assertThat(g.getFunctionName()).isEqualTo("nbciGate");
        assertThat(g.takesImplicitBlockArgument()).isTrue();
        assertThat(g.getRequiredContext()).hasSize(5);
    }

    @Test
    public void shouldRefuseFormChecksWithoutPermission() {
        host.allowed = false;
        assertThatThrownBy(() -> new RunNotebooksBuilder.DescriptorImpl(host).doCheckInput(null, "a.ipynb"))
                .isInstanceOf(FakeHost.Denied.class);
        assertThatThrownBy(() -> new DeployBuilder.DescriptorImpl(host).doFillTargetItems(null))
                .isInstanceOf(FakeHost.Denied.class);
        assertThatThrownBy(() -> new CommitStatusBuilder.DescriptorImpl(host).doFillCredentialsIdItems(null, ""))
                .isInstanceOf(FakeHost.Denied.class);
        assertThatThrownBy(() -> new GateStep.DescriptorImpl(host).doCheckSha(null, "abc1234"))
                .isInstanceOf(FakeHost.Denied.class);
        assertThatThrownBy(() -> new HdfsDeployTarget.DescriptorImpl(host, null).doCheckName("prod"))
                .isInstanceOf(FakeHost.Denied.class);
        assertThatThrownBy(() -> new NbciGlobalConfiguration(host).doCheckJavaCommand("java"))
                .isInstanceOf(FakeHost.Denied.class);
    }

    @Test
    public void shouldCheckDeployTargetFieldsAsAdministrator() {
        HdfsDeployTarget.DescriptorImpl d = new HdfsDeployTarget.DescriptorImpl(host, null);
        ok(d.doCheckName("prod-eu"));
        error(d.doCheckName(""), "required");
        error(d.doCheckUri(""), "required: enter the filesystem URI");
        error(d.doCheckUri("http://nn:9870"), "expected a URI starting with file://, hdfs://");
        ok(d.doCheckUri("webhdfs://nn:9870"));
        ok(d.doCheckUri("file:///"));
        error(d.doCheckUri("hdfs://nn:8020/apps"), "put the path in basePath");
        error(d.doCheckBasePath("apps"), "expected an absolute path");
        error(d.doCheckBasePath("/"), "expected a folder below '/'");
        error(d.doCheckUser("etl", "etl@EXAMPLE.COM"), "give either a user");
        error(d.doCheckUser("etl user", ""), "expected a user name");
        error(d.doCheckPrincipal("etl@EXAMPLE.COM", ""), "a Kerberos principal needs a keytab");
        ok(d.doCheckPrincipal("etl@EXAMPLE.COM", "keytab-id"));
        error(d.doCheckPrincipal("etl", "keytab-id"), "expected a Kerberos principal");
        error(d.doCheckRetention("1"), "expected a whole number of releases");
        ok(d.doCheckRetention("2"));
        error(d.doCheckPermission("999"), "expected octal permission bits");
        assertThat(host.permissionChecks).containsOnly("administer");
        assertThat(new NbciGlobalConfiguration(host).doCheckJavaCommand("/opt/my jdk/bin/java").kind)
                .isEqualTo(FormValidation.Kind.WARNING);
    }
}

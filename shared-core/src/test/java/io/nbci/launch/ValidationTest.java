package io.nbci.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class ValidationTest {

    private static void ok(Check check) {
        assertThat(check.level()).as(check.message()).isEqualTo(Check.Level.OK);
    }

    private static void error(Check check, String message) {
        assertThat(check.level()).isEqualTo(Check.Level.ERROR);
        assertThat(check.message()).startsWith(message);
    }

    @Test
    public void shouldCheckTargetNames() {
        ok(Validation.targetName("prod-eu.1_a"));
        error(Validation.targetName(""), "required");
        error(Validation.targetName("-prod"), "expected letters");
        error(Validation.targetName("a".repeat(65)), "expected letters");
    }

    @Test
    public void shouldCheckUris() {
        ok(Validation.uri("", Validation.FILESYSTEM_SCHEMES));
        ok(Validation.uri("hdfs://nn.example.com:8020", Validation.FILESYSTEM_SCHEMES));
        ok(Validation.uri("webhdfs://nn:9870", Validation.FILESYSTEM_SCHEMES));
        ok(Validation.uri("file:///tmp/deploy", Validation.FILESYSTEM_SCHEMES));
        ok(Validation.uri("https://github.example.com/api/v3", Validation.WEB_SCHEMES));
        error(Validation.uri("hdfs://nn:80 20", Validation.FILESYSTEM_SCHEMES), "not a valid URI");
        error(Validation.uri("s3a://bucket", Validation.FILESYSTEM_SCHEMES),
                "expected a URI starting with file://, hdfs://, swebhdfs://, viewfs://, webhdfs://");
        error(Validation.uri("hdfs:/x", Validation.FILESYSTEM_SCHEMES), "expected a host name");
        error(Validation.uri("https://user:pw@host/", Validation.WEB_SCHEMES), "do not put user names or passwords");
    }

    @Test
    public void shouldCheckPathsAndGlobs() {
        ok(Validation.absolutePath("/apps/jobs"));
        error(Validation.absolutePath("/"), "expected a folder below '/'");
        error(Validation.absolutePath("apps"), "expected an absolute path");
        ok(Validation.workspacePath("out/x.xml"));
        error(Validation.workspacePath("C:\\x"), "expected a path relative");
        error(Validation.workspacePath("a/../../b"), "'..' would leave the workspace");
        ok(Validation.glob("notebooks/**/*.ipynb"));
        ok(Validation.glob("..."));
        error(Validation.glob("notebooks/[a.ipynb"), "not a valid glob");
        error(Validation.glob("/abs/*.ipynb"), "expected a path relative");
    }

    @Test
    public void shouldRequireANotebookInputAsAGlob() {
        ok(Validation.notebookInput("notebooks/**/*.ipynb"));
        error(Validation.notebookInput(" "), "required: enter a notebook, a folder or a glob");
        error(Validation.notebookInput("../x.ipynb"), "'..' would leave the workspace");
    }

    @Test
    public void shouldCheckEveryGlobOfAList() {
        ok(Validation.globs(null));
        ok(Validation.globs("scenarios/*.yaml, more/b.yaml\n\nlast.yaml"));
        error(Validation.globs("ok.yaml,/etc/x.yaml"), "expected a path relative");
        error(Validation.globs("ok.yaml\r\nbad/[x.yaml"), "not a valid glob");
    }

    @Test
    public void shouldCheckNumbers() {
        ok(Validation.timeoutSeconds(""));
        ok(Validation.timeoutSeconds("604800"));
        error(Validation.timeoutSeconds("604801"), "expected a whole number of seconds between 1 and 604800");
        error(Validation.timeoutSeconds("1.5"), "expected a whole number");
        error(Validation.timeoutSeconds("99999999999"), "expected a whole number");
        ok(Validation.jobs("2"));
        error(Validation.jobs("65"), "expected a whole number of parallel kernels");
        ok(Validation.retention("3"));
        error(Validation.retention("1"), "expected a whole number of releases");
        ok(Validation.retention("2"));
    }

    @Test
    public void shouldCheckNamesOfThingsInTheCluster() {
        ok(Validation.permission("0755"));
        ok(Validation.permission("644"));
        error(Validation.permission("4755"), "expected octal");
        error(Validation.permission("789"), "expected octal");
        ok(Validation.principal("etl@EXAMPLE.COM"));
        ok(Validation.principal("etl/host.example.com@EXAMPLE.COM"));
        error(Validation.principal("etl/host"), "expected a Kerberos principal");
        ok(Validation.user("etl_ci"));
        error(Validation.user("etl ci"), "expected a user name");
        ok(Validation.user("svc$etl@corp"));
        ok(Validation.parameterName("run_date"));
        error(Validation.parameterName("2x"), "expected a Python variable name");
        error(Validation.parameterName("lambda"), "expected a Python variable name");
        ok(Validation.kernelName("pyspark-3.5"));
        ok(Validation.environmentVariable("GITHUB_TOKEN"));
        error(Validation.environmentVariable("GITHUB-TOKEN"), "expected an environment variable name");
    }

    @Test
    public void shouldCheckReleaseVersionsAndHiveJdbcUrls() {
        ok(Validation.releaseVersion(""));
        ok(Validation.releaseVersion("1.4.2"));
        error(Validation.releaseVersion("1.0 final"), "expected letters, digits");
        error(Validation.releaseVersion(".hidden"), "expected letters, digits");
        ok(Validation.hiveJdbcUrl("jdbc:hive2://hs2:10000/default"));
        error(Validation.hiveJdbcUrl(""), "required: enter the HiveServer2 JDBC URL");
        error(Validation.hiveJdbcUrl("jdbc:mysql://db/x"), "expected a URL starting with jdbc:hive2://");
        error(Validation.hiveJdbcUrl("jdbc:hive2://h:1/;PASSWORD=x"), "do not put a password");
    }

    @Test
    public void shouldCheckStatusFields() {
        ok(Validation.contextName("nbci/notebooks (PR)"));
        error(Validation.contextName(""), "required");
        error(Validation.contextName("a".repeat(101)), "expected at most 100 characters, found 101");
        error(Validation.contextName("nbci\tx"), "expected letters");
        ok(Validation.provider("bitbucket-cloud"));
        error(Validation.provider("gitea"), "expected one of github, bitbucket-server, bitbucket-cloud, gitlab");
        ok(Validation.sha("0123abc"));
        ok(Validation.sha(""));
        error(Validation.sha("0123ab"), "expected 7 to 40 hexadecimal digits");
        ok(Validation.repository("acme/imagescore"));
        ok(Validation.repository("group/sub/project"));
        ok(Validation.repository("4711"));
        error(Validation.repository("acme"), "expected OWNER/NAME");
    }

    @Test
    public void shouldThrowNamingTheFieldOnlyForErrors() {
        assertThat(Check.warning("w").orThrow("f").level()).isEqualTo(Check.Level.WARNING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Check.error("bad").orThrow("field"))
                .isInstanceOf(LaunchConfigException.class).hasMessage("field: bad")
                .extracting(e -> ((LaunchConfigException) e).field()).isEqualTo("field");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Check.error("bad: worse").orThrow("field"))
                .extracting(e -> ((LaunchConfigException) e).problem()).isEqualTo("bad: worse");
    }
}

package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.cli.Main;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.results.ResultsFile;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.Before;
import org.junit.Test;

/** Deploys into a real MiniDFSCluster, once over hdfs:// and once over webhdfs://. */
public class DeployIT extends AbstractMiniHdfsIT {
    private static int counter;
    private Path targets;
    private String base;

    @Before
    public void setUp() throws IOException {
        base = "/apps/it" + (++counter) + "-" + scheme;
        targets = writeTargets(3, "");
        for (int i = 0; i < 10; i++) {
            write("jobs/job" + i + ".py", "print('job " + i + "')\n");
        }
        write("notebooks/report.ipynb", "{\"cells\": []}\n");
        write("README.md", "hello\n");
    }

    private Path writeTargets(int retention, String extra) throws IOException {
        Path file = temp.getRoot().toPath().resolve("nbci-deploy-" + retention + ".yaml");
        Files.writeString(file, "targets:\n"
                + "  t:\n"
                + "    uri: " + uri() + "\n"
                + "    base: " + base + "\n"
                + "    retention: " + retention + "\n"
                + "    parallel: 4\n"
                + "    exclude: ['**/*.tmp']\n"
                + "    layout: copies\n"
                + extra);
        return file;
    }

    private Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run deploy(String version, String... more) {
        List<String> args = new ArrayList<>(List.of("deploy", "--targets", targets.toString(), "--target", "t",
                "--source", source.toString(), "--version", version));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    private String live() throws IOException {
        return read(base + "/current").strip();
    }

    /** Every file under {@code dir} with its length and modification time, to prove nothing changed. */
    private TreeMap<String, String> listing(String dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
        if (!admin.exists(root)) {
            return files;
        }
        RemoteIterator<LocatedFileStatus> it = admin.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus status = it.next();
            files.put(status.getPath().toUri().getPath(), status.getLen() + "@" + status.getModificationTime());
        }
        return files;
    }

    private Deployer deployer(TargetConnection connection) {
        return new Deployer(connection, LogSink.silent());
    }

    private DeployTarget target() {
        return DeployTargets.parse(targets).get("t");
    }

    @Test
    public void shouldDeployVerifiedReleaseAndSwitchLivePointer() throws IOException {
        Path results = temp.getRoot().toPath().resolve("results.json");
        write("scratch.tmp", "not deployed");

        Run run = deploy("v1", "--results", results.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(live()).isEqualTo("v1");
        assertThat(read(base + "/releases/v1/jobs/job3.py")).isEqualTo("print('job 3')\n");
        assertThat(read(base + "/releases/v1/README.md")).isEqualTo("hello\n");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/releases/v1/scratch.tmp"))).isFalse();
        Manifest manifest = Manifest.fromJson(read(base + "/releases/v1/" + Manifest.FILE_NAME), "manifest");
        assertThat(manifest.files()).hasSize(12);
        assertThat(manifest.files().get(0).path()).isEqualTo("README.md");
        assertThat(manifest.files().get(0).sha256())
                .isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(manifest.createdBy()).contains("@");
        FileStatus file = admin.getFileStatus(new org.apache.hadoop.fs.Path(base + "/releases/v1/jobs/job1.py"));
        assertThat(file.getPermission().toShort()).isEqualTo((short) 0644);
        FileStatus dir = admin.getFileStatus(new org.apache.hadoop.fs.Path(base + "/releases/v1/jobs"));
        assertThat(dir.getPermission().toShort()).isEqualTo((short) 0755);
        assertThat(admin.listStatus(new org.apache.hadoop.fs.Path(base + "/staging"))).isEmpty();
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/" + DeployLock.FILE_NAME))).isFalse();
        assertThat(run.out()).contains("12/12 files").contains("live release of t is now v1");

        RunResults written = ResultsFile.read(results);
        assertThat(written.exitCode()).isEqualTo(ExitCode.OK);
        SuiteResult suite = written.suites().get(0);
        assertThat(suite.kind()).isEqualTo(SuiteResult.Kind.DEPLOY);
        assertThat(suite.properties()).containsEntry("release", "v1").containsEntry("uploaded", "12");
        assertThat(suite.successful()).isTrue();
    }

    @Test
    public void shouldUploadOnlyTheChangedFileOnRedeploy() throws IOException {
        assertThat(deploy("v1").code()).isEqualTo(0);
        write("jobs/job4.py", "print('job 4, fixed')\n");
        Path results = temp.getRoot().toPath().resolve("results.json");

        Run run = deploy("v2", "--results", results.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(live()).isEqualTo("v2");
        SuiteResult suite = ResultsFile.read(results).suites().get(0);
        assertThat(suite.properties()).containsEntry("uploaded", "1").containsEntry("reused", "11")
                .containsEntry("changed", "1").containsEntry("added", "0");
        assertThat(read(base + "/releases/v2/jobs/job4.py")).isEqualTo("print('job 4, fixed')\n");
        assertThat(read(base + "/releases/v2/jobs/job5.py")).isEqualTo("print('job 5')\n");
        assertThat(read(base + "/releases/v1/jobs/job4.py")).isEqualTo("print('job 4')\n");
    }

    @Test
    public void shouldRollBackAtomicallyToThePreviousOrANamedRelease() throws IOException {
        assertThat(deploy("v1").code()).isEqualTo(0);
        write("jobs/job0.py", "print('v2')\n");
        assertThat(deploy("v2").code()).isEqualTo(0);

        Run back = cli("rollback", "--targets", targets.toString(), "--target", "t");
        assertThat(back.code()).as(back.err()).isEqualTo(0);
        assertThat(live()).isEqualTo("v1");

        Run releases = cli("releases", "--targets", targets.toString(), "--target", "t");
        assertThat(releases.code()).isEqualTo(0);
        assertThat(releases.out()).containsPattern("\\* v1 ").containsPattern("\n  v2 ");

        Run forward = cli("rollback", "--targets", targets.toString(), "--target", "t", "--to", "v2");
        assertThat(forward.code()).isEqualTo(0);
        assertThat(live()).isEqualTo("v2");
        assertThat(read(base + "/releases/" + live() + "/jobs/job0.py")).isEqualTo("print('v2')\n");

        Run unknown = cli("rollback", "--targets", targets.toString(), "--target", "t", "--to", "v9");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("release v9").contains("no manifest");
        assertThat(live()).isEqualTo("v2");
    }

    @Test
    public void shouldDeleteOldestReleasesBeyondRetentionButNeverTheLiveOne() throws IOException {
        targets = writeTargets(2, "");
        for (int v = 1; v <= 4; v++) {
            write("jobs/job0.py", "print('v" + v + "')\n");
            assertThat(deploy("v" + v).code()).isEqualTo(0);
        }
        assertThat(releaseDirs()).containsExactly("v3", "v4");

        // redeploying v3's content under its ID makes the older v3 live again; retention must keep it
        write("jobs/job0.py", "print('v3')\n");
        assertThat(deploy("v3").code()).isEqualTo(0);
        assertThat(live()).isEqualTo("v3");
        write("jobs/job0.py", "print('v5')\n");
        assertThat(deploy("v5").code()).isEqualTo(0);
        assertThat(releaseDirs()).containsExactly("v4", "v5");
        cli("rollback", "--targets", targets.toString(), "--target", "t", "--to", "v4");
        write("jobs/job0.py", "print('v6')\n");
        assertThat(deploy("v6").code()).isEqualTo(0);
        // live v6 and v5 are the newest two; v4 goes
        assertThat(releaseDirs()).containsExactly("v5", "v6");
    }

    private List<String> releaseDirs() throws IOException {
        List<String> ids = new ArrayList<>();
        for (FileStatus status : admin.listStatus(new org.apache.hadoop.fs.Path(base + "/releases"))) {
            ids.add(status.getPath().getName());
        }
        ids.sort(null);
        return ids;
    }

    @Test
    public void shouldPrintChangesAndTouchNothingOnDryRun() throws IOException {
        assertThat(deploy("v1").code()).isEqualTo(0);
        write("jobs/job2.py", "print('changed')\n");
        write("jobs/new.py", "print('new')\n");
        Files.delete(source.resolve("README.md"));
        TreeMap<String, String> before = listing(base);

        Run run = deploy("v2", "--dry-run");

        assertThat(run.code()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("  + jobs/new.py").contains("  ~ jobs/job2.py").contains("  - README.md")
                .contains("1 added, 1 changed, 1 removed, 10 unchanged vs live release v1");
        assertThat(listing(base)).isEqualTo(before);
        assertThat(live()).isEqualTo("v1");
    }

    @Test
    public void shouldRefuseAConcurrentDeployUntilTheLockIsReleased() throws Exception {
        assertThat(deploy("v1").code()).isEqualTo(0);
        CountDownLatch inUpload = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        write("jobs/job1.py", "print('slow')\n");
        try (TargetConnection connection = TargetConnection.open(target())) {
            Deployer slow = deployer(connection);
            AtomicBoolean first = new AtomicBoolean(true);
            slow.beforeTransfer(file -> {
                if (first.getAndSet(false)) {
                    inUpload.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Future<DeployOutcome> running = pool.submit(() -> slow.deploy(source, "v2", null, false));
            assertThat(inUpload.await(60, TimeUnit.SECONDS)).isTrue();

            Run second = deploy("v3");

            assertThat(second.code()).isEqualTo(3);
            assertThat(second.err()).contains("target t is locked by").contains("'deploy v2'")
                    .contains("nbci unlock --target t");
            release.countDown();
            assertThat(running.get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.OK);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(live()).isEqualTo("v2");
        assertThat(deploy("v3").code()).isEqualTo(0);
    }

    @Test
    public void shouldRefuseALockFromAnotherHostUntilUnlocked() throws IOException {
        admin.mkdirs(new org.apache.hadoop.fs.Path(base));
        try (OutputStream out = admin.create(new org.apache.hadoop.fs.Path(base + "/" + DeployLock.FILE_NAME), false)) {
            out.write(("{\"owner\":\"ci\",\"host\":\"agent-7.example.com\",\"pid\":4242,"
                    + "\"time\":\"2026-11-23T20:00:00Z\",\"command\":\"deploy old\",\"token\":\"x\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Run refused = deploy("v1");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).contains("locked by ci@agent-7.example.com (pid 4242, 'deploy old')");

        Run unlock = cli("unlock", "--targets", targets.toString(), "--target", "t");
        assertThat(unlock.code()).isEqualTo(0);
        assertThat(unlock.out()).contains("held by ci@agent-7.example.com");
        assertThat(deploy("v1").code()).isEqualTo(0);
    }

    @Test
    public void shouldRefuseSourcesAndVersionsThatEscape() throws IOException {
        Path outside = temp.newFile("secret.txt").toPath();
        Files.writeString(outside, "not for HDFS");
        Files.createSymbolicLink(source.resolve("jobs/leak.py"), outside);

        Run symlink = deploy("v1");

        assertThat(symlink.code()).isEqualTo(2);
        assertThat(symlink.err()).contains("jobs/leak.py is a symbolic link to").contains("outside the source folder");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/releases"))).isFalse();

        Files.delete(source.resolve("jobs/leak.py"));
        Run traversal = deploy("../../etc");
        assertThat(traversal.code()).isEqualTo(2);
        assertThat(traversal.err()).contains("--version").contains("no '..'");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/releases"))).isFalse();

        try (TargetConnection connection = TargetConnection.open(target())) {
            Deployer deployer = deployer(connection);
            org.apache.hadoop.fs.Path stage = new org.apache.hadoop.fs.Path(base + "/staging/x");
            org.junit.Assert.assertThrows(DeployException.class, () -> deployer.child(stage, "../../releases/v1/a"));
            org.junit.Assert.assertThrows(DeployException.class, () -> deployer.child(stage, "/etc/passwd"));
        }
    }

    @Test
    public void shouldDetectAChecksumMismatchAndPublishNothing() throws IOException {
        assertThat(deploy("v1").code()).isEqualTo(0);
        write("jobs/job7.py", "print('v2')\n");
        TargetConnection connection = TargetConnection.open(target());
        try {
            Deployer deployer = deployer(connection);
            // the file changes between hashing and upload, as when a build still writes into the folder
            deployer.beforeTransfer(file -> {
                if (file.path().equals("jobs/job7.py")) {
                    try {
                        Files.writeString(file.local(), "print('tampered')\n");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

            DeployOutcome outcome = deployer.deploy(source, "v2", null, false);

            assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(outcome.mismatches()).hasSize(1);
            assertThat(outcome.mismatches().get(0)).startsWith("jobs/job7.py: expected");
            SuiteResult suite = outcome.toSuite(source.toString());
            assertThat(suite.count(Status.FAILED)).isEqualTo(1);
        } finally {
            connection.close();
        }
        assertThat(live()).isEqualTo("v1");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/releases/v2"))).isFalse();
        assertThat(admin.listStatus(new org.apache.hadoop.fs.Path(base + "/staging"))).isEmpty();
        assertThat(deploy("v2").code()).isEqualTo(0);
        assertThat(read(base + "/releases/v2/jobs/job7.py")).isEqualTo("print('tampered')\n");
    }

    @Test
    public void shouldExitWithThreeWhenTheTargetIsUnreachable() throws IOException {
        Path file = temp.getRoot().toPath().resolve("down.yaml");
        Files.writeString(file, "targets:\n  down:\n    uri: " + scheme + "://127.0.0.1:1\n    base: /apps/x\n");

        Run run = cli("releases", "--targets", file.toString(), "--target", "down");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("unreachable");
    }

    @Test
    public void shouldExitWithTwoNamingFileLineAndKeyForABadTarget() throws IOException {
        Path file = temp.getRoot().toPath().resolve("bad.yaml");
        Files.writeString(file, "targets:\n  t:\n    uri: " + uri() + "\n    base: /apps/x\n    retension: 3\n");

        Run run = cli("deploy", "--targets", file.toString(), "--target", "t", "--source", source.toString(),
                "--version", "v1");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:5:").contains("targets.t.retension: unknown key");
    }

    static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Configuration conf() {
        return new Configuration();
    }
}

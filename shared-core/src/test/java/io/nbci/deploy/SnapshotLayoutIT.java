package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** The snapshot layout ({@code layout: snapshots}) on a real MiniDFSCluster, over hdfs:// and webhdfs://. */
@RunWith(Parameterized.class)
public class SnapshotLayoutIT {
    private static MiniHdfs hdfs;
    private static FileSystem admin;
    private static int counter;

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> schemes() {
        return Arrays.asList(new Object[][] {{"hdfs"}, {"webhdfs"}});
    }

    @Parameterized.Parameter
    public String scheme;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path source;
    private String base;
    private DeployTarget target;

    @BeforeClass
    public static void startHdfs() throws IOException {
        hdfs = MiniHdfs.shared();
        admin = hdfs.fileSystem();
    }


    @Before
    public void setUp() throws IOException {
        source = temp.newFolder("src").toPath();
        base = "/apps/snap" + (++counter) + "-" + scheme;
        URI uri = scheme.equals("hdfs") ? hdfs.hdfsUri() : hdfs.webHdfsUri();
        target = DeployTargets.parse("targets:\n  t:\n    uri: " + uri + "\n    base: " + base
                + "\n    layout: snapshots\n    retention: 2\n    parallel: 4\n", "t.yaml").get("t");
        for (int i = 0; i < 10; i++) {
            write("jobs/job" + i + ".py", "print(" + i + ")\n");
        }
        write("old/legacy.py", "legacy\n");
    }

    private void write(String relative, String text) throws IOException {
        Path file = source.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String read(String path) throws IOException {
        try (InputStream in = admin.open(new org.apache.hadoop.fs.Path(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DeployOutcome deploy(String id) {
        try (TargetConnection connection = TargetConnection.open(target)) {
            return new Deployer(connection, LogSink.silent()).deploy(source, id, null, false);
        }
    }

    private List<String> snapshots() throws IOException {
        List<String> ids = new ArrayList<>();
        for (FileStatus status : admin.listStatus(new org.apache.hadoop.fs.Path(base + "/work/.snapshot"))) {
            ids.add(status.getPath().getName());
        }
        ids.sort(null);
        return ids;
    }

    @Test
    public void shouldWriteOnlyChangesAndKeepEverySnapshotImmutable() throws IOException {
        DeployOutcome first = deploy("v1");
        assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(first.uploaded()).isEqualTo(11);
        assertThat(first.releasePath()).endsWith(base + "/work/.snapshot/v1");

        write("jobs/job3.py", "print('three')\n");
        DeployOutcome second = deploy("v2");

        assertThat(second.uploaded()).isEqualTo(1);
        assertThat(second.reused()).isEqualTo(10);
        assertThat(read(base + "/current").strip()).isEqualTo("v2");
        assertThat(read(base + "/work/.snapshot/v2/jobs/job3.py")).isEqualTo("print('three')\n");
        assertThat(read(base + "/work/.snapshot/v1/jobs/job3.py")).isEqualTo("print(3)\n");
        assertThat(read(base + "/work/.snapshot/v2/jobs/job4.py")).isEqualTo("print(4)\n");

        Files.delete(source.resolve("old/legacy.py"));
        assertThat(deploy("v3").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/work/.snapshot/v3/old"))).isFalse();
        assertThat(read(base + "/work/.snapshot/v2/old/legacy.py")).isEqualTo("legacy\n");
        assertThat(snapshots()).containsExactly("v2", "v3");

        try (TargetConnection connection = TargetConnection.open(target)) {
            Deployer deployer = new Deployer(connection, LogSink.silent());
            assertThat(deployer.rollback(null)).isEqualTo("v2");
            assertThat(deployer.releases()).extracting(ReleaseInfo::id, ReleaseInfo::live)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("v3", false),
                            org.assertj.core.groups.Tuple.tuple("v2", true));
        }
    }

    @Test
    public void shouldRewriteFilesAKilledDeployLeftInTheWorkingFolder() throws IOException {
        assertThat(deploy("v1").exitCode()).isEqualTo(ExitCode.OK);
        // what a deploy killed mid-write leaves: a changed file and a stray one in the working folder
        try (OutputStream out = admin.create(new org.apache.hadoop.fs.Path(base + "/work/jobs/job5.py"), true)) {
            out.write("half".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = admin.create(new org.apache.hadoop.fs.Path(base + "/work/stray.py"), true)) {
            out.write("stray".getBytes(StandardCharsets.UTF_8));
        }

        DeployOutcome next = deploy("v2");

        assertThat(next.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(next.uploaded()).isEqualTo(1);
        assertThat(read(base + "/work/.snapshot/v2/jobs/job5.py")).isEqualTo("print(5)\n");
        assertThat(admin.exists(new org.apache.hadoop.fs.Path(base + "/work/.snapshot/v2/stray.py"))).isFalse();
    }

    @Test
    public void shouldTakeNoSnapshotWhenVerificationFails() throws IOException {
        assertThat(deploy("v1").exitCode()).isEqualTo(ExitCode.OK);
        write("jobs/job1.py", "print('new')\n");
        try (TargetConnection connection = TargetConnection.open(target)) {
            Deployer deployer = new Deployer(connection, LogSink.silent());
            deployer.beforeTransfer(file -> {
                try {
                    Files.writeString(file.local(), "print('changed during the deploy')\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(deployer.deploy(source, "v2", null, false).exitCode()).isEqualTo(ExitCode.FAILED);
        }
        assertThat(snapshots()).containsExactly("v1");
        assertThat(read(base + "/current").strip()).isEqualTo("v1");
        assertThat(deploy("v2").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(read(base + "/work/.snapshot/v2/jobs/job1.py")).isEqualTo("print('changed during the deploy')\n");
    }
}

package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.junit.Before;
import org.junit.Test;

/** The snapshot layout ({@code layout: snapshots}) on a real MiniDFSCluster, over hdfs:// and webhdfs://. */
public class SnapshotLayoutIT extends AbstractMiniHdfsIT {
    private static int counter;
    private String base;
    private DeployTarget target;

    @Before
    public void setUp() throws IOException {
        base = "/apps/snap" + (++counter) + "-" + scheme;
        target = DeployTargets.parse("targets:\n  t:\n    uri: " + uri() + "\n    base: " + base
                + "\n    layout: snapshots\n    retention: 2\n    parallel: 4\n", "t.yaml").get("t");
        for (int i = 0; i < 10; i++) {
            write("jobs/job" + i + ".py", "print(" + i + ")\n");
        }
        write("old/legacy.py", "legacy\n");
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
        assertThat(exists(base + "/work/.snapshot/v3/old")).isFalse();
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
        assertThat(exists(base + "/work/.snapshot/v2/stray.py")).isFalse();
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

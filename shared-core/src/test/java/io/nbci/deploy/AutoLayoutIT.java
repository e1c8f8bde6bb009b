package io.nbci.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.junit.Before;
import org.junit.Test;

/** {@code layout: auto} (the default) on a real MiniDFSCluster, over hdfs:// and webhdfs://. */
public class AutoLayoutIT extends AbstractMiniHdfsIT {
    private static int counter;
    private String base;
    private final RecordingLog log = new RecordingLog();

    @Before
    public void setUp() throws IOException {
        base = "/apps/auto" + (++counter) + "-" + scheme;
        for (int i = 0; i < 10; i++) {
            write("jobs/job" + i + ".py", "print(" + i + ")\n");
        }
    }

    /** A target without a {@code layout:} key, plus {@code extra} lines. */
    private DeployTarget target(String extra) {
        return DeployTargets.parse("targets:\n  t:\n    uri: " + uri() + "\n    base: " + base + "\n    parallel: 4\n"
                + extra, "t.yaml").get("t");
    }

    private DeployOutcome deploy(DeployTarget target, String id) {
        try (TargetConnection connection = TargetConnection.open(target)) {
            return new Deployer(connection, log).deploy(source, id, null, false);
        }
    }

    private DeployTarget.Layout layoutSeenBy(DeployTarget target) {
        try (TargetConnection connection = TargetConnection.open(target)) {
            return new Deployer(connection, LogSink.silent()).layout();
        }
    }

    @Test
    public void shouldUseSnapshotsOnAFreshTargetWhenTheDeployUserMayEnableThem() throws IOException {
        DeployTarget target = target("    owner: etl\n    group: analysts\n");
        assertThat(layoutSeenBy(target)).isEqualTo(DeployTarget.Layout.AUTO);

        assertThat(deploy(target, "v1").exitCode()).isEqualTo(ExitCode.OK);
        Files.writeString(source.resolve("jobs/job3.py"), "print('three')\n");
        DeployOutcome second = deploy(target, "v2");

        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(second.uploaded()).isEqualTo(1);
        assertThat(second.reused()).isEqualTo(9);
        assertThat(second.releasePath()).endsWith(base + "/work/.snapshot/v2");
        assertThat(read(base + "/work/.snapshot/v2/jobs/job3.py")).isEqualTo("print('three')\n");
        assertThat(read(base + "/work/.snapshot/v1/jobs/job3.py")).isEqualTo("print(3)\n");
        assertThat(exists(base + "/releases")).isFalse();
        assertThat(layoutSeenBy(target)).isEqualTo(DeployTarget.Layout.SNAPSHOTS);
        assertThat(log.messages()).anyMatch(line -> line.contains("target t: layout snapshots"));
        FileStatus file = admin.getFileStatus(new org.apache.hadoop.fs.Path(base + "/work/.snapshot/v2/jobs/job3.py"));
        FileStatus dir = admin.getFileStatus(new org.apache.hadoop.fs.Path(base + "/work/.snapshot/v2/jobs"));
        assertThat(List.of(file.getOwner(), file.getGroup(), dir.getOwner(), dir.getGroup()))
                .containsExactly("etl", "analysts", "etl", "analysts");
    }

    @Test
    public void shouldFallBackToCopiesAndNameTheAdminCommandWhenTheUserMayNotEnableSnapshots() throws IOException {
        admin.mkdirs(new org.apache.hadoop.fs.Path(base));
        admin.setOwner(new org.apache.hadoop.fs.Path(base), "alice", "alice");
        DeployTarget target = target("    user: alice\n");

        DeployOutcome first = deploy(target, "v1");
        Files.writeString(source.resolve("jobs/job3.py"), "print('three')\n");
        DeployOutcome second = deploy(target, "v2");

        assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(read(base + "/releases/v2/jobs/job3.py")).isEqualTo("print('three')\n");
        assertThat(read(base + "/releases/v1/jobs/job3.py")).isEqualTo("print(3)\n");
        assertThat(admin.getFileStatus(new org.apache.hadoop.fs.Path(base + "/work")).isSnapshotEnabled()).isFalse();
        assertThat(layoutSeenBy(target)).isEqualTo(DeployTarget.Layout.COPIES);
        assertThat(log.messages().stream().filter(line -> line.contains("layout copies"))).singleElement().asString()
                .contains("alice may not make " + base + "/work snapshottable")
                .contains("hdfs dfsadmin -allowSnapshot " + base + "/work");
    }

    @Test
    public void shouldKeepATargetThatAlreadyHoldsCopiesInTheCopiesLayout() throws IOException {
        assertThat(deploy(target("    layout: copies\n"), "v1").exitCode()).isEqualTo(ExitCode.OK);

        DeployOutcome next = deploy(target(""), "v2");

        assertThat(next.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(next.releasePath()).endsWith(base + "/releases/v2");
        assertThat(exists(base + "/work")).isFalse();
        assertThat(layoutSeenBy(target(""))).isEqualTo(DeployTarget.Layout.COPIES);
    }

    @Test
    public void shouldUseCopiesOnAFileSystemWithoutSnapshots() throws IOException {
        Path local = temp.newFolder("local-target").toPath();
        DeployTarget target = DeployTargets.parse("targets:\n  t:\n    uri: file:///\n    base: " + local
                + "\n", "t.yaml").get("t");

        DeployOutcome outcome = deploy(target, "v1");

        assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(local.resolve("releases/v1/jobs/job3.py")).hasContent("print(3)");
        assertThat(layoutSeenBy(target)).isEqualTo(DeployTarget.Layout.COPIES);
    }
}

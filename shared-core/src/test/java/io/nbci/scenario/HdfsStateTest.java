package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** HdfsState on the Hadoop local file system (the same FileSystem API as HDFS). */
public class HdfsStateTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldListOnlyBelowTheRootAndRemoveTheRootWhenTheScenarioCreatedIt() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path outside = temp.newFolder("outside").toPath();
        Path root = temp.getRoot().toPath().resolve("scratch");
        HdfsState before = HdfsState.capture(fs, root.toString());

        Files.createDirectories(root.resolve("in"));
        Files.writeString(root.resolve("in/a.txt"), "abc");
        Files.writeString(outside.resolve("b.txt"), "outside");
        HdfsState after = HdfsState.capture(fs, root.toString());

        assertThat(after.addedSince(before)).containsKeys(root.toString(), root + "/in", root + "/in/a.txt")
                .containsEntry(root + "/in/a.txt", 3L).doesNotContainKey(outside + "/b.txt");
        assertThat(after.outermostAddedSince(before)).containsExactly(root.toString());
    }

    @Test
    public void shouldKeepWhatWasThereBefore() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path root = temp.newFolder("scratch").toPath();
        Files.writeString(root.resolve("kept.txt"), "old");
        HdfsState before = HdfsState.capture(fs, root.toString());

        Files.createDirectories(root.resolve("new/deep"));
        Files.writeString(root.resolve("new/deep/x.txt"), "x");
        Files.writeString(root.resolve("y.txt"), "y");

        assertThat(HdfsState.capture(fs, root.toString()).outermostAddedSince(before))
                .containsExactly(root + "/new", root + "/y.txt");
    }
}

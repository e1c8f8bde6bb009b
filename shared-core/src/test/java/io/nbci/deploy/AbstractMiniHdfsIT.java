package io.nbci.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.apache.hadoop.fs.FileSystem;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * Deploy tests against the test JVM's real MiniDFSCluster ({@link MiniHdfs#shared()}), each test run
 * once over hdfs:// and once over webhdfs://, with a fresh local source folder.
 */
@RunWith(Parameterized.class)
public abstract class AbstractMiniHdfsIT {
    protected static MiniHdfs hdfs;
    /** The superuser's view of the cluster, for arranging and checking what a deploy did. */
    protected static FileSystem admin;

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> schemes() {
        return Arrays.asList(new Object[][] {{"hdfs"}, {"webhdfs"}});
    }

    @Parameterized.Parameter
    public String scheme;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    /** The folder a test deploys from. */
    protected Path source;

    @BeforeClass
    public static void startHdfs() throws IOException {
        hdfs = MiniHdfs.shared();
        admin = hdfs.fileSystem();
    }

    @Before
    public void createSource() throws IOException {
        source = temp.newFolder("src").toPath();
    }

    /** The cluster's URI for this run's scheme. */
    protected URI uri() {
        return scheme.equals("hdfs") ? hdfs.hdfsUri() : hdfs.webHdfsUri();
    }

    /** Writes a source file (folders created as needed). */
    protected void write(String relative, String text) throws IOException {
        Path file = source.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    protected String read(String hdfsPath) throws IOException {
        try (InputStream in = admin.open(new org.apache.hadoop.fs.Path(hdfsPath))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected boolean exists(String hdfsPath) throws IOException {
        return admin.exists(new org.apache.hadoop.fs.Path(hdfsPath));
    }
}

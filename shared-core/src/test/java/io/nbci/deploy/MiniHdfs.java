package io.nbci.deploy;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.net.NetUtils;

/**
 * A real single-node HDFS (one NameNode, one DataNode, WebHDFS on, permissions on) for the deploy ITs:
 * one per test JVM ({@link #shared()}), each test class under its own base paths.
 */
final class MiniHdfs implements AutoCloseable {
    private static MiniHdfs shared;

    private final MiniDFSCluster cluster;

    /** The test JVM's HDFS, started on first use and shut down when the JVM exits. */
    static synchronized MiniHdfs shared() throws IOException {
        if (shared == null) {
            MiniHdfs started = start(new File("target/minidfs-deploy"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "minidfs-shutdown"));
            shared = started;
        }
        return shared;
    }

    private MiniHdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    private static MiniHdfs start(File baseDir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.getAbsolutePath());
        conf.setBoolean("dfs.webhdfs.enabled", true);
        conf.setBoolean("dfs.permissions.enabled", true);
        conf.setInt("dfs.replication", 1);
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).format(true).build();
        cluster.waitActive();
        return new MiniHdfs(cluster);
    }

    URI hdfsUri() {
        return URI.create("hdfs://127.0.0.1:" + cluster.getNameNodePort());
    }

    URI webHdfsUri() {
        return URI.create("webhdfs://" + NetUtils.getHostPortString(cluster.getNameNode().getHttpAddress()));
    }

    org.apache.hadoop.fs.FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}

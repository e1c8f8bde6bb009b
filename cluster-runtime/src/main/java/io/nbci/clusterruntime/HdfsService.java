package io.nbci.clusterruntime;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A real HDFS: one NameNode and one DataNode (MiniDFSCluster) with WebHDFS, on fixed ports. */
final class HdfsService implements AutoCloseable {

    /** Folders Hive needs; recreated (world-writable) after every reset. */
    static final String[] HIVE_FOLDERS = {"/user/hive/warehouse", "/user/hive/external", "/tmp/hive"};

    private final MiniDFSCluster cluster;
    private final String uri;

    /**
     * @param bindHost      address the NameNode and DataNode listen on when it differs from {@code host}
     *                      (a container: 0.0.0.0), empty for {@code host}
     * @param datanodePorts fixed DataNode transfer, HTTP and IPC ports (0 = any free port)
     */
    HdfsService(Path baseDir, String host, int port, int httpPort, String bindHost, int[] datanodePorts)
            throws IOException {
        Configuration conf = new HdfsConfiguration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
        conf.set("hadoop.tmp.dir", baseDir.resolve("tmp").toString());
        conf.setBoolean("dfs.permissions.enabled", false);
        conf.setBoolean("dfs.webhdfs.enabled", true);
        conf.set("dfs.datanode.hostname", host);
        conf.setInt("dfs.replication", 1);
        conf.setInt("dfs.namenode.safemode.extension", 0);
        conf.setInt("dfs.heartbeat.interval", 1);
        boolean fixedDataNode = !bindHost.isEmpty();
        if (fixedDataNode) {
            conf.set("dfs.namenode.rpc-bind-host", bindHost);
            conf.set("dfs.namenode.servicerpc-bind-host", bindHost);
            conf.set("dfs.namenode.http-bind-host", bindHost);
            conf.set("dfs.datanode.address", bindHost + ":" + datanodePorts[0]);
            conf.set("dfs.datanode.http.address", bindHost + ":" + datanodePorts[1]);
            conf.set("dfs.datanode.ipc.address", bindHost + ":" + datanodePorts[2]);
            conf.setBoolean("dfs.client.use.datanode.hostname", true);
            conf.setBoolean("dfs.datanode.use.datanode.hostname", true);
        }
        cluster = new MiniDFSCluster.Builder(conf)
                .checkDataNodeAddrConfig(fixedDataNode)
                .numDataNodes(1)
                .nameNodePort(port)
                .nameNodeHttpPort(httpPort)
                .format(true)
                .checkDataNodeHostConfig(true)
                .build();
        cluster.waitActive();
        uri = "hdfs://" + host + ":" + cluster.getNameNodePort();
        DistributedFileSystem fs = cluster.getFileSystem();
        long deadline = System.currentTimeMillis() + 30_000;
        while (fs.isInSafeMode()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("NameNode still in safe mode after 30 s");
            }
            sleep(100);
        }
        createHiveFolders();
    }

    String uri() {
        return uri;
    }

    int httpPort() {
        return cluster.getNameNode().getHttpAddress().getPort();
    }

    FileSystem fileSystem() throws IOException {
        return cluster.getFileSystem();
    }

    /** Deletes everything under / except Hive's scratch folder (open sessions live there), then recreates Hive's folders. */
    int deleteContent() throws IOException {
        FileSystem fs = fileSystem();
        int deleted = 0;
        for (FileStatus status : fs.listStatus(new org.apache.hadoop.fs.Path("/"))) {
            String name = status.getPath().getName();
            if (name.equals("tmp")) {
                for (FileStatus tmp : fs.listStatus(status.getPath())) {
                    if (!tmp.getPath().getName().equals("hive")) {
                        fs.delete(tmp.getPath(), true);
                        deleted++;
                    }
                }
            } else {
                fs.delete(status.getPath(), true);
                deleted++;
            }
        }
        createHiveFolders();
        return deleted;
    }

    private void createHiveFolders() throws IOException {
        FileSystem fs = fileSystem();
        for (String folder : HIVE_FOLDERS) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
            fs.mkdirs(path);
            fs.setPermission(path, new FsPermission((short) 0777));
        }
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

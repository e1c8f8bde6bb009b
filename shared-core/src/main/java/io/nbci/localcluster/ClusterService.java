package io.nbci.localcluster;

import java.util.Locale;

/** The services a {@link LocalCluster} can run. */
public enum ClusterService {
    /** A MiniDFSCluster: one NameNode and one DataNode, hdfs:// and WebHDFS. */
    HDFS,
    /** HiveServer2 (JDBC, binary transport) plus a Thrift metastore, warehouse on the local HDFS; needs HDFS. */
    HIVE,
    /** A Graphite plaintext listener (TCP and UDP on one port) that keeps every metric it receives. */
    GRAPHITE;

    /** The lower-case name used in the launch protocol, messages and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

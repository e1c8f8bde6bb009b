package io.nbci.localcluster;

import java.nio.file.Path;

/**
 * Where a running cluster's services answer. Fields of services that do not run are null (or 0
 * for the Graphite port).
 */
public record ClusterEndpoints(String hdfsUri, String webHdfsUrl, String hiveJdbcUrl, String metastoreUri,
        String graphiteHost, int graphitePort, Path hadoopConfDir, Path logFile) {
}

package io.nbci.clusterruntime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hive.service.server.HiveServer2;

/**
 * A real HiveServer2 (binary transport, no authentication) with an embedded in-memory Derby
 * metastore and its warehouse on the local HDFS; local MapReduce execution.
 *
 * <p>Hive 4 rebuilds its configuration from defaults in several places and silently drops
 * settings made only on the HiveConf object, so every key is also set as a system property.
 */
final class HiveService implements AutoCloseable {

    private final String host;
    private final int port;
    private final HiveServer2 server;

    private HiveService(String host, int port, HiveServer2 server) {
        this.host = host;
        this.port = port;
        this.server = server;
    }

    /**
     * The settings HiveServer2 runs with; clients get the relevant ones in the generated hive-site.xml.
     *
     * @param bindHost the address HiveServer2 listens on (the client host name, or 0.0.0.0 in a container)
     */
    static Map<String, String> settings(Path workDir, String bindHost, int port, String hdfsUri) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.defaultFS", hdfsUri);
        s.put("hive.server2.thrift.bind.host", bindHost);
        s.put("hive.server2.thrift.port", String.valueOf(port));
        s.put("hive.server2.transport.mode", "binary");
        s.put("hive.server2.authentication", "NONE");
        s.put("hive.server2.enable.doAs", "false");
        s.put("hive.server2.webui.port", "0");
        s.put("hive.metastore.uris", "");
        s.put("metastore.thrift.uris", "");
        s.put("javax.jdo.option.ConnectionURL", "jdbc:derby:memory:nbci_metastore;create=true");
        s.put("datanucleus.schema.autoCreateAll", "true");
        s.put("hive.metastore.schema.verification", "false");
        s.put("metastore.schema.verification", "false");
        s.put("datanucleus.connectionPoolingType", "None");
        s.put("hive.metastore.try.direct.sql", "false");
        s.put("hive.txn.manager", "org.apache.hadoop.hive.ql.lockmgr.DummyTxnManager");
        s.put("hive.support.concurrency", "false");
        s.put("hive.stats.autogather", "false");
        s.put("hive.stats.column.autogather", "false");
        s.put("hive.compactor.initiator.on", "false");
        s.put("hive.scheduled.queries.executor.enabled", "false");
        s.put("hive.metastore.warehouse.dir", hdfsUri + "/user/hive/warehouse");
        s.put("metastore.warehouse.dir", hdfsUri + "/user/hive/warehouse");
        s.put("hive.metastore.warehouse.external.dir", hdfsUri + "/user/hive/external");
        s.put("metastore.warehouse.external.dir", hdfsUri + "/user/hive/external");
        s.put("hive.exec.scratchdir", hdfsUri + "/tmp/hive");
        s.put("hive.exec.local.scratchdir", workDir.resolve("hive/local-scratch").toString());
        s.put("hive.downloaded.resources.dir", workDir.resolve("hive/resources").toString());
        s.put("hive.querylog.location", workDir.resolve("hive/querylog").toString());
        s.put("hive.server2.logging.operation.log.location", workDir.resolve("hive/operation-logs").toString());
        s.put("hive.query.results.cache.directory", hdfsUri + "/tmp/hive/_resultscache_");
        s.put("hive.query.results.cache.enabled", "false");
        s.put("mapreduce.jobtracker.staging.root.dir", workDir.resolve("hive/staging").toString());
        s.put("yarn.app.mapreduce.am.staging-dir", workDir.resolve("hive/staging").toString());
        s.put("mapreduce.cluster.local.dir", workDir.resolve("hive/mapred-local").toString());
        s.put("hadoop.tmp.dir", workDir.resolve("hive/hadoop-tmp").toString());
        s.put("mapreduce.framework.name", "local");
        s.put("hive.exec.submitviachild", "false");
        s.put("hive.exec.submit.local.task.via.child", "false");
        s.put("hive.execution.engine", "mr");
        s.put("hive.metastore.event.db.notification.api.auth", "false");
        s.put("hive.server2.materializedviews.registry.impl", "DUMMY");
        return s;
    }

    /**
     * Builds the configuration (every key also set as a system property, see above) and creates the
     * in-memory metastore schema with it (the slow part of HiveServer2's start) while HDFS is still
     * starting: the embedded metastore needs no file system for that, HiveServer2 does. A failed
     * warm-up is only logged; it surfaces again, with its port, in {@link #init}.
     *
     * @return the configuration for {@link #init} (the metastore client works on its own copy)
     */
    static HiveConf warmUp(Path workDir, String bindHost, int port, String hdfsUri) {
        Map<String, String> settings = settings(workDir, bindHost, port, hdfsUri);
        settings.forEach(System::setProperty);
        HiveConf conf = new HiveConf();
        settings.forEach(conf::set);
        try {
            org.apache.hadoop.hive.metastore.IMetaStoreClient client =
                    new org.apache.hadoop.hive.metastore.HiveMetaStoreClient(conf);
            try {
                client.getAllDatabases();
            } finally {
                client.close();
            }
        } catch (Exception | LinkageError e) {
            System.out.println("nbci-cluster: metastore warm-up failed (HiveServer2 will retry): " + e);
        }
        return conf;
    }

    /** Initialises HiveServer2 with the configuration {@link #warmUp} built (no port opened yet); {@link #start()} opens it. */
    static HiveService init(HiveConf conf, String host, int port) {
        HiveServer2 server = new HiveServer2();
        server.init(conf);
        return new HiveService(host, port, server);
    }

    void start() {
        server.start();
    }

    /**
     * Starts serving the same (in-memory) metastore over Thrift on {@code metastorePort}, for
     * clients such as Spark with Hive support that talk to a metastore rather than to HiveServer2.
     * Returns at once; {@link #awaitMetastore} waits until it listens.
     */
    void startMetastore(int metastorePort) {
        HiveConf conf = new HiveConf();
        conf.set("metastore.thrift.port", String.valueOf(metastorePort));
        Thread thread = new Thread(() -> {
            try {
                org.apache.hadoop.hive.metastore.HiveMetaStore.startMetaStore(metastorePort,
                        org.apache.hadoop.hive.metastore.security.HadoopThriftAuthBridge.getBridge(), conf);
            } catch (Throwable e) {
                System.out.println("nbci-cluster: metastore server on port " + metastorePort + " ended: " + e);
                metastoreFailure = e;
            }
        }, "metastore-thrift");
        thread.setDaemon(true);
        thread.start();
    }

    void awaitMetastore(int metastorePort, long deadlineMillis) throws java.io.IOException, InterruptedException {
        while (true) {
            try (java.net.Socket socket = new java.net.Socket(host, metastorePort)) {
                return;
            } catch (java.io.IOException e) {
                if (metastoreFailure != null) {
                    throw new java.io.IOException("metastore server failed: " + metastoreFailure, metastoreFailure);
                }
                if (System.currentTimeMillis() > deadlineMillis) {
                    throw new java.io.IOException("metastore server not listening on port " + metastorePort
                            + " in time", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private volatile Throwable metastoreFailure;

    String jdbcUrl() {
        return "jdbc:hive2://" + host + ":" + port + "/default";
    }

    /** Waits until a JDBC client can connect and run a statement. */
    void awaitJdbc(long deadlineMillis) throws SQLException, InterruptedException {
        SQLException last = null;
        while (System.currentTimeMillis() < deadlineMillis) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SHOW DATABASES");
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new SQLException("HiveServer2 did not accept a JDBC connection on " + jdbcUrl() + " in time", last);
    }

    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "nbci");
        props.setProperty("password", "");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** Drops every database but {@code default} and every table and view in {@code default}; returns how many. */
    int dropAll() throws SQLException {
        int dropped = 0;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String db : list(s, "SHOW DATABASES")) {
                if (!db.equalsIgnoreCase("default")) {
                    s.execute("DROP DATABASE IF EXISTS `" + db + "` CASCADE");
                    dropped++;
                }
            }
            for (String view : list(s, "SHOW VIEWS IN default")) {
                s.execute("DROP VIEW IF EXISTS default.`" + view + "`");
                dropped++;
            }
            for (String table : list(s, "SHOW TABLES IN default")) {
                s.execute("DROP TABLE IF EXISTS default.`" + table + "`");
                dropped++;
            }
        }
        return dropped;
    }

    private static List<String> list(Statement s, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    public void close() {
        server.stop();
    }
}

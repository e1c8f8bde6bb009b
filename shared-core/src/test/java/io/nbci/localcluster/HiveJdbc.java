package io.nbci.localcluster;

import io.nbci.common.LogSink;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A Hive JDBC client for tests, loaded from the cluster runtime's own jars in an isolated class
 * loader: the hive-jdbc driver (and its dozens of Hive and Hadoop dependencies) stays off
 * shared-core's test classpath, and the tests use exactly the driver a user gets with the runtime.
 */
final class HiveJdbc {
    private static Driver driver;
    private static ClassLoader loader;

    private HiveJdbc() {
    }

    static synchronized Connection connect(String url) throws SQLException {
        load();
        Properties props = new Properties();
        props.setProperty("user", "nbci");
        props.setProperty("password", "");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return driver.connect(url, props);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Database names as a Thrift metastore client sees them (the client Spark with Hive support
     * uses), through the same isolated runtime class loader.
     */
    @SuppressWarnings("unchecked")
    static synchronized List<String> metastoreDatabases(String metastoreUri) throws Exception {
        load();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> configuration = Class.forName("org.apache.hadoop.conf.Configuration", true, loader);
            Object conf = configuration.getDeclaredConstructor().newInstance();
            configuration.getMethod("set", String.class, String.class).invoke(conf, "hive.metastore.uris", metastoreUri);
            configuration.getMethod("set", String.class, String.class).invoke(conf, "metastore.thrift.uris", metastoreUri);
            Object client = Class.forName("org.apache.hadoop.hive.metastore.HiveMetaStoreClient", true, loader)
                    .getConstructor(configuration).newInstance(conf);
            try {
                return (List<String>) client.getClass().getMethod("getAllDatabases").invoke(client);
            } finally {
                client.getClass().getMethod("close").invoke(client);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void load() {
        if (driver == null) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : RuntimeClasspath.resolve(LogSink.silent())) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            try {
                driver = (Driver) Class.forName("org.apache.hive.jdbc.HiveDriver", true, loader)
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("hive-jdbc not in the cluster runtime", e);
            }
        }
    }

    /** Runs each statement; returns the rows of the last one (columns joined by '|'). */
    static List<String> run(String url, String... sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (int i = 0; i < sql.length; i++) {
                boolean hasRows = s.execute(sql[i]);
                if (hasRows && i == sql.length - 1) {
                    try (ResultSet rs = s.getResultSet()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int col = 1; col <= columns; col++) {
                                row.append(col > 1 ? "|" : "").append(rs.getString(col));
                            }
                            rows.add(row.toString());
                        }
                    }
                }
            }
        }
        return rows;
    }
}

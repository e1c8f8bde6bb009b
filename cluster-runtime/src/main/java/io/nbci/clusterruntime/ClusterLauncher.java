package io.nbci.clusterruntime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.hive.conf.HiveConf;

/**
 * The cluster service JVM: starts the services a {@link LaunchSpec} names (HDFS and HiveServer2
 * at the same time, the Graphite sink first), writes the ready file, then serves the control
 * protocol on a loopback port until told to stop or until its parent dies.
 *
 * <p>Ready file (JSON, written atomically once): on success
 * {@code {"protocol":1,"ok":true,"pid":..,"hdfsUri":..,"webHdfsPort":..,"jdbcUrl":..,"graphitePort":..,"millis":{..}}};
 * on failure {@code {"protocol":1,"ok":false,"service":"hive","port":10000,"error":".."}} and the
 * process exits with status 3.
 *
 * <p>Control protocol: one request line {@code TOKEN COMMAND [ARGUMENT]}, one JSON answer line,
 * on a loopback TCP port. Commands: {@code PING}, {@code RESET} (drop non-default databases,
 * delete HDFS content, clear metrics), {@code METRICS glob}, {@code CLEAR_METRICS}, {@code STOP}.
 * Every answer has {@code "ok"}; failures carry {@code "error"}.
 *
 * <p>Parent death: unless detached ({@code parent.pid=0}) the launcher stops when its standard
 * input reaches end of file (the parent's end of the pipe closed, which the kernel does when the
 * parent dies, even by {@code kill -9}) or when the parent process is gone.
 */
public final class ClusterLauncher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LaunchSpec spec;
    private volatile GraphiteSink graphite;
    private volatile HdfsService hdfs;
    private volatile HiveService hive;
    private ServerSocket control;
    private final Object stopLock = new Object();
    private boolean stopping;

    private ClusterLauncher(LaunchSpec spec) {
        this.spec = spec;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ClusterLauncher <launch.properties>");
            System.exit(2);
        }
        LaunchSpec spec = LaunchSpec.read(Path.of(args[0]));
        new ClusterLauncher(spec).run();
    }

    private void run() throws Exception {
        log("starting in " + spec.workDir() + " (pid " + ProcessHandle.current().pid() + ")");
        watchParent();
        long t0 = System.currentTimeMillis();
        ObjectNode millis = JSON.createObjectNode();
        String service = "control";
        int port = spec.controlPort();
        try {
            control = new ServerSocket();
            control.bind(new InetSocketAddress(spec.bindHost().isEmpty() ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName(spec.bindHost()), spec.controlPort()));
            if (spec.graphite()) {
                service = "graphite";
                port = spec.graphitePort();
                graphite = new GraphiteSink(spec.serviceBindHost(), spec.graphitePort());
                millis.put("graphite", System.currentTimeMillis() - t0);
            }
            String hdfsUri = "hdfs://" + spec.host() + ":" + spec.hdfsPort();
            CompletableFuture<HdfsService> hdfsFuture = CompletableFuture.completedFuture(null);
            if (spec.hdfs()) {
                hdfsFuture = CompletableFuture.supplyAsync(() -> {
                    try {
                        HdfsService started = new HdfsService(spec.workDir().resolve("hdfs"), spec.host(),
                                spec.hdfsPort(), spec.hdfsHttpPort(), spec.bindHost(), new int[] {spec.datanodePort(),
                                        spec.datanodeHttpPort(), spec.datanodeIpcPort()});
                        log("HDFS ready at " + started.uri() + " in " + (System.currentTimeMillis() - t0) + " ms");
                        return started;
                    } catch (IOException e) {
                        throw new ServiceFailure("hdfs", spec.hdfsPort(), e);
                    }
                });
            }
            HiveService initialised = null;
            CompletableFuture<HiveConf> warmUp = CompletableFuture.completedFuture(null);
            if (spec.hive()) {
                // HiveServer2's initialisation needs a running HDFS; build its configuration and the metastore meanwhile
                warmUp = CompletableFuture.supplyAsync(() -> HiveService.warmUp(spec.workDir(), spec.serviceBindHost(),
                        spec.hivePort(), hdfsUri));
            }
            try {
                hdfs = hdfsFuture.join();
                if (hdfs != null) {
                    millis.put("hdfs", System.currentTimeMillis() - t0);
                }
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof ServiceFailure ? (ServiceFailure) e.getCause()
                        : new ServiceFailure("hdfs", spec.hdfsPort(), e.getCause());
            }
            if (spec.hive()) {
                HiveConf hiveConf;
                try {
                    hiveConf = warmUp.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw new ServiceFailure("hive", spec.hivePort(), e.getCause());
                }
                millis.put("hiveWarmUp", System.currentTimeMillis() - t0);
                try {
                    initialised = HiveService.init(hiveConf, spec.host(), spec.hivePort());
                    millis.put("hiveInit", System.currentTimeMillis() - t0);
                } catch (RuntimeException e) {
                    throw new ServiceFailure("hive", spec.hivePort(), e);
                }
            }
            if (initialised != null) {
                service = "hive";
                port = spec.hivePort();
                hive = initialised;
                hive.start();
                if (spec.metastorePort() > 0) {
                    hive.startMetastore(spec.metastorePort());
                }
                hive.awaitJdbc(System.currentTimeMillis() + 120_000);
                if (spec.metastorePort() > 0) {
                    service = "metastore";
                    port = spec.metastorePort();
                    hive.awaitMetastore(spec.metastorePort(), System.currentTimeMillis() + 60_000);
                }
                millis.put("hive", System.currentTimeMillis() - t0);
                log("HiveServer2 ready at " + hive.jdbcUrl() + " in " + (System.currentTimeMillis() - t0) + " ms");
            }
        } catch (ServiceFailure e) {
            fail(e.service, e.port, e.getCause());
            return;
        } catch (Exception | LinkageError e) {
            fail(service, port, e);
            return;
        }
        ObjectNode ready = JSON.createObjectNode();
        ready.put("protocol", 1);
        ready.put("ok", true);
        ready.put("pid", ProcessHandle.current().pid());
        if (hdfs != null) {
            ready.put("hdfsUri", hdfs.uri());
            ready.put("webHdfsPort", hdfs.httpPort());
        }
        if (hive != null) {
            ready.put("jdbcUrl", hive.jdbcUrl());
            if (spec.metastorePort() > 0) {
                ready.put("metastoreUri", "thrift://" + spec.host() + ":" + spec.metastorePort());
            }
        }
        if (graphite != null) {
            ready.put("graphitePort", graphite.port());
        }
        ready.set("millis", millis);
        writeReady(ready);
        log("ready in " + (System.currentTimeMillis() - t0) + " ms");
        serveControl();
    }

    private void fail(String service, int port, Throwable cause) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        System.out.println("nbci-cluster: " + service + " failed to start on port " + port + ": " + trace);
        ObjectNode failed = JSON.createObjectNode();
        failed.put("protocol", 1);
        failed.put("ok", false);
        failed.put("service", service);
        failed.put("port", port);
        failed.put("error", rootMessage(cause));
        try {
            writeReady(failed);
        } catch (IOException e) {
            System.out.println("nbci-cluster: cannot write ready file: " + e);
        }
        halt(3);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        StringBuilder message = new StringBuilder(String.valueOf(t));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            message.append(" (caused by ").append(root).append(')');
        }
        return message.toString();
    }

    private void writeReady(ObjectNode node) throws IOException {
        Path file = spec.readyFile();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, JSON.writeValueAsBytes(node));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void serveControl() {
        while (true) {
            try {
                Socket socket = control.accept();
                Thread handler = new Thread(() -> handle(socket), "control-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                synchronized (stopLock) {
                    while (stopping) {
                        // stop() ends the JVM with halt once cleanup is done; returning here
                        // would let the JVM exit before the working folder is deleted
                        try {
                            stopLock.wait();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                log("control accept failed: " + e);
            }
        }
    }

    private void handle(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.strip().split(" ", 3);
                ObjectNode answer;
                boolean stop = false;
                if (parts.length < 2 || !parts[0].equals(spec.token())) {
                    answer = error("expected 'TOKEN COMMAND [ARGUMENT]' with the token of the ready file");
                } else {
                    String argument = parts.length > 2 ? parts[2] : "";
                    try {
                        answer = command(parts[1], argument);
                        stop = parts[1].equals("STOP");
                    } catch (Exception e) {
                        answer = error(parts[1] + " failed: " + rootMessage(e));
                    }
                }
                out.write(JSON.writeValueAsBytes(answer));
                out.write('\n');
                out.flush();
                if (stop) {
                    stop("stop requested", 0);
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private java.sql.Connection hqlConnection;

    /**
     * Runs a JSON array of HQL statements on one JDBC session (the embedded HiveServer2, or the
     * external one named by {@code hive.jdbc.url}) and answers the rows of the last statement
     * that returned any. A failing statement is named in the error with Hive's message.
     */
    private synchronized ObjectNode hql(String argument, ObjectNode answer) throws Exception {
        java.util.List<String> statements = new java.util.ArrayList<>();
        JSON.readTree(argument).forEach(statement -> statements.add(statement.asText()));
        java.sql.Connection connection = hqlConnection();
        for (String statement : statements) {
            try (java.sql.Statement jdbc = connection.createStatement()) {
                if (jdbc.execute(statement)) {
                    try (java.sql.ResultSet rows = jdbc.getResultSet()) {
                        java.sql.ResultSetMetaData meta = rows.getMetaData();
                        ArrayNode columns = answer.putArray("columns");
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String label = meta.getColumnLabel(c);
                            columns.add(label.contains(".") ? label.substring(label.lastIndexOf('.') + 1) : label);
                        }
                        ArrayNode out = answer.putArray("rows");
                        while (rows.next()) {
                            ArrayNode row = out.addArray();
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                Object value = rows.getObject(c);
                                if (value == null) {
                                    row.addNull();
                                } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                                        || value instanceof Byte) {
                                    row.add(((Number) value).longValue());
                                } else if (value instanceof Number) {
                                    row.add(((Number) value).doubleValue());
                                } else if (value instanceof Boolean) {
                                    row.add((Boolean) value);
                                } else {
                                    row.add(value.toString());
                                }
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                if (hqlConnection != null && hqlConnection.isClosed()) {
                    hqlConnection = null;
                }
                return error("HQL statement failed: " + oneLine(statement) + ": " + e.getMessage());
            }
        }
        return answer;
    }

    private java.sql.Connection hqlConnection() throws java.sql.SQLException {
        if (hqlConnection != null && !hqlConnection.isClosed()) {
            return hqlConnection;
        }
        if (hive != null) {
            hqlConnection = hive.connect();
        } else if (spec.externalJdbcUrl() != null) {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", System.getProperty("user.name", "nbci"));
            hqlConnection = java.sql.DriverManager.getConnection(spec.externalJdbcUrl(), props);
        } else {
            throw new java.sql.SQLException("Hive is not running in this cluster and no hive.jdbc.url was given");
        }
        return hqlConnection;
    }

    private synchronized void closeHqlConnection() {
        if (hqlConnection != null) {
            try {
                hqlConnection.close();
            } catch (java.sql.SQLException e) {
                log("closing the HQL session: " + e.getMessage());
            }
            hqlConnection = null;
        }
    }

    private static String oneLine(String statement) {
        String line = statement.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private ObjectNode command(String command, String argument) throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", true);
        switch (command) {
            case "PING":
                answer.put("pid", ProcessHandle.current().pid());
                return answer;
            case "RESET": {
                long t0 = System.currentTimeMillis();
                closeHqlConnection();
                if (hive != null) {
                    answer.put("hiveObjectsDropped", hive.dropAll());
                }
                if (hdfs != null) {
                    answer.put("hdfsEntriesDeleted", hdfs.deleteContent());
                }
                if (graphite != null) {
                    graphite.clear();
                }
                answer.put("millis", System.currentTimeMillis() - t0);
                log("reset in " + (System.currentTimeMillis() - t0) + " ms");
                return answer;
            }
            case "METRICS": {
                if (graphite == null) {
                    return error("the Graphite sink is not running in this cluster");
                }
                ArrayNode metrics = answer.putArray("metrics");
                for (GraphiteSink.Sample sample : graphite.query(argument.isBlank() ? "**" : argument.strip())) {
                    metrics.addObject().put("name", sample.name()).put("value", sample.value())
                            .put("timestamp", sample.timestamp());
                }
                return answer;
            }
            case "HQL":
                return hql(argument, answer);
            case "CLEAR_METRICS":
                if (graphite != null) {
                    graphite.clear();
                }
                return answer;
            case "STOP":
                return answer;
            default:
                return error("unknown command '" + command + "' (expected PING, RESET, METRICS, CLEAR_METRICS, STOP)");
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", false);
        answer.put("error", message);
        return answer;
    }

    private void watchParent() {
        if (spec.parentPid() <= 0) {
            return;
        }
        Thread stdin = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException e) {
                // a broken pipe is a dead parent too
            }
            stop("parent closed the pipe (parent process ended)", 0);
        }, "parent-stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.of(spec.parentPid()).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> stop("parent process " + spec.parentPid() + " ended", 0)),
                () -> stop("parent process " + spec.parentPid() + " not found", 0));
    }

    /** Stops every service once, deletes a temporary working folder when the parent cannot, then halts. */
    private void stop(String reason, int status) {
        synchronized (stopLock) {
            if (stopping) {
                return;
            }
            stopping = true;
        }
        log("stopping: " + reason);
        // no service may keep the JVM (or a port) alive: bounded, then halt
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> {
            closeQuietly(control);
            if (hive != null) {
                closeQuietly(hive);
            }
            if (hdfs != null) {
                closeQuietly(hdfs);
            }
            if (graphite != null) {
                closeQuietly(graphite);
            }
        });
        try {
            shutdown.get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("services did not stop in 15 s, halting: " + e);
        }
        if (spec.temporary() && !reason.equals("stop requested")) {
            deleteTree(spec.workDir());
        }
        log("stopped");
        halt(status);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            System.out.println("nbci-cluster: close failed: " + e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("nbci-cluster: cannot delete " + root + ": " + e);
        }
    }

    private static void halt(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private static void log(String message) {
        System.out.println("nbci-cluster: " + message);
        System.out.flush();
    }

    /** A service that failed to start, with the port it was to use. */
    private static final class ServiceFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String service;
        final int port;

        ServiceFailure(String service, int port, Throwable cause) {
            super(service + " failed on port " + port, cause);
            this.service = service;
            this.port = port;
        }
    }
}

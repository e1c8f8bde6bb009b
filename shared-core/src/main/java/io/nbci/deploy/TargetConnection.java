package io.nbci.deploy;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;
import javax.security.auth.login.LoginException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * An open Hadoop {@link FileSystem} for one target, logged in as the target says
 * (simple auth user, or a Kerberos keytab through
 * {@link UserGroupInformation#loginUserFromKeytabAndReturnUGI}). Every call that
 * touches the filesystem goes through {@link #call}, which runs it as that user and
 * turns Hadoop's IOExceptions into {@link DeployException}s with the right exit code.
 */
public final class TargetConnection implements AutoCloseable {
    private final DeployTarget target;
    private final Configuration conf;
    private final UserGroupInformation ugi;
    private final FileSystem fs;

    /** A Hadoop action that may throw IOException. */
    @FunctionalInterface
    public interface HdfsAction<T> {
        T run() throws IOException;
    }

    private TargetConnection(DeployTarget target, Configuration conf, UserGroupInformation ugi, FileSystem fs) {
        this.target = target;
        this.conf = conf;
        this.ugi = ugi;
        this.fs = fs;
    }

    /** {@link #open(DeployTarget, LogSink)} without the configuration line. */
    public static TargetConnection open(DeployTarget target) {
        return open(target, LogSink.silent());
    }

    /**
     * Logs in, opens the filesystem and checks that it answers. First logs which Hadoop client
     * configuration is used ({@link ClientConfiguration#describe()}: folder, files, property names).
     * A bad configuration folder, keytab or login is exit code 2; unreachable is exit code 3.
     */
    public static TargetConnection open(DeployTarget target, LogSink log) {
        ClientConfiguration client = ClientConfiguration.of(target, System.getenv());
        log.info(client.describe());
        Configuration conf = client.conf();
        UserGroupInformation ugi;
        try {
            if (target.kerberos()) {
                checkKeytab(target);
                UserGroupInformation.setConfiguration(conf);
                ugi = UserGroupInformation.loginUserFromKeytabAndReturnUGI(target.principal(), target.keytab());
            } else if (target.user() != null) {
                ugi = UserGroupInformation.createRemoteUser(target.user());
            } else {
                ugi = UserGroupInformation.getCurrentUser();
            }
        } catch (IOException e) {
            throw new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + ": login failed for "
                    + target.describeAuth() + ": " + loginFailure(e), e);
        }
        FileSystem fs;
        try {
            FileSystem opened = ugi.doAs((PrivilegedExceptionAction<FileSystem>) () -> FileSystem.newInstance(
                    target.uri(), conf));
            // file:// without Hadoop's .crc side files, which a rename would leave behind
            fs = opened instanceof org.apache.hadoop.fs.LocalFileSystem
                    ? ((org.apache.hadoop.fs.LocalFileSystem) opened).getRaw() : opened;
        } catch (IOException | InterruptedException e) {
            throw failure(target, conf, "connect", e);
        }
        TargetConnection connection = new TargetConnection(target, conf, ugi, fs);
        connection.call("reach", () -> fs.getFileStatus(new org.apache.hadoop.fs.Path("/")));
        return connection;
    }

    /** A keytab that is missing, or that holds no key for the principal, said plainly before Java's login says it obscurely. */
    private static void checkKeytab(DeployTarget target) {
        Path keytab = Path.of(target.keytab());
        if (!Files.isReadable(keytab)) {
            throw new DeployException(ExitCode.BAD_INPUT, target.where() + ": target " + target.name()
                    + ": keytab " + target.keytab() + " does not exist or is not readable");
        }
        int keys;
        try {
            keys = KeyTab.getInstance(keytab.toFile()).getKeys(new KerberosPrincipal(target.principal())).length;
        } catch (RuntimeException e) {
            return; // the login says what is wrong
        }
        if (keys == 0) {
            throw new DeployException(ExitCode.BAD_INPUT, target.where() + ": target " + target.name()
                    + ": keytab " + target.keytab() + " holds no usable key for principal " + target.principal()
                    + " (it is not a keytab, holds other principals, or only encryption types Java disables, "
                    + "such as DES or RC4); 'klist -kte " + target.keytab() + "' lists what it holds");
        }
    }

    /** The login's own reason ("Client not found in Kerberos database (6)"), not the chain of wrappers around it. */
    private static String loginFailure(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LoginException && cause.getMessage() != null) {
                return firstLine(cause.getMessage());
            }
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    /** The client settings nbci uses, without any site file or target property (the benchmark's reference client). */
    public static Configuration configuration() {
        return ClientConfiguration.defaultsOnly();
    }

    public DeployTarget target() {
        return target;
    }

    public FileSystem fs() {
        return fs;
    }

    public Configuration conf() {
        return conf;
    }

    /** The Hadoop user the target writes as. */
    public String user() {
        return ugi.getShortUserName();
    }

    /** Runs {@code action} as the target's user; {@code what} names the step in errors. */
    public <T> T call(String what, HdfsAction<T> action) {
        try {
            return ugi.doAs((PrivilegedExceptionAction<T>) action::run);
        } catch (IOException | InterruptedException e) {
            throw failure(target, conf, what, e);
        }
    }

    static DeployException failure(DeployTarget target, Configuration conf, String what, Exception e) {
        if (e instanceof InterruptedException || e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)) {
            Thread.currentThread().interrupt();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
                return new DeployException(ExitCode.INFRASTRUCTURE, "target " + target.name() + ": "
                        + target.uri() + " is unreachable (" + what + "): " + cause, e);
            }
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage())
                    .contains("Kerberos principal")) {
                // the client does not know (or distrusts) the NameNode's principal: a configuration problem
                return new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + ": Kerberos: "
                        + firstLine(cause.getMessage()) + " (" + what + " " + target.uri() + "). The client needs the "
                        + "cluster's dfs.namenode.kerberos.principal: give the target hadoop-conf: <the cluster's "
                        + "client configuration folder, e.g. /etc/hadoop/conf>, set " + ClientConfiguration.HADOOP_CONF_DIR
                        + ", or set dfs.namenode.kerberos.principal in hadoop-properties", e);
            }
            if (cause instanceof AccessControlException) {
                return new DeployException(ExitCode.BAD_INPUT, "target " + target.name() + ": permission denied ("
                        + what + ") for " + target.describeAuth() + ": " + firstLine(cause.getMessage()), e);
            }
        }
        String message = firstLine(String.valueOf(e));
        return new DeployException(ExitCode.INFRASTRUCTURE, "target " + target.name() + " (" + target.uri()
                + "): " + what + " failed: " + message + noDataNodeHint(target, conf, message), e);
    }

    /**
     * DataNodes with SASL data transfer protection refuse a client that does not speak it, and the NameNode
     * then says only that no DataNode could be written to (KerberosDeployIT shows it).
     */
    private static String noDataNodeHint(DeployTarget target, Configuration conf, String message) {
        if (!message.contains("could only be written to 0 of the")) {
            return "";
        }
        if (target.kerberos() && conf.get("dfs.data.transfer.protection") == null) {
            return " (This client has no dfs.data.transfer.protection: DataNodes of a kerberized cluster that "
                    + "protect data transfer with SASL refuse it. Give the target hadoop-conf: <the cluster's client "
                    + "configuration folder>, whose hdfs-site.xml sets it, or set it in hadoop-properties. Otherwise "
                    + "the DataNodes are full, down or unreachable from this host.)";
        }
        return " (No DataNode took the data: they are full, down or unreachable from this host.)";
    }

    /** The first line of a (Hadoop or Kerberos) message, for one-line errors and log lines; null stays null. */
    static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException ignored) {
            // closing a client we are done with: nothing useful to do
        }
    }
}

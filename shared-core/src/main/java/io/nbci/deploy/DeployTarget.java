package io.nbci.deploy;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One named deploy target, as a release manager declared it in {@code nbci-deploy.yaml}:
 * where the releases live and how files are written there. Immutable; built by
 * {@link DeployTargets#parse}.
 *
 * @param name          the target's name ({@code --target NAME})
 * @param uri           filesystem URI: {@code hdfs://nn:8020}, {@code webhdfs://nn:9870}, {@code file:///} (trials, dry runs)
 * @param base          absolute base path; releases go to {@code <base>/releases/<ID>}
 * @param user          HDFS user for simple authentication, or null (the OS user)
 * @param principal     Kerberos principal, or null (then {@code keytab} is null too)
 * @param keytab        path of the keytab file for {@code principal}, or null
 * @param replication   replication of uploaded files; 0 means the filesystem's default
 * @param filePermission permission bits of files, e.g. {@code 0644}
 * @param dirPermission permission bits of directories, e.g. {@code 0755}
 * @param owner         owner set on every file and directory, or null (the writing user)
 * @param group         group set on every file and directory, or null (the parent's group)
 * @param retention     number of releases kept (the live one and the one before it are always kept)
 * @param include       globs (relative to the source folder) of files to upload; empty means all
 * @param exclude       globs of files never uploaded
 * @param parallel      upload streams in parallel
 * @param verify        how uploaded files are verified
 * @param layout        how releases are stored (full copies, HDFS snapshots, or auto: snapshots where possible)
 * @param hadoopConf    absolute path of the cluster's client configuration folder (core-site.xml, hdfs-site.xml),
 *                      or null ({@code $HADOOP_CONF_DIR} when set); see {@link ClientConfiguration}
 * @param hadoopProperties Hadoop client properties applied over the folder's, in the order declared; never logged
 * @param where         {@code file:line} of the declaration, for messages
 */
public record DeployTarget(String name, URI uri, String base, String user, String principal, String keytab,
        short replication, short filePermission, short dirPermission, String owner, String group, int retention,
        List<String> include, List<String> exclude, int parallel, Verify verify, Layout layout, String hadoopConf,
        Map<String, String> hadoopProperties, String where) {

    /** How releases are stored. */
    public enum Layout {
        /**
         * The default: {@link #SNAPSHOTS} on HDFS when the target's working folder is snapshottable or the
         * deploy user may make it so, unless the target already holds releases in the copies layout;
         * {@link #COPIES} otherwise. Decided by the target's first deploy and kept from then on.
         */
        AUTO,
        /** {@code <base>/releases/<ID>}: a full folder per release; unchanged files are copied inside the cluster. */
        COPIES,
        /**
         * {@code <base>/work/.snapshot/<ID>}: one working folder updated in place by the changed files only,
         * each release an HDFS snapshot of it (O(1), shares unchanged blocks). Needs a snapshottable folder.
         */
        SNAPSHOTS
    }

    /** How each uploaded file is checked against the local bytes. */
    public enum Verify {
        /** HDFS composite CRC32C when the filesystem offers it (hdfs://), else read-back. */
        AUTO,
        /** Read every uploaded file back and compare its SHA-256 with the local file's. */
        READ_BACK
    }

    public DeployTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(base, "base");
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(layout, "layout");
        hadoopProperties = Collections.unmodifiableMap(new LinkedHashMap<>(hadoopProperties));
    }

    /** True when the target logs in with a Kerberos keytab. */
    public boolean kerberos() {
        return principal != null;
    }

    /** The base folder as a URI, e.g. {@code hdfs://nn:8020/apps/job}, for messages. */
    public String location() {
        String text = uri.toString();
        return text.substring(0, text.length() - 1) + base;
    }

    /** The record's fields with {@code hadoopProperties} as names only: their values may be secrets. */
    @Override
    public String toString() {
        return "DeployTarget[name=" + name + ", uri=" + uri + ", base=" + base + ", auth=" + describeAuth()
                + ", hadoopConf=" + hadoopConf + ", hadoopProperties=" + hadoopProperties.keySet() + ", where=" + where
                + "]";
    }

    /** How the target authenticates, safe to print: never the keytab's content. */
    public String describeAuth() {
        if (kerberos()) {
            return "kerberos principal " + principal + " (keytab " + keytab + ")";
        }
        return user == null ? "simple auth as the OS user" : "simple auth as " + user;
    }
}

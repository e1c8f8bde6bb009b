package io.nbci.deploy;

import io.nbci.config.ConfigNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The deploy target file ({@code nbci-deploy.yaml}): named targets owned by release
 * managers. Every bad key or value is a {@link io.nbci.config.ConfigException} naming
 * file, line and key.
 *
 * <pre>{@code
 * DeployTargets targets = DeployTargets.parse(Path.of("nbci-deploy.yaml"));
 * DeployTarget prod = targets.get("prod");
 * }</pre>
 */
public final class DeployTargets {
    /** The file looked for in the working directory when {@code --targets} is not given. */
    public static final String DEFAULT_FILE = "nbci-deploy.yaml";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.@$-]*");

    private final String file;
    private final Map<String, DeployTarget> targets;

    private DeployTargets(String file, Map<String, DeployTarget> targets) {
        this.file = file;
        this.targets = targets;
    }

    public static DeployTargets parse(Path file) {
        return of(ConfigNode.parse(file));
    }

    public static DeployTargets parse(String yaml, String fileName) {
        return of(ConfigNode.parse(yaml, fileName));
    }

    private static DeployTargets of(ConfigNode root) {
        if (!root.isMap()) {
            throw root.error("expected a mapping with key 'targets'");
        }
        root.allowOnlyKeys("targets");
        ConfigNode list = root.required("targets");
        if (!list.isMap() || list.fields().isEmpty()) {
            throw list.error("expected a mapping of target names to targets, e.g. prod: {uri: ..., base: ...}");
        }
        Map<String, DeployTarget> targets = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : list.fields().entrySet()) {
            targets.put(entry.getKey(), target(entry.getKey(), entry.getValue()));
        }
        return new DeployTargets(root.file(), Map.copyOf(targets));
    }

    private static DeployTarget target(String name, ConfigNode node) {
        if (!NAME.matcher(name).matches()) {
            throw node.error("target name must be letters, digits, '.', '_' or '-'");
        }
        if (!node.isMap()) {
            throw node.error("expected a mapping with uri, base, ...");
        }
        node.allowOnlyKeys("uri", "base", "user", "kerberos", "replication", "permission", "dir-permission",
                "owner", "group", "retention", "include", "exclude", "parallel", "verify", "layout", "hadoop-conf",
                "hadoop-properties");
        URI uri = uri(node.required("uri"));
        String base = basePath(node.required("base"));
        String user = user(node.get("user"));
        String principal = null;
        String keytab = null;
        ConfigNode kerberos = node.get("kerberos");
        if (!kerberos.isAbsent()) {
            if (!kerberos.isMap()) {
                throw kerberos.error("expected a mapping with principal and keytab");
            }
            kerberos.allowOnlyKeys("principal", "keytab");
            principal = kerberos.required("principal").asString().strip();
            if (!principal.matches("[^\\s@]+@[^\\s@]+")) {
                throw kerberos.get("principal").error("expected a principal like deploy/host@REALM, found \""
                        + principal + "\"");
            }
            keytab = absolutePath(kerberos.required("keytab"), "keytab path");
            if (user != null) {
                throw node.get("user").error("give either user (simple auth) or kerberos, not both");
            }
        }
        ConfigNode replicationNode = node.get("replication");
        int replication = replicationNode.asInt(0);
        if (replication < 0 || replication > 512) {
            throw replicationNode.error("expected a replication between 1 and 512, found " + replication);
        }
        short filePermission = permission(node.get("permission"), (short) 0644);
        short dirPermission = permission(node.get("dir-permission"), (short) 0755);
        String owner = user(node.get("owner"));
        String group = user(node.get("group"));
        ConfigNode retentionNode = node.get("retention");
        int retention = retentionNode.asInt(5);
        if (retention < 2) {
            throw retentionNode.error("expected a whole number >= 2 (the live release and the one before it are "
                    + "always kept), found " + retention);
        }
        List<String> include = globs(node.get("include"));
        List<String> exclude = globs(node.get("exclude"));
        ConfigNode parallelNode = node.get("parallel");
        int parallel = parallelNode.asInt(8);
        if (parallel < 1 || parallel > 64) {
            throw parallelNode.error("expected a number of streams between 1 and 64, found " + parallel);
        }
        ConfigNode verifyNode = node.get("verify");
        DeployTarget.Verify verify = verifyNode.isAbsent() ? DeployTarget.Verify.AUTO
                : "read-back".equals(verifyNode.asChoice("auto", "read-back")) ? DeployTarget.Verify.READ_BACK
                : DeployTarget.Verify.AUTO;
        ConfigNode layoutNode = node.get("layout");
        DeployTarget.Layout layout = layoutNode.isAbsent() ? DeployTarget.Layout.AUTO
                : DeployTarget.Layout.valueOf(layoutNode.asChoice("auto", "copies", "snapshots")
                        .toUpperCase(java.util.Locale.ROOT));
        if (layout == DeployTarget.Layout.SNAPSHOTS && !uri.getScheme().equals("hdfs")
                && !uri.getScheme().endsWith("webhdfs")) {
            throw layoutNode.error("snapshots need HDFS (hdfs://, webhdfs:// or swebhdfs://), found " + uri);
        }
        ConfigNode hadoopConfNode = node.get("hadoop-conf");
        String hadoopConf = hadoopConfNode.isAbsent() ? null
                : absolutePath(hadoopConfNode,
                        "path of the cluster's client configuration folder (e.g. /etc/hadoop/conf)");
        Map<String, String> hadoopProperties = hadoopProperties(node.get("hadoop-properties"));
        return new DeployTarget(name, uri, base, user, principal, keytab, (short) replication, filePermission,
                dirPermission, owner, group, retention, include, exclude, parallel, verify, layout, hadoopConf,
                hadoopProperties, node.file() + ":" + node.line());
    }

    private static String absolutePath(ConfigNode node, String what) {
        String text = node.asString().strip();
        if (!Path.of(text).isAbsolute()) {
            throw node.error("expected an absolute " + what + ", found \"" + text + "\"");
        }
        return text;
    }

    /** {@code hadoop-properties}: Hadoop property names to scalar values. The values are never put in a message. */
    private static Map<String, String> hadoopProperties(ConfigNode node) {
        if (node.isAbsent()) {
            return Map.of();
        }
        if (!node.isMap()) {
            throw node.error("expected a mapping of Hadoop property names to values, e.g. "
                    + "dfs.client.socket-timeout: 120s");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : node.fields().entrySet()) {
            String key = entry.getKey();
            ConfigNode value = entry.getValue();
            if (key.isBlank() || !key.strip().equals(key) || key.chars().anyMatch(Character::isWhitespace)) {
                throw value.error("expected a Hadoop property name without spaces, found \"" + key + "\"");
            }
            String reason = ClientConfiguration.FIXED.get(key);
            if (reason != null) {
                throw value.error("nbci sets this property itself: " + reason);
            }
            if (!value.isScalar()) {
                // the node's own message would quote a scalar; say what is wrong without any value
                throw value.error("expected a single value (text, number or true/false), found "
                        + (value.isAbsent() ? "nothing" : value.isMap() ? "a mapping" : "a list"));
            }
            properties.put(key, value.asString());
        }
        return properties;
    }

    private static URI uri(ConfigNode node) {
        String text = node.asString().strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("not a URI: \"" + text + "\"");
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw node.error("expected hdfs://host:port, webhdfs://host:port or file:///, found \"" + text + "\"");
        }
        switch (scheme) {
            case "hdfs":
            case "webhdfs":
            case "swebhdfs":
                if (uri.getHost() == null) {
                    throw node.error("expected a host in \"" + text + "\", e.g. hdfs://namenode:8020");
                }
                break;
            case "file":
                break;
            default:
                if (uri.getAuthority() == null) {
                    throw node.error("unsupported filesystem \"" + scheme + "\" in \"" + text
                            + "\"; expected hdfs://host:port, webhdfs://host:port, swebhdfs://host:port or file:/// "
                            + "(or another Hadoop scheme with a host)");
                }
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw node.error("put the path in 'base', not in the uri: \"" + text + "\"");
        }
        return URI.create(scheme + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + "/");
    }

    private static String basePath(ConfigNode node) {
        String text = node.asString().strip();
        if (!text.startsWith("/")) {
            throw node.error("expected an absolute path such as /apps/myjob, found \"" + text + "\"");
        }
        String trimmed = text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        if (trimmed.equals("/")) {
            throw node.error("refusing / as base path: give a folder such as /apps/myjob");
        }
        for (String segment : trimmed.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains(":")) {
                throw node.error("expected a normalized absolute path without '.', '..', ':' or '//', found \""
                        + text + "\"");
            }
        }
        return trimmed;
    }

    private static String user(ConfigNode node) {
        if (node.isAbsent()) {
            return null;
        }
        String text = node.asString().strip();
        if (!USER.matcher(text).matches()) {
            throw node.error("expected a user or group name, found \"" + text + "\"");
        }
        return text;
    }

    private static short permission(ConfigNode node, short defaultValue) {
        if (node.isAbsent()) {
            return defaultValue;
        }
        String text = node.asString().strip();
        if (!text.matches("0?[0-7]{3}")) {
            throw node.error("expected octal permission bits such as \"644\" or \"0755\", found \"" + text + "\"");
        }
        return (short) Integer.parseInt(text, 8);
    }

    private static List<String> globs(ConfigNode node) {
        List<String> globs = node.asStringList();
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            if (glob.isBlank() || glob.startsWith("/") || List.of(glob.split("/")).contains("..")) {
                ConfigNode at = node.isList() ? node.items().get(i) : node;
                throw at.error("expected a glob relative to the source folder (no leading '/', no '..'), found \""
                        + glob + "\"");
            }
        }
        return globs;
    }

    /** The target called {@code name}; an error listing the known names otherwise. */
    public DeployTarget get(String name) {
        DeployTarget target = targets.get(name);
        if (target == null) {
            throw new DeployException(io.nbci.common.ExitCode.BAD_INPUT, file + ": no target named \"" + name
                    + "\"; targets: " + String.join(", ", new java.util.TreeSet<>(targets.keySet())));
        }
        return target;
    }

    public Map<String, DeployTarget> all() {
        return targets;
    }

    public String file() {
        return file;
    }
}

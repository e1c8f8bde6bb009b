package io.nbci.launch;

import java.util.List;

/**
 * A named HDFS deploy target as a release manager declares it in a plugin's global
 * configuration, rendered into the {@code nbci-deploy.yaml} layout the {@code nbci deploy}
 * command reads ({@code uri}, {@code base}, {@code user} or {@code kerberos: {principal, keytab}},
 * {@code retention}, {@code permission}, {@code hadoop-conf}; see docs/examples/nbci-deploy.yaml). The keytab is a path on the agent where the host copied the file
 * credential; its content never passes through here.
 *
 * @param name       the name steps refer to
 * @param uri        filesystem URI ({@code hdfs://nn:8020}, {@code webhdfs://nn:9870}, {@code file:///})
 * @param basePath   absolute folder holding {@code releases/} and the live pointer
 * @param user       HDFS user for simple authentication, or null
 * @param principal  Kerberos principal, or null
 * @param keytab     path of the keytab file on the agent (with a principal), or null
 * @param retention  releases kept, or null for the command's default
 * @param permission octal permission bits of uploaded files, or null
 * @param hadoopConf the cluster's client configuration folder on the agent ({@code hadoop-conf}), or null
 *                   for the agent's {@code HADOOP_CONF_DIR}
 */
public record DeployTarget(String name, String uri, String basePath, String user, String principal, String keytab,
        Integer retention, String permission, String hadoopConf) {

    public static Builder builder() {
        return new Builder();
    }

    /** True when the target logs in with Kerberos. */
    public boolean kerberos() {
        return principal != null;
    }

    /** This target with the keytab at {@code path} (the host copies the credential there on the agent). */
    public DeployTarget withKeytab(String path) {
        return new DeployTarget(name, uri, basePath, user, principal, path, retention, permission, hadoopConf);
    }

    /** The YAML text of a targets file holding {@code targets}. */
    public static String toYaml(List<DeployTarget> targets) {
        StringBuilder yaml = new StringBuilder("# written by the nbci CI plugin from its global configuration\n");
        yaml.append("targets:\n");
        for (DeployTarget target : targets) {
            yaml.append("  ").append(quote(target.name)).append(":\n");
            entry(yaml, "uri", target.uri);
            entry(yaml, "base", target.basePath);
            entry(yaml, "user", target.user);
            if (target.principal != null) {
                yaml.append("    kerberos:\n");
                yaml.append("      principal: ").append(quote(target.principal)).append('\n');
                if (target.keytab != null) {
                    yaml.append("      keytab: ").append(quote(target.keytab)).append('\n');
                }
            }
            if (target.retention != null) {
                yaml.append("    retention: ").append(target.retention).append('\n');
            }
            entry(yaml, "permission", target.permission);
            entry(yaml, "hadoop-conf", target.hadoopConf);
        }
        return yaml.toString();
    }

    private static void entry(StringBuilder yaml, String key, String value) {
        if (value != null) {
            yaml.append("    ").append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    /** A YAML double-quoted scalar (JSON string escaping is valid YAML). */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"': quoted.append("\\\""); break;
                case '\\': quoted.append("\\\\"); break;
                case '\n': quoted.append("\\n"); break;
                case '\r': quoted.append("\\r"); break;
                case '\t': quoted.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private String name;
        private String uri;
        private String basePath;
        private String user;
        private String principal;
        private String keytab;
        private boolean keytabExpected;
        private String retention;
        private String permission;
        private String hadoopConf;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        public Builder basePath(String value) {
            this.basePath = value;
            return this;
        }

        public Builder user(String value) {
            this.user = value;
            return this;
        }

        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /** The keytab's path on the agent, once the host has copied it there. */
        public Builder keytab(String value) {
            this.keytab = value;
            return this;
        }

        /**
         * Says a keytab credential is configured, though not yet copied to an agent (global
         * configuration time): a principal is then acceptable without a keytab path.
         */
        public Builder keytabConfigured(boolean value) {
            this.keytabExpected = value;
            return this;
        }

        public Builder retention(String value) {
            this.retention = value;
            return this;
        }

        public Builder permission(String value) {
            this.permission = value;
            return this;
        }

        /** The cluster's client configuration folder on the agents (core-site.xml, hdfs-site.xml). */
        public Builder hadoopConf(String value) {
            this.hadoopConf = value;
            return this;
        }

        public DeployTarget build() {
            Validation.targetName(name).orThrow("name");
            Validation.required(uri, "the filesystem URI, e.g. hdfs://namenode:8020").orThrow("uri");
            Validation.deployUri(uri).orThrow("uri");
            Validation.required(basePath, "the absolute base path, e.g. /apps/jobs/imagescore").orThrow("basePath");
            Validation.absolutePath(basePath).orThrow("basePath");
            Validation.user(user).orThrow("user");
            Validation.principal(principal).orThrow("principal");
            if (Fields.trim(user) != null && Fields.trim(principal) != null) {
                throw new LaunchConfigException("principal",
                        "give either a user (simple authentication) or a Kerberos principal, not both");
            }
            if (Fields.trim(principal) != null && Fields.trim(keytab) == null && !keytabExpected) {
                throw new LaunchConfigException("keytab", "a Kerberos principal needs a keytab file credential");
            }
            if (Fields.trim(principal) == null && (Fields.trim(keytab) != null || keytabExpected)) {
                throw new LaunchConfigException("principal", "a keytab was given without the principal it is for");
            }
            Validation.permission(permission).orThrow("permission");
            if (Fields.trim(hadoopConf) != null) {
                Validation.absolutePath(hadoopConf).orThrow("hadoopConf");
            }
            return new DeployTarget(name.strip(), uri.strip(), stripSlash(basePath.strip()), Fields.trim(user),
                    Fields.trim(principal), Fields.trim(keytab),
                    Fields.number("retention", retention, Validation.retention(retention)),
                    Fields.trim(permission), Fields.trim(hadoopConf));
        }

        private static String stripSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}

package io.nbci.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Deploy to a named HDFS target" as a plugin step configures it, ready to become an
 * {@code nbci deploy --target NAME --source DIR [--version ID] [--dry-run] [--targets FILE]}
 * invocation. When the host owns the target definitions (global configuration), it passes
 * them here with the agent path of the targets file; the invocation then asks the host
 * to write that file first.
 *
 * @param target      the target's name
 * @param source      workspace folder to upload
 * @param version     release id, or null for the git commit
 * @param dryRun      print what would change, touch nothing
 * @param targetsFile the targets file on the agent, or null for the command's default
 * @param targets     the named target's definition to write into {@code targetsFile} (only that one), or
 *                    empty when the file is the team's own
 * @param resultsFile {@code --results} file
 */
public record DeployConfig(String target, String source, String version, boolean dryRun, String targetsFile,
        List<DeployTarget> targets, String resultsFile) {

    public static final String DEFAULT_RESULTS = "nbci-output/deploy-results.json";

    public DeployConfig {
        targets = List.copyOf(targets);
    }

    public static Builder builder() {
        return new Builder();
    }

    public NbciInvocation toInvocation() {
        List<String> args = new ArrayList<>();
        args.add("deploy");
        args.add("--target");
        args.add(target);
        args.add("--source");
        args.add(source);
        Fields.option(args, "--version", version);
        if (dryRun) {
            args.add("--dry-run");
        }
        Fields.option(args, "--targets", targetsFile);
        args.add("--results");
        args.add(resultsFile);
        List<GeneratedFile> files = targets.isEmpty() ? List.of()
                : List.of(new GeneratedFile(targetsFile, DeployTarget.toYaml(targets)));
        return new NbciInvocation("deploy", args, Map.of(), Map.of(), files,
                List.of(new Collect(Collect.Kind.RESULTS, resultsFile)), OutcomePolicy.FAIL);
    }

    /**
     * The connection check a plugin's "Test connection" button runs: {@code nbci releases
     * --target NAME --targets FILE} lists the target's releases, which needs a working login,
     * a reachable namenode and a readable base path, and changes nothing. The plugin runs it
     * as a child process, so Hadoop never loads in the CI server itself.
     */
    public static NbciInvocation connectionCheck(DeployTarget target, String targetsFile) {
        Validation.required(targetsFile, "where the targets file is written").orThrow("targetsFile");
        if (target.kerberos() && target.keytab() == null) {
            throw new LaunchConfigException("keytab", "target " + target.name()
                    + " uses Kerberos: copy its keytab first and pass the target with the keytab path");
        }
        return new NbciInvocation("releases", List.of("releases", "--target", target.name(), "--targets", targetsFile),
                Map.of(), Map.of(), List.of(new GeneratedFile(targetsFile, DeployTarget.toYaml(List.of(target)))),
                List.of(), OutcomePolicy.FAIL);
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private String target;
        private String source;
        private String version;
        private boolean dryRun;
        private String targetsFile;
        private final List<DeployTarget> targets = new ArrayList<>();
        private String resultsFile;

        private Builder() {
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** The targets file: a workspace path of the team's own, or where the host writes {@link #targets}. */
        public Builder targetsFile(String value) {
            this.targetsFile = value;
            return this;
        }

        /** Definitions from the host's global configuration; the named target must be among them. */
        public Builder targets(List<DeployTarget> value) {
            targets.clear();
            targets.addAll(value);
            return this;
        }

        public Builder resultsFile(String value) {
            this.resultsFile = value;
            return this;
        }

        public DeployConfig build() {
            Validation.targetName(target).orThrow("target");
            Validation.workspacePath(source).orThrow("source");
            Validation.releaseVersion(version).orThrow("version");
            if (!targets.isEmpty()) {
                Validation.required(targetsFile, "where the targets file is written on the agent")
                        .orThrow("targetsFile");
                if (targets.stream().noneMatch(t -> t.name().equals(target.strip()))) {
                    throw new LaunchConfigException("target", "no deploy target named \"" + target.strip()
                            + "\"; configured targets: " + targets.stream().map(DeployTarget::name).toList());
                }
                DeployTarget chosen = targets.stream().filter(t -> t.name().equals(target.strip())).findFirst()
                        .orElseThrow();
                if (chosen.kerberos() && chosen.keytab() == null) {
                    throw new LaunchConfigException("targets", "target " + chosen.name()
                            + " uses Kerberos but its keytab was not copied to the agent");
                }
                targets.retainAll(List.of(chosen));
            } else {
                Validation.workspacePath(targetsFile).orThrow("targetsFile");
            }
            Validation.workspacePath(resultsFile).orThrow("resultsFile");
            return new DeployConfig(target.strip(), Fields.orDefault(source, "."), Fields.trim(version), dryRun,
                    Fields.trim(targetsFile), targets, Fields.orDefault(resultsFile, DEFAULT_RESULTS));
        }
    }
}

package io.nbci.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Run integration scenarios" as a plugin step configures it, ready to become an
 * {@code nbci test} invocation: scenario files on the embedded local Hive/HDFS, or on an
 * existing cluster ({@code --backend external}).
 *
 * @param paths             scenario files, folders or globs; empty means the project's default
 * @param backend           {@code embedded} or {@code external}
 * @param hiveJdbcUrl       external backend: HiveServer2 JDBC URL
 * @param hdfsUri           external backend: filesystem URI
 * @param scratchPrefix     external backend: prefix for the scratch database and HDFS path
 * @param outputDir         evidence of failing scenarios (job output, executed notebooks)
 * @param junitFile         {@code --junit} file
 * @param resultsFile       {@code --results} file
 * @param unstableOnFailure a failing scenario marks the build unstable rather than failed
 */
public record ScenarioTestConfig(List<String> paths, String backend, String hiveJdbcUrl, String hdfsUri,
        String scratchPrefix, String outputDir, String junitFile, String resultsFile, boolean unstableOnFailure) {

    public static final String DEFAULT_OUTPUT_DIR = "nbci-output/scenarios";
    public static final String DEFAULT_JUNIT = "nbci-output/scenarios-junit.xml";
    public static final String DEFAULT_RESULTS = "nbci-output/scenarios-results.json";
    public static final List<String> BACKENDS = List.of("embedded", "external");

    public ScenarioTestConfig {
        paths = List.copyOf(paths);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when {@code backend}, as a form holds it (blank: embedded), is an existing cluster's. */
    public static boolean isExternal(String backend) {
        return "external".equals(Fields.trim(backend));
    }

    public NbciInvocation toInvocation() {
        List<String> args = new ArrayList<>();
        args.add("test");
        args.addAll(paths);
        args.add("--backend");
        args.add(backend);
        Fields.option(args, "--hive-jdbc-url", hiveJdbcUrl);
        Fields.option(args, "--hdfs-uri", hdfsUri);
        Fields.option(args, "--scratch-prefix", scratchPrefix);
        args.add("--output-dir");
        args.add(outputDir);
        args.add("--junit");
        args.add(junitFile);
        args.add("--results");
        args.add(resultsFile);
        List<Collect> collect = List.of(new Collect(Collect.Kind.JUNIT, junitFile),
                new Collect(Collect.Kind.RESULTS, resultsFile),
                new Collect(Collect.Kind.NOTEBOOK, Fields.join(outputDir, "**/*.ipynb")),
                new Collect(Collect.Kind.REPORT, Fields.join(outputDir, "**/*.log")));
        return new NbciInvocation("test", args, Map.of(), Map.of(), List.of(), collect,
                new OutcomePolicy(unstableOnFailure));
    }

    /** Collects raw form values; {@link #build()} validates them and names the first bad field. */
    public static final class Builder {
        private final List<String> paths = new ArrayList<>();
        private String backend;
        private String hiveJdbcUrl;
        private String hdfsUri;
        private String scratchPrefix;
        private String outputDir;
        private String junitFile;
        private String resultsFile;
        private boolean unstableOnFailure;

        private Builder() {
        }

        /** Scenario paths or globs, separated by commas or new lines. */
        public Builder paths(String list) {
            paths.addAll(Fields.list(list));
            return this;
        }

        public Builder backend(String value) {
            this.backend = value;
            return this;
        }

        public Builder hiveJdbcUrl(String value) {
            this.hiveJdbcUrl = value;
            return this;
        }

        public Builder hdfsUri(String value) {
            this.hdfsUri = value;
            return this;
        }

        public Builder scratchPrefix(String value) {
            this.scratchPrefix = value;
            return this;
        }

        public Builder outputDir(String value) {
            this.outputDir = value;
            return this;
        }

        public Builder junitFile(String value) {
            this.junitFile = value;
            return this;
        }

        public Builder resultsFile(String value) {
            this.resultsFile = value;
            return this;
        }

        public Builder unstableOnFailure(boolean value) {
            this.unstableOnFailure = value;
            return this;
        }

        public ScenarioTestConfig build() {
            for (String path : paths) {
                Validation.glob(path).orThrow("paths");
            }
            String chosen = Fields.orDefault(backend, "embedded");
            if (!BACKENDS.contains(chosen)) {
                throw new LaunchConfigException("backend", "expected embedded or external, found \"" + backend + "\"");
            }
            if (isExternal(chosen)) {
                Validation.hiveJdbcUrl(hiveJdbcUrl).orThrow("hiveJdbcUrl");
                Validation.required(hdfsUri, "the filesystem URI of the existing cluster").orThrow("hdfsUri");
                Validation.uri(hdfsUri, Validation.FILESYSTEM_SCHEMES).orThrow("hdfsUri");
                Validation.required(scratchPrefix, "a prefix for the scratch database and HDFS path, e.g. ci_scratch")
                        .orThrow("scratchPrefix");
                Validation.targetName(scratchPrefix).orThrow("scratchPrefix");
            } else if (Fields.trim(hiveJdbcUrl) != null || Fields.trim(hdfsUri) != null
                    || Fields.trim(scratchPrefix) != null) {
                throw new LaunchConfigException("backend",
                        "the JDBC URL, HDFS URI and scratch prefix are for the external backend; choose external "
                                + "or clear them");
            }
            Validation.workspacePath(outputDir).orThrow("outputDir");
            Validation.workspacePath(junitFile).orThrow("junitFile");
            Validation.workspacePath(resultsFile).orThrow("resultsFile");
            return new ScenarioTestConfig(paths, chosen, Fields.trim(hiveJdbcUrl), Fields.trim(hdfsUri),
                    Fields.trim(scratchPrefix), Fields.orDefault(outputDir, DEFAULT_OUTPUT_DIR),
                    Fields.orDefault(junitFile, DEFAULT_JUNIT), Fields.orDefault(resultsFile, DEFAULT_RESULTS),
                    unstableOnFailure);
        }
    }
}

package io.nbci.scenario;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a {@link Scenario} in Java, the same records {@link ScenarioFiles} reads from YAML, so a
 * scenario written in a JUnit test runs through the same {@link ScenarioRunner} as a scenario file.
 * Every element remembers the source line that declared it (its {@code origin}); {@link Then#build()}
 * checks the same rules as the YAML reader and names the bad element and field.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioBuilder.scenario("reports a missing score")
 *     .given()
 *         .hiveTable("dwh.offers").columns("offer_id BIGINT", "category STRING")
 *             .partitionedBy("dt STRING").partition("dt", "2016-10-10")
 *             .rows(row(100, "Moda"))
 *         .hdfsFile("/data/scores/part-0.jsonl", "")
 *     .whenRunning(notebook(Path.of("verifier.ipynb")).parameter("run_date", "2016-10-10"))
 *     .then()
 *         .exitCode(0)
 *         .metric("stats.offer.*.missing").value(1)
 *         .hiveQuery("SELECT offer_id FROM reports.missing").returns(row(100))
 *         .hdfsPath("/data/reports/missing-2016-10-10").lines(1)
 *         .logAbsent("Corrupted record")
 *     .build();
 * }</pre>
 */
public final class ScenarioBuilder {
    private static final String[] FORMATS = {"textfile", "orc", "parquet", "avro"};

    private final String name;
    private final List<Supplier<Fixture>> fixtures = new ArrayList<>();
    private final List<Supplier<Expectation>> expectations = new ArrayList<>();
    private Job job;
    private String jobOrigin;
    private String thenOrigin;

    private ScenarioBuilder(String name) {
        this.name = name;
    }

    /** Starts a scenario; the name is the JUnit test case name and must be unique within a suite. */
    public static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }

    /** One row of values: text, numbers, booleans or null (ints become longs, floats doubles, as in YAML). */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values.clone());
    }

    /** A notebook run (.ipynb or paired py:percent .py). */
    public static Job notebook(Path notebook) {
        return new Job(RunSpec.Kind.NOTEBOOK, notebook, List.of());
    }

    /** A Python script run with {@code /usr/bin/python3} (change with {@link Job#python(String)}). */
    public static Job script(Path script, String... args) {
        return new Job(RunSpec.Kind.SCRIPT, script, List.of(args));
    }

    /** Any command, argv as given (spark-submit, pytest, ...). */
    public static Job command(String... argv) {
        return new Job(RunSpec.Kind.COMMAND, null, List.of(argv));
    }

    /** The fixtures section. */
    public Given given() {
        return new Given();
    }

    /** Skips the fixtures: the job runs on an empty cluster. */
    public When whenRunning(Job run) {
        return new Given().whenRunning(run);
    }

    private Scenario buildScenario() {
        if (name == null || name.isBlank()) {
            throw problem("ScenarioBuilder", "scenario name", "must not be empty");
        }
        if (job == null) {
            throw problem(thenOrigin, "whenRunning", "the scenario has no job; call whenRunning(notebook(..))");
        }
        List<Fixture> builtFixtures = new ArrayList<>();
        fixtures.forEach(f -> builtFixtures.add(f.get()));
        RunSpec run = job.toRunSpec(jobOrigin);
        List<Expectation> builtExpectations = new ArrayList<>();
        expectations.forEach(e -> builtExpectations.add(e.get()));
        if (builtExpectations.stream().noneMatch(e -> e instanceof Expectation.ExitCodeIs)) {
            builtExpectations.add(0, new Expectation.ExitCodeIs(thenOrigin, 0));
        }
        return new Scenario(name, null, builtFixtures, run, builtExpectations);
    }

    static ScenarioException problem(String origin, String field, String message) {
        return new ScenarioException(ExitCode.BAD_INPUT, origin + ": " + field + ": " + message);
    }

    /** The first caller outside this class, as File.java:line, e.g. {@code MissingScoreIT.java:42}. */
    static String callerOrigin() {
        String self = ScenarioBuilder.class.getName();
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(self) && !f.getClassName().startsWith(self + "$"))
                .findFirst()
                .map(f -> (f.getFileName() == null ? f.getClassName() : f.getFileName()) + ":" + f.getLineNumber())
                .orElse("ScenarioBuilder"));
    }

    /** A plain value as the YAML reader produces it (Long, Double, String, Boolean or null). */
    static Object plain(Object value, String origin, String field) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof java.time.LocalDate) {
            return value.toString();
        }
        throw problem(origin, field, "expected a plain value (text, number, true/false or null), found "
                + value.getClass().getName() + " " + value);
    }

    private static Object plainTree(Object value, String origin, String field) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plainTree(v, origin, field)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(plainTree(v, origin, field)));
            return copy;
        }
        return plain(value, origin, field);
    }

    private static List<List<Object>> plainRows(List<List<Object>> rows, int width, String origin, String field) {
        List<List<Object>> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            String rowField = field + " row " + (i + 1);
            if (row == null) {
                throw problem(origin, rowField, "expected a row, found null");
            }
            if (width > 0 && row.size() != width) {
                throw problem(origin, rowField, ScenarioFiles.rowWidthProblem(row.size(), width));
            }
            List<Object> values = new ArrayList<>();
            for (Object value : row) {
                values.add(plain(value, origin, rowField));
            }
            result.add(values);
        }
        return result;
    }

    private static String hdfs(String path, String origin, String field) {
        String problem = ScenarioFiles.hdfsPathProblem(path);
        if (problem != null) {
            throw problem(origin, field, problem);
        }
        return ScenarioFiles.normalHdfsPath(path);
    }

    private static String readText(Path file, String origin, String field) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw problem(origin, field, "cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** The fixtures: what is on the cluster before the job runs, applied in the order given. */
    public class Given {
        Given() {
        }

        /** A Hive table {@code database.table}; describe it with the methods of the returned step. */
        public HiveTableStep hiveTable(String qualifiedName) {
            HiveTableStep step = new HiveTableStep(qualifiedName, callerOrigin());
            fixtures.add(step::toFixture);
            return step;
        }

        /** HQL statements separated by semicolons (e.g. CREATE DATABASE, CREATE VIEW). */
        public Given hql(String script) {
            String origin = callerOrigin();
            fixtures.add(() -> {
                if (script == null || script.isBlank()) {
                    throw problem(origin, "hql", "the script is empty");
                }
                return new Fixture.Hql(origin, HqlScripts.split(script));
            });
            return this;
        }

        /** HQL statements from a script file. */
        public Given hqlFile(Path script) {
            String origin = callerOrigin();
            fixtures.add(() -> new Fixture.Hql(origin, HqlScripts.split(readText(script, origin, "hqlFile"))));
            return this;
        }

        /** An HDFS file with this text. */
        public Given hdfsFile(String path, String content) {
            String origin = callerOrigin();
            fixtures.add(() -> new Fixture.HdfsPath(origin, hdfs(path, origin, "hdfsFile"),
                    content == null ? "" : content, null));
            return this;
        }

        /** An HDFS file or folder copied from a local file or folder. */
        public Given hdfsCopy(String path, Path local) {
            String origin = callerOrigin();
            fixtures.add(() -> {
                String target = hdfs(path, origin, "hdfsCopy");
                Path from = local.toAbsolutePath().normalize();
                if (!Files.exists(from)) {
                    throw problem(origin, "hdfsCopy", "no such file or folder: " + from);
                }
                return new Fixture.HdfsPath(origin, target, null, from);
            });
            return this;
        }

        /** The job the scenario runs. */
        public When whenRunning(Job run) {
            job = run;
            jobOrigin = callerOrigin();
            return new When();
        }
    }

    /** One Hive table fixture; the methods of {@link Given} continue with the next fixture. */
    public final class HiveTableStep extends Given {
        private final String qualifiedName;
        private final String origin;
        private final List<String> columnSpecs = new ArrayList<>();
        private final List<String> partitionSpecs = new ArrayList<>();
        private final Map<String, Object> partitionValues = new LinkedHashMap<>();
        private final List<List<Object>> rowValues = new ArrayList<>();
        private String ddl;
        private String format = "textfile";
        private String location;

        HiveTableStep(String qualifiedName, String origin) {
            this.qualifiedName = qualifiedName;
            this.origin = origin;
        }

        /** Columns as {@code "name TYPE"}, in order; the table's DDL is derived from them. */
        public HiveTableStep columns(String... nameAndType) {
            columnSpecs.addAll(List.of(nameAndType));
            return this;
        }

        /** Partition columns as {@code "name TYPE"} (with derived DDL). */
        public HiveTableStep partitionedBy(String... nameAndType) {
            partitionSpecs.addAll(List.of(nameAndType));
            return this;
        }

        /** The partition the rows go into, one column at a time. */
        public HiveTableStep partition(String column, Object value) {
            partitionValues.put(column, value);
            return this;
        }

        /** Rows, each as wide as the columns; build them with {@link ScenarioBuilder#row(Object...)}. */
        @SafeVarargs
        public final HiveTableStep rows(List<Object>... rows) {
            rowValues.addAll(Arrays.asList(rows));
            return this;
        }

        /** Rows from a list (e.g. generated in the test). */
        public HiveTableStep rows(List<? extends List<Object>> rows) {
            rowValues.addAll(rows);
            return this;
        }

        /** A CREATE TABLE statement instead of columns. */
        public HiveTableStep ddl(String createTable) {
            this.ddl = createTable;
            return this;
        }

        /** Storage format of the derived DDL: textfile (default), orc, parquet or avro. */
        public HiveTableStep format(String storageFormat) {
            this.format = storageFormat;
            return this;
        }

        /** HDFS folder of an external table with derived DDL. */
        public HiveTableStep location(String hdfsFolder) {
            this.location = hdfsFolder;
            return this;
        }

        private Map<String, String> columnMap(List<String> specs, String field) {
            Map<String, String> columns = new LinkedHashMap<>();
            for (String spec : specs) {
                String[] parts = spec == null ? new String[0] : spec.strip().split("\\s+", 2);
                if (parts.length != 2 || parts[1].isBlank()) {
                    throw problem(origin, field(field), "expected \"name TYPE\", e.g. \"offer_id BIGINT\", found \""
                            + spec + "\"");
                }
                if (!HqlScripts.isIdentifier(parts[0])) {
                    throw problem(origin, field(field), "not a valid column name: \"" + parts[0] + "\"");
                }
                if (columns.put(parts[0], parts[1].strip()) != null) {
                    throw problem(origin, field(field), "column " + parts[0] + " is declared twice");
                }
            }
            return columns;
        }

        private String field(String name) {
            return "hiveTable(\"" + qualifiedName + "\")." + name;
        }

        Fixture toFixture() {
            String nameProblem = ScenarioFiles.tableNameProblem(qualifiedName);
            if (nameProblem != null) {
                throw problem(origin, "hiveTable", nameProblem);
            }
            String[] parts = qualifiedName.split("\\.");
            String stripped = ddl == null ? null : ddl.strip();
            String statement = stripped != null && stripped.endsWith(";")
                    ? stripped.substring(0, stripped.length() - 1) : stripped;
            Map<String, String> columns = columnMap(columnSpecs, "columns");
            Map<String, String> partitionColumns = columnMap(partitionSpecs, "partitionedBy");
            if (statement == null && columns.isEmpty()) {
                throw problem(origin, field("columns"), "a hive table needs ddl(..) or columns(..)");
            }
            if (statement != null && !partitionColumns.isEmpty()) {
                throw problem(origin, field("partitionedBy"), "partitionedBy goes with columns; with ddl, write"
                        + " PARTITIONED BY in the DDL");
            }
            Map<String, String> partition = new LinkedHashMap<>();
            partitionValues.forEach((key, value) -> {
                if (statement == null && !partitionColumns.containsKey(key)) {
                    throw problem(origin, field("partition"), key + " is not a partition column; partitionedBy"
                            + " declares " + partitionColumns.keySet());
                }
                if (value == null) {
                    throw problem(origin, field("partition"), key + " has no value");
                }
                partition.put(key, String.valueOf(plain(value, origin, field("partition"))));
            });
            List<List<Object>> rows = plainRows(rowValues, columns.size(), origin, field("rows"));
            String storage = format == null ? "" : format.toLowerCase(Locale.ROOT);
            if (!List.of(FORMATS).contains(storage)) {
                throw problem(origin, field("format"), "expected one of " + String.join(", ", FORMATS) + ", found \""
                        + format + "\"");
            }
            String folder = location == null ? null : hdfs(location, origin, field("location"));
            if (folder != null && statement != null) {
                throw problem(origin, field("location"), "location goes with columns; with ddl, write LOCATION in"
                        + " the DDL");
            }
            return new Fixture.HiveTable(origin, parts[0].toLowerCase(Locale.ROOT),
                    parts[1].toLowerCase(Locale.ROOT), statement, columns, partitionColumns, partition, rows, storage,
                    folder);
        }
    }

    /** After the job: go on to the expectations. */
    public final class When {
        When() {
        }

        /** The expectations, checked in order (all of them, even after one fails). */
        public Then then() {
            thenOrigin = callerOrigin();
            return new Then();
        }
    }

    /** The expectations. Without {@link #exitCode(int)} the job must exit with 0. */
    public class Then {
        Then() {
        }

        /** The job's exit code. */
        public Then exitCode(int code) {
            String origin = callerOrigin();
            expectations.add(() -> new Expectation.ExitCodeIs(origin, code));
            return this;
        }

        /** Graphite metrics by exact name or glob; say what with value, range or count (none: at least one). */
        public MetricStep metric(String nameOrGlob) {
            MetricStep step = new MetricStep(nameOrGlob, callerOrigin());
            expectations.add(step::toExpectation);
            return step;
        }

        /** A Hive query; say which rows it returns with {@link HiveQueryStep#returns(List[])}. */
        public HiveQueryStep hiveQuery(String select) {
            HiveQueryStep step = new HiveQueryStep(select, callerOrigin());
            expectations.add(step::toExpectation);
            return step;
        }

        /** An HDFS path that must exist (or, with {@link HdfsPathStep#absent()}, must not). */
        public HdfsPathStep hdfsPath(String path) {
            HdfsPathStep step = new HdfsPathStep(path, callerOrigin());
            expectations.add(step::toExpectation);
            return step;
        }

        /** A line of the job's output containing this text (or matching /regex/). */
        public Then log(String pattern) {
            return logLine(pattern, true);
        }

        /** No line of the job's output contains this text (or matches /regex/). */
        public Then logAbsent(String pattern) {
            return logLine(pattern, false);
        }

        private Then logLine(String pattern, boolean present) {
            String origin = callerOrigin();
            expectations.add(() -> {
                if (pattern == null || pattern.isEmpty()) {
                    throw problem(origin, present ? "log" : "logAbsent", "the pattern is empty");
                }
                return new Expectation.LogLine(origin, pattern, present);
            });
            return this;
        }

        /** The scenario, checked like a scenario file. */
        public Scenario build() {
            return buildScenario();
        }
    }

    /** A metric expectation. */
    public final class MetricStep extends Then {
        private final String metricName;
        private final String origin;
        private Double value;
        private Double min;
        private Double max;
        private Integer count;
        private double tolerance = 1e-9;
        private int kinds;

        MetricStep(String metricName, String origin) {
            this.metricName = metricName;
            this.origin = origin;
        }

        /** The last sample equals this value (within the tolerance). */
        public MetricStep value(double expected) {
            value = expected;
            kinds++;
            return this;
        }

        /** Every sample lies within [min, max]. */
        public MetricStep range(double low, double high) {
            min = low;
            max = high;
            kinds++;
            return this;
        }

        /** This many samples were sent. */
        public MetricStep count(int samples) {
            count = samples;
            kinds++;
            return this;
        }

        public MetricStep tolerance(double absolute) {
            tolerance = absolute;
            return this;
        }

        Expectation toExpectation() {
            String field = "metric(\"" + metricName + "\")";
            if (metricName == null || metricName.isBlank()) {
                throw problem(origin, "metric", "the metric name is empty");
            }
            if (kinds > 1) {
                throw problem(origin, field, "give one of value, range or count");
            }
            if (min != null && min > max) {
                throw problem(origin, field + ".range", "min " + min + " is greater than max " + max);
            }
            if (tolerance < 0) {
                throw problem(origin, field + ".tolerance", "must not be negative");
            }
            return new Expectation.Metric(origin, metricName, value, min, max, count, tolerance);
        }
    }

    /** A Hive query expectation. */
    public final class HiveQueryStep extends Then {
        private final String query;
        private final String origin;
        private final List<List<Object>> rows = new ArrayList<>();
        private boolean given;
        private boolean ordered;
        private double tolerance;

        HiveQueryStep(String query, String origin) {
            this.query = query;
            this.origin = origin;
        }

        /** The rows the query returns (as a multiset unless {@link #ordered()}); none: it returns nothing. */
        @SafeVarargs
        public final HiveQueryStep returns(List<Object>... expected) {
            rows.addAll(Arrays.asList(expected));
            given = true;
            return this;
        }

        /** Rows from a list. */
        public HiveQueryStep returns(List<? extends List<Object>> expected) {
            rows.addAll(expected);
            given = true;
            return this;
        }

        /** Compare the rows in order. */
        public HiveQueryStep ordered() {
            ordered = true;
            return this;
        }

        /** Absolute tolerance for numbers. */
        public HiveQueryStep tolerance(double absolute) {
            tolerance = absolute;
            return this;
        }

        Expectation toExpectation() {
            if (query == null || query.isBlank()) {
                throw problem(origin, "hiveQuery", "the query is empty");
            }
            String field = "hiveQuery(\"" + query + "\")";
            if (!given) {
                throw problem(origin, field + ".returns", "say which rows it returns: .returns(row(..), ..)");
            }
            if (tolerance < 0) {
                throw problem(origin, field + ".tolerance", "must not be negative");
            }
            return new Expectation.HiveRows(origin, query, plainRows(rows, 0, origin, field + ".returns"), ordered,
                    tolerance);
        }
    }

    /** An HDFS path expectation. */
    public final class HdfsPathStep extends Then {
        private final String path;
        private final String origin;
        private boolean exists = true;
        private String contains;
        private Integer lines;

        HdfsPathStep(String path, String origin) {
            this.path = path;
            this.origin = origin;
        }

        /** The path must exist (the default). */
        public HdfsPathStep exists() {
            exists = true;
            return this;
        }

        /** The path must not exist. */
        public HdfsPathStep absent() {
            exists = false;
            return this;
        }

        /** Its text contains this. */
        public HdfsPathStep contains(String text) {
            contains = text;
            return this;
        }

        /** Its line count (summed over the files of a folder). */
        public HdfsPathStep lines(int count) {
            lines = count;
            return this;
        }

        Expectation toExpectation() {
            String normal = hdfs(path, origin, "hdfsPath");
            if (!exists && (contains != null || lines != null)) {
                throw problem(origin, "hdfsPath(\"" + path + "\")", "contains and lines need the path to exist,"
                        + " not absent()");
            }
            return new Expectation.HdfsPathState(origin, normal, exists, contains, lines);
        }
    }

    /** The job of a scenario: a notebook, a script or a command, with its settings. */
    public static final class Job {
        private final RunSpec.Kind kind;
        private final Path file;
        private final List<String> args;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> junit = new ArrayList<>();
        private String kernel;
        private Path workingDir;
        private long timeoutSeconds = ScenarioFiles.DEFAULT_TIMEOUT_SECONDS;
        private String python = "/usr/bin/python3";

        Job(RunSpec.Kind kind, Path file, List<String> args) {
            this.kind = kind;
            this.file = file;
            this.args = args;
        }

        /** A notebook parameter (injected papermill-style). */
        public Job parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        /** The kernel to use instead of the notebook's own. */
        public Job kernel(String name) {
            kernel = name;
            return this;
        }

        /** Working directory; default the notebook's or script's folder, for commands the current one. */
        public Job workingDir(Path folder) {
            workingDir = folder;
            return this;
        }

        /** An extra environment variable. */
        public Job env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Whole-run timeout (per cell for notebooks); default 600 s. */
        public Job timeout(Duration timeout) {
            timeoutSeconds = timeout.toSeconds();
            return this;
        }

        /** Python interpreter of a script run. */
        public Job python(String interpreter) {
            python = interpreter;
            return this;
        }

        /** A JUnit XML file the job writes (relative to the working directory), merged into the results. */
        public Job junit(String file) {
            junit.add(file);
            return this;
        }

        RunSpec toRunSpec(String origin) {
            if (timeoutSeconds <= 0) {
                throw problem(origin, "whenRunning.timeout", "must be a positive number of seconds");
            }
            Path resolved = file == null ? null : file.toAbsolutePath().normalize();
            Path cwd = workingDir != null ? workingDir.toAbsolutePath().normalize()
                    : resolved != null ? resolved.getParent() : Path.of("").toAbsolutePath();
            List<Path> junitFiles = junit.stream().map(f -> cwd.resolve(f).normalize()).toList();
            switch (kind) {
                case NOTEBOOK: {
                    if (!Files.isRegularFile(resolved)) {
                        throw problem(origin, "whenRunning(notebook)", "no such notebook: " + resolved);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> plainParameters = (Map<String, Object>) plainTree(parameters, origin,
                            "whenRunning.parameter");
                    return new RunSpec(RunSpec.Kind.NOTEBOOK, resolved, plainParameters, kernel, List.of(), cwd, env,
                            timeoutSeconds, junitFiles);
                }
                case SCRIPT: {
                    if (!Files.isRegularFile(resolved)) {
                        throw problem(origin, "whenRunning(script)", "no such script: " + resolved);
                    }
                    List<String> argv = new ArrayList<>();
                    argv.add(python);
                    argv.add(resolved.toString());
                    argv.addAll(args);
                    return new RunSpec(RunSpec.Kind.SCRIPT, null, Map.of(), null, argv, cwd, env, timeoutSeconds,
                            junitFiles);
                }
                default:
                    if (args.isEmpty()) {
                        throw problem(origin, "whenRunning(command)", "the command is empty");
                    }
                    return new RunSpec(RunSpec.Kind.COMMAND, null, Map.of(), null, args, cwd, env, timeoutSeconds,
                            junitFiles);
            }
        }
    }
}

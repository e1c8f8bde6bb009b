package io.nbci.scenario;

import io.nbci.config.ConfigException;
import io.nbci.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads scenario files: YAML with one scenario, or a list of them under {@code scenarios:}.
 * Every error names the file, line and key. Relative paths in a scenario (notebooks, row
 * files, HQL scripts, HDFS sources, the working directory) are resolved against the folder
 * of the scenario file.
 *
 * <pre>{@code
 * name: reports a missing score
 * fixtures:
 *   - hive_table: dwh.offers
 *     columns: {offer_id: BIGINT, category: STRING}
 *     rows: [[100, "Moda i uroda"]]
 *   - hdfs: /data/scores/part-0.jsonl
 *     content: ""
 * run:
 *   notebook: ../verifier.ipynb
 *   parameters: {run_date: "2016-10-10"}
 * expect:
 *   - exit_code: 0
 *   - hive: SELECT offer_id FROM reports.missing_scores
 *     rows: [[100]]
 *   - metric: stats.offer.imagescore.verifier.missing
 *     value: 1
 * }</pre>
 */
public final class ScenarioFiles {
    static final long DEFAULT_TIMEOUT_SECONDS = 600;

    private static final String[] SCENARIO_KEYS = {"name", "description", "fixtures", "run", "expect"};
    private static final String[] FIXTURE_KINDS = {"hive_table", "hql", "hql_file", "hdfs"};
    private static final String[] EXPECT_KINDS = {"exit_code", "hive", "hdfs", "metric", "log", "log_absent"};

    private ScenarioFiles() {
    }

    /** Every scenario in the given files and folders (folders: every *.yaml / *.yml below them, sorted). */
    public static List<Scenario> load(List<Path> paths) {
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : expand(paths)) {
            for (Scenario scenario : read(file)) {
                String previous = seen.putIfAbsent(scenario.name(), file.toString());
                if (previous != null) {
                    throw new ConfigException(file.toString(), 0, 0, "name",
                            "scenario name \"" + scenario.name() + "\" is also used in " + previous
                                    + "; names must be unique (they name the JUnit test cases)");
                }
                scenarios.add(scenario);
            }
        }
        return List.copyOf(scenarios);
    }

    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new ConfigException(path.toString(), 0, 0, null, "cannot list folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new ConfigException(path.toString(), 0, 0, null, "no such scenario file or folder");
            }
        }
        return files;
    }

    /** The scenarios of one file. */
    public static List<Scenario> read(Path file) {
        ConfigNode root = ConfigNode.parse(file);
        Path folder = file.toAbsolutePath().getParent();
        if (root.isMap() && root.has("scenarios")) {
            root.allowOnlyKeys("scenarios");
            List<Scenario> scenarios = new ArrayList<>();
            for (ConfigNode item : root.get("scenarios").items()) {
                scenarios.add(scenario(item, file, folder, null));
            }
            if (scenarios.isEmpty()) {
                throw root.get("scenarios").error("the list of scenarios is empty");
            }
            return List.copyOf(scenarios);
        }
        if (root.isList()) {
            List<Scenario> scenarios = new ArrayList<>();
            for (ConfigNode item : root.items()) {
                scenarios.add(scenario(item, file, folder, null));
            }
            return List.copyOf(scenarios);
        }
        if (!root.isMap()) {
            throw root.error("expected a scenario (a mapping with fixtures, run and expect)");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return List.of(scenario(root, file, folder, stem));
    }

    private static Scenario scenario(ConfigNode node, Path file, Path folder, String defaultName) {
        node.allowOnlyKeys(SCENARIO_KEYS);
        String name = defaultName == null ? node.required("name").asString() : node.get("name").asString(defaultName);
        if (name.isBlank()) {
            throw node.get("name").error("must not be empty");
        }
        List<Fixture> fixtures = new ArrayList<>();
        for (ConfigNode item : node.get("fixtures").items()) {
            fixtures.add(fixture(item, folder));
        }
        RunSpec run = run(node.required("run"), folder);
        List<Expectation> expectations = new ArrayList<>();
        for (ConfigNode item : node.get("expect").items()) {
            expectations.add(expectation(item));
        }
        if (expectations.stream().noneMatch(e -> e instanceof Expectation.ExitCodeIs)) {
            expectations.add(0, new Expectation.ExitCodeIs(origin(node.get("expect")), 0));
        }
        return new Scenario(name, file, fixtures, run, expectations);
    }

    static String origin(ConfigNode node) {
        return node.file() + ":" + node.line();
    }

    private static String kindOf(ConfigNode item, String what, String... kinds) {
        if (!item.isMap()) {
            throw item.error("expected a " + what + " (a mapping starting with one of " + String.join(", ", kinds)
                    + ")");
        }
        String found = null;
        for (String kind : kinds) {
            if (item.has(kind)) {
                if (found != null) {
                    throw item.get(kind).error("a " + what + " has one kind; found both " + found + " and " + kind);
                }
                found = kind;
            }
        }
        if (found == null) {
            throw item.error("unknown " + what + "; expected one of " + String.join(", ", kinds));
        }
        return found;
    }

    private static Fixture fixture(ConfigNode item, Path folder) {
        String kind = kindOf(item, "fixture", FIXTURE_KINDS);
        switch (kind) {
            case "hive_table":
                return hiveTable(item, folder);
            case "hql":
                item.allowOnlyKeys("hql");
                return new Fixture.Hql(origin(item), HqlScripts.split(item.get("hql").asString()));
            case "hql_file": {
                item.allowOnlyKeys("hql_file");
                Path script = resolve(folder, item.get("hql_file"));
                return new Fixture.Hql(origin(item), HqlScripts.split(readText(script, item.get("hql_file"))));
            }
            default:
                return hdfs(item, folder);
        }
    }

    private static Fixture.HiveTable hiveTable(ConfigNode item, Path folder) {
        item.allowOnlyKeys("hive_table", "ddl", "ddl_file", "columns", "partitioned_by", "partition", "rows",
                "rows_file", "format", "location");
        ConfigNode nameNode = item.get("hive_table");
        String qualified = nameNode.asString();
        String[] parts = qualified.split("\\.");
        String nameProblem = tableNameProblem(qualified);
        if (nameProblem != null) {
            throw nameNode.error(nameProblem);
        }
        String ddl = null;
        if (item.has("ddl") && item.has("ddl_file")) {
            throw item.get("ddl_file").error("give ddl or ddl_file, not both");
        }
        if (item.has("ddl")) {
            ddl = item.get("ddl").asString();
        } else if (item.has("ddl_file")) {
            ddl = readText(resolve(folder, item.get("ddl_file")), item.get("ddl_file")).strip();
        }
        if (ddl != null) {
            ddl = ddl.strip();
            if (ddl.endsWith(";")) {
                ddl = ddl.substring(0, ddl.length() - 1);
            }
        }
        Map<String, String> columns = columnMap(item.get("columns"));
        Map<String, String> partitionColumns = columnMap(item.get("partitioned_by"));
        if (ddl == null && columns.isEmpty()) {
            throw item.error("a hive_table needs ddl, ddl_file or columns");
        }
        if (ddl != null && !partitionColumns.isEmpty()) {
            throw item.get("partitioned_by").error("partitioned_by goes with columns; with ddl, write PARTITIONED BY"
                    + " in the DDL");
        }
        Map<String, String> partition = new LinkedHashMap<>();
        item.get("partition").fields().forEach((key, value) -> partition.put(key, value.asString()));
        for (String key : partition.keySet()) {
            if (ddl == null && !partitionColumns.containsKey(key)) {
                throw item.get("partition").get(key).error("not a partition column; partitioned_by declares "
                        + partitionColumns.keySet());
            }
        }
        if (item.has("rows") && item.has("rows_file")) {
            throw item.get("rows_file").error("give rows or rows_file, not both");
        }
        List<List<Object>> rows;
        if (item.has("rows_file")) {
            rows = RowFiles.read(resolve(folder, item.get("rows_file")), columns, item.get("rows_file"));
        } else {
            rows = inlineRows(item.get("rows"), columns.size());
        }
        String format = item.get("format").isAbsent() ? "textfile"
                : item.get("format").asChoice("textfile", "orc", "parquet", "avro");
        String location = item.has("location") ? hdfsPath(item.get("location")) : null;
        if (location != null && ddl != null) {
            throw item.get("location").error("location goes with columns; with ddl, write LOCATION in the DDL");
        }
        return new Fixture.HiveTable(origin(item), parts[0].toLowerCase(java.util.Locale.ROOT),
                parts[1].toLowerCase(java.util.Locale.ROOT), ddl, columns, partitionColumns, partition, rows, format,
                location);
    }

    private static Map<String, String> columnMap(ConfigNode node) {
        Map<String, String> columns = new LinkedHashMap<>();
        node.fields().forEach((name, type) -> {
            if (!HqlScripts.isIdentifier(name)) {
                throw type.error("not a valid column name");
            }
            columns.put(name, type.asString());
        });
        return columns;
    }

    static List<List<Object>> inlineRows(ConfigNode node, int width) {
        List<List<Object>> rows = new ArrayList<>();
        for (ConfigNode row : node.items()) {
            if (!row.isList()) {
                throw row.error("expected a row as a list of values, e.g. [100, \"2016-10-10\"]");
            }
            List<Object> values = new ArrayList<>();
            for (ConfigNode value : row.items()) {
                if (value.isMap() || value.isList()) {
                    throw value.error("expected a plain value (text, number, true/false or null)");
                }
                values.add(value.toPlain());
            }
            if (width > 0 && values.size() != width) {
                throw row.error(rowWidthProblem(values.size(), width));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Fixture.HdfsPath hdfs(ConfigNode item, Path folder) {
        item.allowOnlyKeys("hdfs", "content", "from");
        String path = hdfsPath(item.get("hdfs"));
        boolean content = item.has("content");
        boolean from = item.has("from");
        if (content == from) {
            throw item.error("an hdfs fixture needs exactly one of content (inline text) or from (a local file or"
                    + " folder)");
        }
        if (from) {
            Path local = resolve(folder, item.get("from"));
            if (!Files.exists(local)) {
                throw item.get("from").error("no such file or folder: " + local);
            }
            return new Fixture.HdfsPath(origin(item), path, null, local);
        }
        String text = item.get("content").isAbsent() ? "" : item.get("content").asString();
        return new Fixture.HdfsPath(origin(item), path, text, null);
    }

    static String hdfsPath(ConfigNode node) {
        String path = node.asString();
        String problem = hdfsPathProblem(path);
        if (problem != null) {
            throw node.error(problem);
        }
        return normalHdfsPath(path);
    }

    /** Why {@code qualified} is not a valid database.table name, or null when it is (shared with ScenarioBuilder). */
    static String tableNameProblem(String qualified) {
        String[] parts = qualified == null ? new String[0] : qualified.split("\\.");
        if (parts.length != 2 || !HqlScripts.isIdentifier(parts[0]) || !HqlScripts.isIdentifier(parts[1])) {
            return "expected database.table (letters, digits, underscore), found \"" + qualified + "\"";
        }
        return null;
    }

    /** Why {@code path} is not an absolute HDFS path, or null when it is (shared with ScenarioBuilder). */
    static String hdfsPathProblem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "expected an absolute HDFS path (starting with /), found \"" + path + "\"";
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "'.' and '..' are not allowed in HDFS paths";
            }
        }
        return null;
    }

    static String normalHdfsPath(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String rowWidthProblem(int values, int width) {
        return "row has " + values + " values, the table has " + width + " columns";
    }

    private static RunSpec run(ConfigNode node, Path folder) {
        node.allowOnlyKeys("notebook", "script", "command", "args", "parameters", "kernel", "cwd", "env", "timeout",
                "junit", "python", "image", "memory", "cpus");
        RunSpec.Container container = null;
        if (node.has("image")) {
            if (node.has("notebook")) {
                throw node.get("image").error("image goes with script or command; a notebook runs on a Jupyter kernel"
                        + " on this machine");
            }
            double cpus = node.get("cpus").asDouble(0);
            if (cpus < 0) {
                throw node.get("cpus").error("must not be negative");
            }
            String memory = node.get("memory").asString(null);
            if (memory != null && !memory.matches("[1-9][0-9]*[kKmMgG]?")) {
                throw node.get("memory").error("expected a size such as 512m or 2g, found \"" + memory + "\"");
            }
            container = new RunSpec.Container(node.get("image").asString(), memory, cpus);
        } else if (node.has("memory") || node.has("cpus")) {
            throw node.error("memory and cpus limit a job container: they go with image");
        }
        String kind = kindOf(node, "run", "notebook", "script", "command");
        Path cwd = node.has("cwd") ? resolve(folder, node.get("cwd")) : folder;
        Map<String, String> env = new LinkedHashMap<>();
        node.get("env").fields().forEach((key, value) -> env.put(key, value.isAbsent() ? "" : value.asString()));
        long timeout = node.get("timeout").asLong(DEFAULT_TIMEOUT_SECONDS);
        if (timeout <= 0) {
            throw node.get("timeout").error("must be a positive number of seconds");
        }
        List<Path> junit = new ArrayList<>();
        for (String file : node.get("junit").asStringList()) {
            junit.add(cwd.resolve(file).normalize());
        }
        switch (kind) {
            case "notebook": {
                ConfigNode notebook = node.get("notebook");
                Path file = resolve(folder, notebook);
                if (!Files.isRegularFile(file)) {
                    throw notebook.error("no such notebook: " + file);
                }
                if (node.has("args") || node.has("python")) {
                    throw node.error("args and python go with script or command, not notebook");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> parameters = node.get("parameters").isAbsent() ? Map.of()
                        : (Map<String, Object>) requireMap(node.get("parameters")).toPlain();
                return new RunSpec(RunSpec.Kind.NOTEBOOK, file, parameters, node.get("kernel").asString(null),
                        List.of(), cwd, env, timeout, junit);
            }
            case "script": {
                Path script = resolve(folder, node.get("script"));
                if (!Files.isRegularFile(script)) {
                    throw node.get("script").error("no such script: " + script);
                }
                List<String> argv = new ArrayList<>();
                argv.add(node.get("python").asString(container == null ? "/usr/bin/python3" : "python3"));
                argv.add(script.toString());
                argv.addAll(node.get("args").asStringList());
                return new RunSpec(RunSpec.Kind.SCRIPT, null, Map.of(), null, argv, cwd, env, timeout, junit, container);
            }
            default: {
                ConfigNode command = node.get("command");
                List<String> argv = command.isList() ? command.asStringList() : CommandLines.split(command);
                if (argv.isEmpty()) {
                    throw command.error("the command is empty");
                }
                List<String> all = new ArrayList<>(argv);
                all.addAll(node.get("args").asStringList());
                return new RunSpec(RunSpec.Kind.COMMAND, null, Map.of(), null, all, cwd, env, timeout, junit, container);
            }
        }
    }

    private static ConfigNode requireMap(ConfigNode node) {
        if (!node.isMap()) {
            throw node.error("expected a mapping of parameter names to values");
        }
        return node;
    }

    private static Expectation expectation(ConfigNode item) {
        String kind = kindOf(item, "expectation", EXPECT_KINDS);
        String origin = origin(item);
        switch (kind) {
            case "exit_code":
                item.allowOnlyKeys("exit_code");
                return new Expectation.ExitCodeIs(origin, item.get("exit_code").asInt());
            case "hive": {
                item.allowOnlyKeys("hive", "rows", "ordered", "tolerance");
                double tolerance = item.get("tolerance").asDouble(0.0);
                if (tolerance < 0) {
                    throw item.get("tolerance").error("must not be negative");
                }
                return new Expectation.HiveRows(origin, item.get("hive").asString(),
                        inlineRows(item.required("rows"), 0), item.get("ordered").asBoolean(false), tolerance);
            }
            case "hdfs": {
                item.allowOnlyKeys("hdfs", "exists", "contains", "lines");
                boolean exists = item.get("exists").asBoolean(true);
                String contains = item.get("contains").asString(null);
                Integer lines = item.has("lines") ? item.get("lines").asInt() : null;
                if (!exists && (contains != null || lines != null)) {
                    throw item.error("contains and lines need exists: true");
                }
                return new Expectation.HdfsPathState(origin, hdfsPath(item.get("hdfs")), exists, contains, lines);
            }
            case "metric":
                return metric(item, origin);
            case "log":
                item.allowOnlyKeys("log");
                return new Expectation.LogLine(origin, item.get("log").asString(), true);
            default:
                item.allowOnlyKeys("log_absent");
                return new Expectation.LogLine(origin, item.get("log_absent").asString(), false);
        }
    }

    private static Expectation.Metric metric(ConfigNode item, String origin) {
        item.allowOnlyKeys("metric", "value", "range", "count", "tolerance");
        int kinds = (item.has("value") ? 1 : 0) + (item.has("range") ? 1 : 0) + (item.has("count") ? 1 : 0);
        if (kinds > 1) {
            throw item.error("give one of value, range or count");
        }
        Double value = item.has("value") ? item.get("value").asDouble() : null;
        Double min = null;
        Double max = null;
        if (item.has("range")) {
            List<ConfigNode> bounds = item.get("range").items();
            if (bounds.size() != 2) {
                throw item.get("range").error("expected [min, max]");
            }
            min = bounds.get(0).asDouble();
            max = bounds.get(1).asDouble();
            if (min > max) {
                throw item.get("range").error("min " + min + " is greater than max " + max);
            }
        }
        Integer count = item.has("count") ? item.get("count").asInt() : null;
        if (kinds == 0) {
            count = null;
        }
        return new Expectation.Metric(origin, item.get("metric").asString(), value, min, max, count,
                item.get("tolerance").asDouble(1e-9));
    }

    private static Path resolve(Path folder, ConfigNode node) {
        return folder.resolve(node.asString()).normalize();
    }

    private static String readText(Path file, ConfigNode node) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw node.error("cannot read " + file + ": " + e.getMessage());
        }
    }
}

package io.nbci.scenario;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.execution.NotebookRun;
import io.nbci.execution.NotebookRunner;
import io.nbci.execution.RunOptions;
import io.nbci.localcluster.ContainerJob;
import io.nbci.localcluster.HiveResult;
import io.nbci.localcluster.JobContainers;
import io.nbci.localcluster.JobResult;
import io.nbci.localcluster.LocalCluster;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookJson;
import io.nbci.report.JUnitXmlReader;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.CaseResult.Check;
import io.nbci.results.Failure;
import io.nbci.results.MetricSample;
import io.nbci.results.RowDiff;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Runs scenarios on one started cluster: for each, seed the fixtures, run the job with the
 * cluster in its environment, check every expectation, save the evidence (job log, executed
 * notebook, a listing of what the job wrote), then remove what the scenario created
 * (databases, tables, HDFS paths) and the metrics it sent, so the next scenario starts from
 * the same state without a restart.
 *
 * <pre>{@code
 * try (LocalCluster cluster = new LocalCluster().start();
 *      ScenarioRunner runner = new ScenarioRunner(cluster, notebookRunner, Path.of("target/nbci"), log)) {
 *     ScenarioOutcome outcome = runner.run(ScenarioFiles.read(Path.of("scenarios/missing.yaml")).get(0));
 * }
 * }</pre>
 */
public final class ScenarioRunner implements AutoCloseable {
    private static final int OUTPUT_LIMIT = 64 * 1024;
    private static final int PREVIEW_ROWS = 10;

    private final LocalCluster cluster;
    private final NotebookRunner notebooks;
    private final Path outputDir;
    private final LogSink log;
    private final FileSystem fs;
    private final ScratchScope scope;

    public ScenarioRunner(LocalCluster cluster, NotebookRunner notebooks, Path outputDir, LogSink log) {
        this.cluster = cluster;
        this.notebooks = notebooks;
        this.outputDir = outputDir;
        this.log = log;
        this.fs = openFileSystem(cluster);
        this.scope = new ScratchScope(cluster.hdfsScratchRoot());
    }

    private static FileSystem openFileSystem(LocalCluster cluster) {
        Configuration conf = new Configuration();
        Path confDir = cluster.getHadoopConfDir();
        for (String file : List.of("core-site.xml", "hdfs-site.xml")) {
            Path site = confDir.resolve(file);
            if (Files.isRegularFile(site)) {
                conf.addResource(new org.apache.hadoop.fs.Path(site.toUri()));
            }
        }
        try {
            return FileSystem.newInstance(URI.create(cluster.getHdfsUri()), conf, "nbci");
        } catch (IOException e) {
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "cannot reach HDFS at " + cluster.getHdfsUri() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "interrupted while connecting to HDFS", e);
        }
    }

    /** What one scenario produced: its exit code and its suites (scenario, notebook cells, merged JUnit). */
    public record ScenarioOutcome(ExitCode exitCode, List<SuiteResult> suites) {
        public ScenarioOutcome {
            suites = List.copyOf(suites);
        }

        /** The scenario's own case. */
        public CaseResult scenarioCase() {
            return suites.get(0).cases().get(0);
        }
    }

    /** Runs one scenario; never throws for a failing job or check (those are in the outcome). */
    public ScenarioOutcome run(Scenario scenario) {
        long started = System.nanoTime();
        String slug = slug(scenario.name());
        Path dir = outputDir.resolve(slug);
        log.info("scenario " + scenario.name() + (scenario.file() == null ? "" : " (" + scenario.file() + ")"));
        Snapshot before = snapshot();
        cluster.clearMetrics();
        List<io.nbci.results.Fixture> seeded = new ArrayList<>();
        List<SuiteResult> extraSuites = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Failure failure = null;
        Status status;
        String output = "";
        List<MetricSample> metrics = List.of();
        try {
            scope.requireInside(scenario);
            for (Fixture fixture : scenario.fixtures()) {
                seeded.add(apply(fixture));
            }
            HdfsState afterFixtures = hdfsState();
            Job job = runJob(scenario, dir);
            output = job.output;
            artifacts.addAll(job.artifacts);
            extraSuites.addAll(job.suites);
            metrics = settledMetrics(scenario);
            for (Expectation expectation : scenario.expectations()) {
                checks.add(check(expectation, job, metrics));
            }
            Map<String, Long> written = hdfsState().addedSince(afterFixtures);
            Path listing = dir.resolve("written.txt");
            AtomicFiles.write(listing, HdfsState.listing(written, 200));
            artifacts.add(new Artifact("listing", listing.toString(), "HDFS paths the job wrote"));
            if (job.timedOut) {
                status = Status.ERROR;
                failure = new Failure("timeout", "the job did not finish in " + scenario.run().timeoutSeconds() + " s",
                        JobProcess.tail(dir.resolve("job.log"), 4096), null, null, null);
            } else {
                List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
                status = failed.isEmpty() ? Status.PASSED : Status.FAILED;
                if (!failed.isEmpty()) {
                    failure = failureOf(failed, written);
                }
            }
        } catch (NbciException e) {
            status = Status.ERROR;
            failure = new Failure(e.exitCode() == ExitCode.BAD_INPUT ? "bad-input" : "infrastructure", e.getMessage(),
                    null, null, null, null);
            log.error("scenario " + scenario.name() + ": " + e.getMessage());
        } finally {
            cleanUp(before);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        CaseResult scenarioCase = new CaseResult(scenario.name(), className(scenario), status, millis, failure,
                truncate(output), null, checks, seeded, metrics);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("backend", cluster.backendName());
        properties.put("run", scenario.run().kind().name().toLowerCase(Locale.ROOT));
        SuiteResult suite = new SuiteResult(scenario.name(), SuiteResult.Kind.SCENARIO,
                scenario.file() == null ? null : scenario.file().toString(), millis, List.of(scenarioCase), artifacts,
                metrics, properties);
        List<SuiteResult> suites = new ArrayList<>();
        suites.add(suite);
        suites.addAll(extraSuites);
        ExitCode exitCode = status == Status.PASSED ? ExitCode.OK
                : failure != null && "timeout".equals(failure.type()) ? ExitCode.TIMEOUT
                : failure != null && "infrastructure".equals(failure.type()) ? ExitCode.INFRASTRUCTURE
                : failure != null && "bad-input".equals(failure.type()) ? ExitCode.BAD_INPUT
                : ExitCode.FAILED;
        log.info("  " + status.name().toLowerCase(Locale.ROOT) + " in " + millis + " ms"
                + (failure == null ? "" : ": " + failure.message()));
        return new ScenarioOutcome(exitCode, suites);
    }

    private static String className(Scenario scenario) {
        if (scenario.file() == null) {
            return "scenarios";
        }
        return "scenarios." + scenario.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static Failure failureOf(List<Check> failed, Map<String, Long> written) {
        Check first = failed.get(0);
        StringBuilder detail = new StringBuilder(Checks.describeFailed(failed));
        if (!written.isEmpty()) {
            detail.append("\nthe job wrote:\n").append(HdfsState.listing(written, 20));
        }
        String message = failed.size() == 1 ? first.message()
                : failed.size() + " checks failed; first: " + first.message();
        return new Failure(first.kind(), message, detail.toString(), null, first.expected(), first.actual());
    }

    // ---------------------------------------------------------------- fixtures

    private io.nbci.results.Fixture apply(Fixture fixture) {
        try {
            if (fixture instanceof Fixture.HiveTable) {
                return applyTable((Fixture.HiveTable) fixture);
            }
            if (fixture instanceof Fixture.Hql) {
                List<String> statements = ((Fixture.Hql) fixture).statements();
                cluster.hive(statements);
                return io.nbci.results.Fixture.of("hive-script", fixture.origin(),
                        statements.size() + " HQL statements");
            }
            return applyHdfs((Fixture.HdfsPath) fixture);
        } catch (NbciException e) {
            throw new ScenarioException(e.exitCode(), "fixture at " + fixture.origin() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "fixture at " + fixture.origin() + ": HDFS: "
                    + e.getMessage(), e);
        }
    }

    private io.nbci.results.Fixture applyTable(Fixture.HiveTable table) throws IOException {
        List<String> statements = new ArrayList<>();
        statements.add(HiveFixtures.createDatabase(table));
        statements.add(HiveFixtures.createTable(table));
        String how;
        if (table.rows().isEmpty()) {
            if (!table.partition().isEmpty()) {
                statements.add(HiveFixtures.addPartition(table));
            }
            how = "empty";
        } else if (HiveFixtures.loadableAsText(table)) {
            String staged = scope.stagingFolder() + "/" + UUID.randomUUID() + "/" + table.table() + ".txt";
            write(staged, HiveFixtures.textFile(table));
            statements.add(HiveFixtures.loadData(table, staged));
            how = table.rows().size() + " rows (LOAD DATA)";
        } else {
            statements.addAll(HiveFixtures.inserts(table));
            how = table.rows().size() + " rows (INSERT)";
        }
        cluster.hive(statements);
        List<List<String>> preview = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rows().size()))) {
            preview.add(text(row));
        }
        String target = table.qualifiedName() + HiveFixtures.partitionClause(table);
        return new io.nbci.results.Fixture("hive-table", target, how + " from " + table.origin(),
                List.copyOf(table.columns().keySet()), preview);
    }

    private io.nbci.results.Fixture applyHdfs(Fixture.HdfsPath fixture) throws IOException {
        if (fixture.content() != null) {
            write(fixture.path(), fixture.content());
            return io.nbci.results.Fixture.of("hdfs-file", fixture.path(),
                    fixture.content().getBytes(StandardCharsets.UTF_8).length + " bytes inline from "
                            + fixture.origin());
        }
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(fixture.path());
        if (Files.isDirectory(fixture.from())) {
            fs.mkdirs(target);
            int files = 0;
            try (var walk = Files.walk(fixture.from())) {
                for (Path local : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = fixture.from().relativize(local).toString().replace('\\', '/');
                    fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()),
                            new org.apache.hadoop.fs.Path(target, relative));
                    files++;
                }
            }
            return io.nbci.results.Fixture.of("hdfs-dir", fixture.path(), files + " files from " + fixture.from());
        }
        fs.mkdirs(target.getParent());
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(fixture.from().toUri()), target);
        return io.nbci.results.Fixture.of("hdfs-file", fixture.path(), Files.size(fixture.from()) + " bytes from "
                + fixture.from());
    }

    private void write(String path, String text) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
        fs.mkdirs(target.getParent());
        try (FSDataOutputStream out = fs.create(target, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- the job

    private static final class Job {
        int exitCode;
        boolean timedOut;
        String output = "";
        final List<Artifact> artifacts = new ArrayList<>();
        final List<SuiteResult> suites = new ArrayList<>();
    }

    private Job runJob(Scenario scenario, Path dir) {
        RunSpec run = scenario.run();
        Map<String, String> env = new LinkedHashMap<>(cluster.environment());
        env.putAll(run.env());
        Job job = new Job();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        if (run.kind() == RunSpec.Kind.NOTEBOOK) {
            Path executed = dir.resolve(run.notebook().getFileName().toString().replaceFirst("\\.py$", ".ipynb"));
            RunOptions options = RunOptions.builder(relativeToWorkingDirectory(run.notebook()), executed)
                    .parameters(run.parameters())
                    .kernelName(run.kernel())
                    .workingDirectory(run.workingDir())
                    .cellTimeout(Duration.ofSeconds(run.timeoutSeconds()))
                    .environment(env)
                    .build();
            NotebookRun result = notebooks.run(options);
            job.exitCode = result.exitCode().code();
            job.timedOut = result.exitCode() == ExitCode.TIMEOUT;
            job.output = notebookOutput(executed);
            job.artifacts.add(new Artifact("notebook", executed.toString(), "executed notebook"));
            if (result.suite() != null) {
                job.suites.add(result.suite());
            }
        } else {
            Path jobLog = dir.resolve("job.log");
            if (run.container() != null) {
                runInContainer(run, env, jobLog, job);
            } else {
                JobProcess.Ended ended = JobProcess.run(run.command(), run.workingDir(), env, run.timeoutSeconds(),
                        jobLog, log);
                job.exitCode = ended.exitCode();
                job.timedOut = ended.timedOut();
                job.output = JobProcess.tail(jobLog, 10 * 1024 * 1024);
            }
            job.artifacts.add(new Artifact("log", jobLog.toString(), "the job's output"));
        }
        for (Path junit : run.junitFiles()) {
            if (Files.isRegularFile(junit)) {
                job.suites.addAll(JUnitXmlReader.read(junit));
                job.artifacts.add(new Artifact("junit", junit.toString(), "JUnit results the job wrote"));
            } else {
                log.warn("scenario " + scenario.name() + ": the job wrote no JUnit file " + junit);
            }
        }
        return job;
    }

    /** A path inside the current directory as a relative one, so results and reports read as the user wrote them. */
    private static Path relativeToWorkingDirectory(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : path;
    }

    /**
     * Runs a script or command in {@code run.image}: the current directory is mounted at
     * {@value ContainerJob#REPOSITORY_PATH} (paths below it in the command are rewritten), the
     * cluster is reachable as for a local job, and memory and CPU are limited as configured.
     */
    private void runInContainer(RunSpec run, Map<String, String> env, Path jobLog, Job job) {
        Path repository = Path.of("").toAbsolutePath();
        List<String> argv = new ArrayList<>();
        for (String word : run.command()) {
            argv.add(inRepository(repository, word));
        }
        Map<String, String> jobEnv = new LinkedHashMap<>(run.env());
        ContainerJob.Builder builder = ContainerJob.builder(run.container().image(), argv.toArray(new String[0]))
                .repository(repository)
                .cluster(cluster)
                .env(jobEnv)
                .workingDir(inRepository(repository, run.workingDir().toAbsolutePath().toString()))
                .timeout(Duration.ofSeconds(run.timeoutSeconds()));
        if (run.container().memory() != null) {
            builder.memory(run.container().memory());
        }
        if (run.container().cpus() > 0) {
            builder.cpus(run.container().cpus());
        }
        ContainerJob containerJob = builder.build();
        JobResult result = new JobContainers().run(containerJob, log);
        job.exitCode = result.exitCode();
        job.timedOut = result.timedOut();
        job.output = result.output() + (result.oomKilled() ? "\n" + result.describe(containerJob) + "\n" : "");
        AtomicFiles.write(jobLog, job.output);
    }

    private static String inRepository(Path repository, String word) {
        if (!word.startsWith("/")) {
            return word;
        }
        Path path = Path.of(word).normalize();
        return path.startsWith(repository)
                ? ContainerJob.REPOSITORY_PATH + "/" + repository.relativize(path).toString().replace('\\', '/')
                : word;
    }

    /** The text a notebook printed (streams and tracebacks), which log expectations search. */
    private static String notebookOutput(Path executed) {
        if (!Files.isRegularFile(executed)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Cell cell : Notebook.read(executed).cells()) {
            for (var output : cell.outputs()) {
                String type = output.path("output_type").asText();
                if ("stream".equals(type)) {
                    text.append(NotebookJson.joined(output.get("text")));
                } else if ("error".equals(type)) {
                    output.path("traceback").forEach(line -> text.append(line.asText()).append('\n'));
                } else if (output.path("data").has("text/plain")) {
                    text.append(NotebookJson.joined(output.path("data").get("text/plain"))).append('\n');
                }
            }
        }
        return io.nbci.report.JUnitXmlWriter.stripAnsi(text.toString());
    }

    // ---------------------------------------------------------------- checks

    /**
     * The captured metrics once the sink has taken in what the job sent: the job closes its
     * socket before it exits, but the service reads asynchronously, so a read right after the
     * job can miss the last (or every) sample on a loaded machine. When the scenario expects
     * samples, waits (at most 5 s) for at least one and then for the count to hold still for 250 ms.
     */
    private List<MetricSample> settledMetrics(Scenario scenario) {
        boolean expectsSamples = scenario.expectations().stream().anyMatch(e -> e instanceof Expectation.Metric m
                && (m.count() == null || m.count() > 0));
        List<MetricSample> samples = cluster.metrics("**");
        if (!expectsSamples) {
            return samples;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            List<MetricSample> now = cluster.metrics("**");
            if (now.size() == samples.size() && !now.isEmpty()) {
                return now;
            }
            samples = now;
        }
        return samples;
    }

    private Check check(Expectation expectation, Job job, List<MetricSample> metrics) {
        if (expectation instanceof Expectation.ExitCodeIs) {
            return Checks.exitCode((Expectation.ExitCodeIs) expectation, job.exitCode);
        }
        if (expectation instanceof Expectation.Metric) {
            return Checks.metric((Expectation.Metric) expectation, metrics);
        }
        if (expectation instanceof Expectation.LogLine) {
            return Checks.log((Expectation.LogLine) expectation, job.output);
        }
        if (expectation instanceof Expectation.HiveRows) {
            return hiveCheck((Expectation.HiveRows) expectation);
        }
        return hdfsCheck((Expectation.HdfsPathState) expectation);
    }

    private Check hiveCheck(Expectation.HiveRows expected) {
        HiveResult result;
        try {
            result = cluster.hive(List.of(expected.query()));
        } catch (NbciException e) {
            return new Check("hive-query", expected.query(), false, RowComparison.render(expected.rows(), 20),
                    "query failed", expected.origin() + ": the query failed: " + e.getMessage());
        }
        RowComparison.Diff diff = RowComparison.compare(expected.rows(), result.rows(), expected.ordered(),
                expected.tolerance());
        RowDiff rows = rowDiff(result.columns(), expected.rows(), result.rows(), diff);
        return new Check("hive-query", expected.query(), diff.matches(), RowComparison.render(expected.rows(), 20),
                RowComparison.render(result.rows(), 20),
                diff.matches() ? null : expected.origin() + ": rows differ (" + diff.missing().size() + " missing, "
                        + diff.unexpected().size() + " unexpected" + (diff.orderDiffers() ? ", order differs" : "")
                        + ")", rows);
    }

    private static RowDiff rowDiff(List<String> columns, List<List<Object>> expected, List<List<Object>> actual,
            RowComparison.Diff diff) {
        List<RowDiff.Row> rows = new ArrayList<>();
        List<List<Object>> missing = new ArrayList<>(diff.missing());
        for (List<Object> row : expected) {
            boolean isMissing = missing.remove(row);
            rows.add(new RowDiff.Row(isMissing ? RowDiff.Change.MISSING : RowDiff.Change.SAME, text(row)));
        }
        for (List<Object> row : diff.unexpected()) {
            rows.add(new RowDiff.Row(RowDiff.Change.UNEXPECTED, text(row)));
        }
        return new RowDiff(columns, rows);
    }

    private static List<String> text(List<Object> row) {
        List<String> values = new ArrayList<>();
        row.forEach(v -> values.add(v == null ? null : String.valueOf(v)));
        return values;
    }

    private Check hdfsCheck(Expectation.HdfsPathState expected) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(expected.path());
        try {
            boolean exists = fs.exists(path);
            if (exists != expected.exists()) {
                return new Check("hdfs", expected.path(), false, expected.exists() ? "exists" : "does not exist",
                        exists ? "exists" : "does not exist", expected.origin() + ": " + expected.path()
                                + (exists ? " exists" : " does not exist"));
            }
            if (!exists || (expected.contains() == null && expected.lines() == null)) {
                return new Check("hdfs", expected.path(), true, exists ? "exists" : "does not exist",
                        exists ? "exists" : "does not exist", null);
            }
            String content = readAll(path);
            if (expected.lines() != null) {
                long lines = content.isEmpty() ? 0 : content.lines().count();
                if (lines != expected.lines()) {
                    return new Check("hdfs", expected.path(), false, expected.lines() + " lines", lines + " lines",
                            expected.origin() + ": " + expected.path() + " has " + lines + " lines, expected "
                                    + expected.lines());
                }
            }
            if (expected.contains() != null && !content.contains(expected.contains())) {
                String excerpt = content.length() > 500 ? content.substring(0, 500) + "..." : content;
                return new Check("hdfs", expected.path(), false, "contains " + expected.contains(), excerpt,
                        expected.origin() + ": " + expected.path() + " does not contain " + expected.contains());
            }
            return new Check("hdfs", expected.path(), true, describe(expected), describe(expected), null);
        } catch (IOException e) {
            return new Check("hdfs", expected.path(), false, describe(expected), "error: " + e.getMessage(),
                    expected.origin() + ": HDFS: " + e.getMessage());
        }
    }

    private static String describe(Expectation.HdfsPathState expected) {
        StringBuilder text = new StringBuilder("exists");
        if (expected.lines() != null) {
            text.append(", ").append(expected.lines()).append(" lines");
        }
        if (expected.contains() != null) {
            text.append(", contains ").append(expected.contains());
        }
        return text.toString();
    }

    /** The text of a file, or of every file below a folder (Hive and Spark write folders of parts). */
    private String readAll(org.apache.hadoop.fs.Path path) throws IOException {
        StringBuilder text = new StringBuilder();
        FileStatus status = fs.getFileStatus(path);
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        if (status.isDirectory()) {
            var iterator = fs.listFiles(path, true);
            while (iterator.hasNext()) {
                org.apache.hadoop.fs.Path file = iterator.next().getPath();
                String name = file.getName();
                if (!name.startsWith("_") && !name.startsWith(".")) {
                    files.add(file);
                }
            }
            files.sort(null);
        } else {
            files.add(path);
        }
        for (org.apache.hadoop.fs.Path file : files) {
            try (var in = fs.open(file)) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- state

    private record Snapshot(HdfsState hdfs, Set<String> databases, Set<String> defaultTables) {
    }

    private Snapshot snapshot() {
        return new Snapshot(hdfsState(), names(cluster.hive(List.of("SHOW DATABASES"))),
                names(cluster.hive(List.of("SHOW TABLES IN default"))));
    }

    /** What HDFS holds below the scratch root (without the Hive listing of a full {@link #snapshot()}). */
    private HdfsState hdfsState() {
        try {
            return HdfsState.capture(fs, scope.root());
        } catch (IOException e) {
            throw new ScenarioException(ExitCode.INFRASTRUCTURE, "cannot list HDFS: " + e.getMessage(), e);
        }
    }

    private static Set<String> names(HiveResult result) {
        Set<String> names = new TreeSet<>();
        result.rows().forEach(row -> names.add(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Removes the databases, default-database tables and HDFS paths created since {@code before}. */
    private void cleanUp(Snapshot before) {
        try {
            Snapshot now = snapshot();
            List<String> drops = new ArrayList<>();
            for (String database : now.databases()) {
                if (!before.databases().contains(database)) {
                    drops.add("DROP DATABASE IF EXISTS `" + database + "` CASCADE");
                }
            }
            for (String table : now.defaultTables()) {
                if (!before.defaultTables().contains(table)) {
                    drops.add("DROP TABLE IF EXISTS default.`" + table + "`");
                }
            }
            if (!drops.isEmpty()) {
                cluster.hive(drops);
            }
            for (String path : HdfsState.capture(fs, scope.root()).outermostAddedSince(before.hdfs())) {
                fs.delete(new org.apache.hadoop.fs.Path(path), true);
            }
            fs.delete(new org.apache.hadoop.fs.Path(scope.stagingFolder()), true);
            cluster.clearMetrics();
        } catch (IOException | NbciException e) {
            if (!scope.isWholeCluster()) {
                log.warn("could not remove what the scenario created below " + scope.root() + ": "
                        + e.getMessage());
                return;
            }
            log.warn("could not remove what the scenario created: " + e.getMessage()
                    + "; resetting the whole cluster");
            cluster.reset();
        }
    }

    private static String truncate(String output) {
        if (output == null || output.length() <= OUTPUT_LIMIT) {
            return output;
        }
        return "[... " + (output.length() - OUTPUT_LIMIT) + " characters before]\n"
                + output.substring(output.length() - OUTPUT_LIMIT);
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "scenario" : slug;
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            log.debug("closing HDFS client: " + e.getMessage());
        }
    }
}

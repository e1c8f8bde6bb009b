package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.NbciException;
import io.nbci.notebook.Cell;
import io.nbci.notebook.CellType;
import io.nbci.notebook.Notebook;
import io.nbci.notebook.NotebookFiles;
import io.nbci.report.JUnitXmlWriter;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a notebook top to bottom on a Jupyter kernel, headless, as papermill does: parameters
 * injected, every code cell executed in order until one fails, and the executed notebook
 * written whatever happens (per-cell status, start, end, duration; on failure a marker
 * cell before the failing cell and a banner at the top). Returns one
 * {@link SuiteResult} with a case per code cell.
 *
 * <pre>{@code
 * NotebookRunner runner = new NotebookRunner(KernelSpecs.fromEnvironment(System.getenv()),
 *         TranslatorRegistry.withDefaults(), log);
 * NotebookRun run = runner.run(RunOptions.builder(Path.of("score.ipynb"), Path.of("out/score.ipynb"))
 *         .parameters(Map.of("date", "2024-01-31")).build());
 * System.exit(run.exitCode().code());
 * }</pre>
 */
public final class NotebookRunner {
    /** Tag of the marker and banner cells nbci adds on failure (removed again before a re-run). */
    public static final String ERROR_CELL_TAG = "nbci-error-cell";
    /** Key of nbci's metadata in the notebook and in each cell. */
    public static final String METADATA_KEY = "nbci";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);
    private static final long SAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int CAPTURE_LIMIT = 16 * 1024;

    private final KernelSpecs kernelSpecs;
    private final TranslatorRegistry translators;
    private final LogSink log;

    public NotebookRunner(KernelSpecs kernelSpecs, TranslatorRegistry translators, LogSink log) {
        this.kernelSpecs = kernelSpecs;
        this.translators = translators;
        this.log = log;
    }

    /**
     * Runs one notebook. Failures of the notebook, the kernel or the input are reported in
     * the returned run (exit code, failing case, message), not thrown.
     */
    public NotebookRun run(RunOptions options) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        String suiteName = options.input().toString();
        Notebook notebook;
        try {
            notebook = NotebookFiles.read(options.input());
        } catch (NbciException e) {
            log.error(e.getMessage());
            return new NotebookRun(e.exitCode(), inputError(suiteName, e, startNanos), null, e.getMessage());
        }
        return new Execution(options, notebook, suiteName, started, startNanos).run();
    }

    private static SuiteResult inputError(String suiteName, NbciException e, long startNanos) {
        CaseResult failure = new CaseResult("read notebook", suiteName, Status.ERROR, 0,
                new Failure(e.exitCode() == ExitCode.BAD_INPUT ? "bad-input" : "error", e.getMessage(), null, null,
                        null, null), null, null, List.of());
        return new SuiteResult(suiteName, SuiteResult.Kind.NOTEBOOK, suiteName, elapsedMillis(startNanos),
                List.of(failure), List.of(), List.of(), Map.of());
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** The state of one run. */
    private final class Execution {
        private final RunOptions options;
        private final Notebook notebook;
        private final String suiteName;
        private final Instant started;
        private final long startNanos;
        private final List<CaseResult> cases = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private ExitCode exitCode = ExitCode.OK;
        private String message = "passed";
        private int failedCell = -1;
        private String bannerText;
        private String anchorText;
        private long lastSave;

        Execution(RunOptions options, Notebook notebook, String suiteName, Instant started, long startNanos) {
            this.options = options;
            this.notebook = notebook;
            this.suiteName = suiteName;
            this.started = started;
            this.startNanos = startNanos;
        }

        NotebookRun run() {
            removeErrorCells();
            String kernelName = options.kernelName() != null ? options.kernelName() : notebook.kernelName();
            if (kernelName == null) {
                kernelName = "python3";
                log.warn(suiteName + ": the notebook names no kernel (metadata.kernelspec.name); using python3. "
                        + "Choose one with --kernel");
            }
            properties.put("kernel", kernelName);
            KernelSpec spec = null;
            NbciException kernelError = null;
            if (!options.prepareOnly() || options.kernelName() != null) {
                try {
                    spec = kernelSpecs.find(kernelName);
                } catch (NbciException e) {
                    kernelError = e;
                }
            }
            String language = spec != null && !spec.language().isEmpty() ? spec.language() : notebook.language();
            if (language == null || language.isEmpty()) {
                language = "python";
            }
            properties.put("language", language);
            if (spec != null) {
                setKernelspec(spec);
            }
            // the kernel boots (about half a second of Python imports) while the notebook is prepared
            java.util.concurrent.CompletableFuture<Kernel> starting = null;
            if (!options.prepareOnly() && kernelError == null) {
                KernelSpec startSpec = spec;
                starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> Kernel.start(startSpec,
                        new KernelOptions(options.workingDirectory(), options.startTimeout(), null, null, options.environment()), log),
                        task -> {
                            // its own thread: run-all starts several kernels at once
                            Thread thread = new Thread(task, "nbci-kernel-start");
                            thread.setDaemon(true);
                            thread.start();
                        });
            }
            try {
                if (!options.parameters().isEmpty()) {
                    ParameterTranslator translator = translators.find(kernelName, language);
                    Parameterizer.inject(notebook, options.parameters(), translator, log);
                    properties.put("parameters", String.join(",", options.parameters().keySet()));
                }
            } catch (NbciException e) {
                discard(starting);
                log.error(e.getMessage());
                return new NotebookRun(e.exitCode(), inputError(suiteName, e, startNanos), null, e.getMessage());
            }
            prepareMetadata();
            try {
                save();
            } catch (RuntimeException e) {
                discard(starting);
                throw e;
            }
            if (options.prepareOnly()) {
                log.info(suiteName + ": parameterised notebook written to " + options.output() + " (not run)");
                return finish();
            }
            if (kernelError != null) {
                kernelFailed(kernelError);
                return finish();
            }
            Kernel kernel;
            try {
                kernel = starting.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof NbciException) {
                    kernelFailed((NbciException) e.getCause());
                    return finish();
                }
                throw e;
            }
            try {
                try {
                    setLanguageInfo(kernel);
                    executeCells(kernel);
                } catch (RuntimeException e) {
                    exitCode = ExitCode.INFRASTRUCTURE;
                    message = suiteName + ": internal error while running cells: " + e;
                    log.error(message);
                }
                kernel.requestShutdown();
                return finish();
            } finally {
                kernel.close();
            }
        }

        private void discard(java.util.concurrent.CompletableFuture<Kernel> starting) {
            if (starting != null) {
                try {
                    starting.join().close();
                } catch (RuntimeException e) {
                    // it did not start either; nothing to close
                }
            }
        }

        private void kernelFailed(NbciException e) {
            exitCode = e.exitCode();
            message = e.getMessage();
            log.error(suiteName + ": " + e.getMessage());
            cases.add(new CaseResult("kernel start", suiteName, Status.ERROR, 0,
                    new Failure("kernel-start", firstLine(e.getMessage()), e.getMessage(), null, null, null),
                    null, null, List.of()));
            bannerText = "The kernel could not be started: " + firstLine(e.getMessage());
            List<Cell> cells = notebook.cells();
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).isCode()) {
                    cases.add(skipped(i, cells.get(i), "not run: the kernel did not start"));
                }
            }
        }

        private void executeCells(Kernel kernel) {
            Map<String, List<ObjectNode>> displays = OutputCollector.newDisplayMap();
            OutputCollector collector = new OutputCollector(displays,
                    options.logOutput() ? new LineLogger(log, suiteName) : null, CAPTURE_LIMIT);
            List<Cell> cells = notebook.cells();
            int codeCells = (int) cells.stream().filter(Cell::isCode).count();
            int codeIndex = 0;
            String stopReason = null;
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (!cell.isCode()) {
                    continue;
                }
                codeIndex++;
                if (stopReason != null) {
                    cases.add(skipped(i, cell, stopReason));
                    continue;
                }
                stopReason = executeCell(kernel, collector, cell, i, codeIndex, codeCells);
            }
        }

        /** Runs one cell; returns why the following cells are not run, or null to go on. */
        private String executeCell(Kernel kernel, OutputCollector collector, Cell cell, int index, int codeIndex,
                int codeCells) {
            String source = cell.source();
            ObjectNode meta = cellMetadata(cell);
            if (source.isBlank()) {
                meta.put("status", "completed");
                cases.add(new CaseResult(caseName(index, cell), suiteName, Status.PASSED, 0, null, null, index, List.of()));
                return null;
            }
            cell.clearOutputs();
            collector.startCell(cell.outputs());
            Instant cellStart = Instant.now();
            meta.put("status", "running");
            meta.put("start_time", ISO.format(cellStart));
            ExecuteResult result;
            result = kernel.execute(source, options.cellTimeout(), collector);
            collector.finishCell();
            Instant cellEnd = Instant.now();
            long millis = TimeUnit.NANOSECONDS.toMillis(result.wallNanos());
            cell.setExecutionCount(result.executionCount());
            meta.put("end_time", ISO.format(cellEnd));
            meta.put("duration", result.wallNanos() / 1e9);
            recordTimestamps(cell, result.timestamps());
            String output = collector.capturedOutput();
            String stop = null;
            Status status;
            Failure failure = null;
            ObjectNode error = collector.error();
            switch (result.outcome()) {
                case OK:
                    status = Status.PASSED;
                    break;
                case ERROR: {
                    String ename = error != null ? error.path("ename").asText() : result.reply().path("ename").asText();
                    String evalue = error != null ? error.path("evalue").asText() : result.reply().path("evalue").asText();
                    if (ename.equals("SystemExit") && (evalue.isEmpty() || evalue.equals("0"))) {
                        status = Status.PASSED;
                        stop = "not run: cell " + index + " ended the notebook with sys.exit(" + evalue + ")";
                        log.info(suiteName + ": cell " + index + " called sys.exit(" + evalue + "); the run ends here, successfully");
                        break;
                    }
                    status = Status.FAILED;
                    String traceback = traceback(error != null ? error : result.reply());
                    failure = new Failure(ename, ename + ": " + evalue, traceback, index, null, null);
                    markFailure(index, ExitCode.FAILED, "cell " + index + " raised " + ename + ": " + evalue,
                            "An exception was raised in cell " + index + executionLabel(result) + ": "
                                    + ename + ": " + evalue,
                            "nbci stopped here: this cell raised " + ename + ".");
                    stop = "not run: cell " + index + " raised " + ename;
                    break;
                }
                case TIMEOUT: {
                    status = Status.ERROR;
                    String what = "cell " + index + " did not finish within " + Kernel.seconds(options.cellTimeout())
                            + " (--cell-timeout)";
                    failure = new Failure("timeout", what, error != null ? traceback(error) : null, index, null, null);
                    markFailure(index, ExitCode.TIMEOUT, what, "Cell " + index + " timed out after "
                            + Kernel.seconds(options.cellTimeout()) + ".",
                            "nbci stopped here: this cell did not finish within " + Kernel.seconds(options.cellTimeout())
                                    + ".");
                    stop = "not run: cell " + index + " timed out";
                    break;
                }
                case DIED:
                default: {
                    status = Status.ERROR;
                    Integer code = kernel.exitCode();
                    String what = "the kernel died while running cell " + index
                            + (code == null ? " (it stopped answering its heartbeat)" : " (exit code " + code + ")");
                    failure = new Failure("kernel-died", what, kernel.logTail(), index, null, null);
                    markFailure(index, ExitCode.INFRASTRUCTURE, what, "The kernel died while running cell " + index + ".",
                            "nbci stopped here: the kernel died while running this cell.");
                    stop = "not run: the kernel died in cell " + index;
                    break;
                }
            }
            boolean failed = status != Status.PASSED;
            meta.put("status", failed ? "failed" : "completed");
            meta.put("exception", failed);
            cases.add(new CaseResult(caseName(index, cell), suiteName, status, millis, failure, output, index, List.of()));
            log.info(String.format(Locale.ROOT, "%s: cell %d/%d (index %d) %8.3f s  %-7s %s", suiteName, codeIndex,
                    codeCells, index, result.wallNanos() / 1e9, statusWord(result, status), firstLine(source)));
            if (!failed && System.nanoTime() - lastSave > SAVE_INTERVAL_NANOS) {
                save();
            }
            return stop;
        }

        private String executionLabel(ExecuteResult result) {
            return result.executionCount() == null ? "" : " (In [" + result.executionCount() + "])";
        }

        private String statusWord(ExecuteResult result, Status status) {
            switch (result.outcome()) {
                case TIMEOUT: return "TIMEOUT";
                case DIED: return "DIED";
                default: return status == Status.PASSED ? "ok" : "FAILED";
            }
        }

        private void markFailure(int index, ExitCode code, String what, String banner, String anchor) {
            exitCode = code;
            message = suiteName + ": " + what;
            failedCell = index;
            bannerText = banner;
            anchorText = anchor;
            log.error(message);
        }

        private String traceback(JsonNode error) {
            List<String> lines = new ArrayList<>();
            error.path("traceback").forEach(line -> lines.add(line.asText()));
            String text = String.join("\n", lines);
            if (text.isEmpty()) {
                text = error.path("ename").asText() + ": " + error.path("evalue").asText();
            }
            return JUnitXmlWriter.stripAnsi(text);
        }

        private CaseResult skipped(int index, Cell cell, String reason) {
            return new CaseResult(caseName(index, cell), suiteName, Status.SKIPPED, 0, Failure.of("skipped", reason),
                    null, index, List.of());
        }

        private void recordTimestamps(Cell cell, ExecuteResult.Timestamps t) {
            ObjectNode execution = NODES.objectNode();
            putIfPresent(execution, "iopub.status.busy", t.busy());
            putIfPresent(execution, "iopub.execute_input", t.executeInput());
            putIfPresent(execution, "shell.execute_reply", t.reply());
            putIfPresent(execution, "iopub.status.idle", t.idle());
            if (!execution.isEmpty()) {
                cell.metadata().set("execution", execution);
            }
        }

        private void putIfPresent(ObjectNode node, String key, String value) {
            if (value != null) {
                node.put(key, value);
            }
        }

        private void removeErrorCells() {
            List<Cell> cells = notebook.cells();
            for (int i = cells.size() - 1; i >= 0; i--) {
                if (cells.get(i).hasTag(ERROR_CELL_TAG)) {
                    notebook.removeCell(i);
                }
            }
        }

        private void setKernelspec(KernelSpec spec) {
            ObjectNode kernelspec = NODES.objectNode();
            JsonNode current = notebook.metadata().path("kernelspec");
            if (current.isObject() && spec.name().equals(current.path("name").asText())) {
                return;
            }
            kernelspec.put("name", spec.name());
            kernelspec.put("display_name", spec.displayName());
            kernelspec.put("language", spec.language());
            notebook.metadata().set("kernelspec", kernelspec);
        }

        private void setLanguageInfo(Kernel kernel) {
            JsonNode info = kernel.kernelInfo() == null ? null : kernel.kernelInfo().get("language_info");
            if (info != null && info.isObject()) {
                notebook.metadata().set("language_info", info.deepCopy());
            }
        }

        private void prepareMetadata() {
            ObjectNode meta = NODES.objectNode();
            meta.put("input_path", options.input().toString());
            meta.put("output_path", options.output().toString());
            meta.set("parameters", toJson(options.parameters()));
            meta.put("start_time", ISO.format(started));
            meta.putNull("end_time");
            meta.putNull("duration");
            meta.putNull("exception");
            notebook.metadata().set(METADATA_KEY, meta);
            for (Cell cell : notebook.cells()) {
                if (!cell.isCode()) {
                    continue;
                }
                ObjectNode cellMeta = NODES.objectNode();
                cellMeta.put("status", "pending");
                cellMeta.putNull("start_time");
                cellMeta.putNull("end_time");
                cellMeta.putNull("duration");
                cellMeta.putNull("exception");
                cell.metadata().set(METADATA_KEY, cellMeta);
                cell.metadata().remove("execution");
                if (!options.prepareOnly()) {
                    cell.clearOutputs();
                }
            }
        }

        private ObjectNode cellMetadata(Cell cell) {
            JsonNode meta = cell.metadata().get(METADATA_KEY);
            if (meta instanceof ObjectNode) {
                return (ObjectNode) meta;
            }
            ObjectNode fresh = NODES.objectNode();
            cell.metadata().set(METADATA_KEY, fresh);
            return fresh;
        }

        private void save() {
            notebook.write(options.output());
            lastSave = System.nanoTime();
        }

        private NotebookRun finish() {
            if (bannerText != null) {
                addErrorCells();
            }
            ObjectNode meta = (ObjectNode) notebook.metadata().get(METADATA_KEY);
            Instant end = Instant.now();
            meta.put("end_time", ISO.format(end));
            meta.put("duration", (System.nanoTime() - startNanos) / 1e9);
            meta.put("exception", exitCode != ExitCode.OK);
            save();
            long wall = elapsedMillis(startNanos);
            properties.put("output", options.output().toString());
            SuiteResult suite = new SuiteResult(suiteName, SuiteResult.Kind.NOTEBOOK, options.input().toString(), wall,
                    cases, List.of(new Artifact("notebook", options.output().toString(), "executed notebook")),
                    List.of(), properties);
            if (exitCode == ExitCode.OK && !options.prepareOnly()) {
                log.info(String.format(Locale.ROOT, "%s: passed (%d cells, %.2f s); executed notebook: %s", suiteName,
                        cases.size(), wall / 1000.0, options.output()));
            } else if (exitCode != ExitCode.OK) {
                log.error(suiteName + ": executed notebook with the failure marked: " + options.output());
            }
            return new NotebookRun(exitCode, suite, options.output(), message);
        }

        private void addErrorCells() {
            if (failedCell >= 0 && anchorText != null) {
                Cell anchor = Cell.text(CellType.MARKDOWN, "<span id=\"nbci-error-cell\" style=\"color:red; "
                        + "font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">"
                        + html(anchorText) + "</span>");
                anchor.setTags(List.of(ERROR_CELL_TAG));
                notebook.insertCell(failedCell, anchor);
            }
            String link = failedCell >= 0 ? " <a href=\"#nbci-error-cell\">Go to the cell.</a>" : "";
            Cell banner = Cell.text(CellType.MARKDOWN, "<span style=\"color:red; font-family:Helvetica Neue, "
                    + "Helvetica, Arial, sans-serif; font-size:2em;\">" + html(bannerText) + link + "</span>");
            banner.setTags(List.of(ERROR_CELL_TAG));
            notebook.insertCell(0, banner);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String caseName(int index, Cell cell) {
        return "cell " + index + ": " + firstLine(cell.source());
    }

    static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty()) {
                return stripped.length() > 60 ? stripped.substring(0, 57) + "..." : stripped;
            }
        }
        return "(empty)";
    }

    /** Parameter values as JSON for the notebook's metadata. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return NODES.numberNode((BigInteger) value);
        }
        if (value instanceof BigDecimal) {
            return NODES.numberNode(((BigDecimal) value).doubleValue());
        }
        if (value instanceof Number) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Map) {
            ObjectNode object = NODES.objectNode();
            ((Map<?, ?>) value).forEach((k, v) -> object.set(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List) {
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(v -> array.add(toJson(v)));
            return array;
        }
        return NODES.textNode(value.toString());
    }

    /** Passes stream text to the log line by line, prefixed with the notebook. */
    private static final class LineLogger implements java.util.function.Consumer<String>, Runnable {
        private final LogSink log;
        private final String prefix;
        private final StringBuilder pending = new StringBuilder();

        LineLogger(LogSink log, String suiteName) {
            this.log = log;
            this.prefix = suiteName + " | ";
        }

        @Override
        public void accept(String text) {
            pending.append(text);
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                log.info(prefix + pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
            if (pending.length() > 8192) {
                log.info(prefix + pending);
                pending.setLength(0);
            }
        }

        /** Flushes a last line that had no newline. */
        @Override
        public void run() {
            if (pending.length() > 0) {
                log.info(prefix + pending);
                pending.setLength(0);
            }
        }
    }
}

package io.nbci.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbci.common.ExitCode;
import io.nbci.notebook.Cell;
import io.nbci.notebook.Notebook;
import io.nbci.results.Artifact;
import io.nbci.results.CaseResult;
import io.nbci.results.Failure;
import io.nbci.results.RunResults;
import io.nbci.results.Status;
import io.nbci.results.SuiteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook with Debian's {@code jupyter nbconvert --execute} (the real ipykernel)
 * and turns the executed notebook into results as {@code nbci run} does: one case per code
 * cell, durations from the kernel's timing metadata, the raising cell failed.
 */
final class ExecutedNotebooks {

    private ExecutedNotebooks() {
    }

    static Path execute(Path dir, String hostileHtml) throws Exception {
        Notebook notebook = Notebook.create("real");
        notebook.addCell(Cell.code("rows = 3").setTags(List.of("parameters")));
        notebook.addCell(Cell.code("import pandas as pd\n"
                + "df = pd.DataFrame({'offer': [100, 101, 102], 'score': [0.93, 0.41, None]})\ndf"));
        notebook.addCell(Cell.code("import struct, zlib\nfrom IPython.display import Image, display\n"
                + "def png(w, h):\n"
                + "    raw = b''.join(b'\\x00' + bytes([200, 30, 30]) * w for _ in range(h))\n"
                + "    def chunk(t, d):\n"
                + "        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)\n"
                + "    return (b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))\n"
                + "            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))\n"
                + "display(Image(png(40, 20)))"));
        notebook.addCell(Cell.code("from IPython.display import HTML\nHTML(" 
                + new ObjectMapper().writeValueAsString(hostileHtml) + ")"));
        notebook.addCell(Cell.code("print('log line\\n' * 1_200_000)"));
        notebook.addCell(Cell.code("ratio = rows / 0"));
        notebook.addCell(Cell.code("print('after the failure')"));
        Path input = dir.resolve("real.ipynb");
        notebook.write(input);

        ProcessBuilder builder = new ProcessBuilder("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--allow-errors", "--ExecutePreprocessor.timeout=120", "--output", "real.out.ipynb", "real.ipynb")
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nbconvert.log").toFile());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                throw new AssertionError("nbconvert did not finish in 180 s");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("nbconvert failed: " + Files.readString(dir.resolve("nbconvert.log"),
                    StandardCharsets.UTF_8));
        }
        return dir.resolve("real.out.ipynb");
    }

    static RunResults results(Path executed, String name) {
        Notebook notebook = Notebook.read(executed);
        List<CaseResult> cases = new ArrayList<>();
        long total = 0;
        boolean failed = false;
        for (int index = 0; index < notebook.size(); index++) {
            Cell cell = notebook.cell(index);
            if (!cell.isCode()) {
                continue;
            }
            long millis = millis(cell.metadata().path("execution"));
            total += millis;
            String first = cell.source().lines().findFirst().orElse("");
            Failure failure = null;
            for (JsonNode output : cell.outputs()) {
                if ("error".equals(output.path("output_type").asText())) {
                    failure = new Failure(output.path("ename").asText(), output.path("evalue").asText(), null, index,
                            null, null);
                }
            }
            Status status = failure != null ? Status.FAILED : Status.PASSED;
            failed |= failure != null;
            cases.add(new CaseResult("cell " + index + ": " + first, name, status, millis, failure, null, index,
                    List.of()));
        }
        SuiteResult suite = new SuiteResult(name, SuiteResult.Kind.NOTEBOOK, name, total, cases,
                List.of(new Artifact("notebook", executed.getFileName().toString(), "executed by nbconvert")),
                List.of(), Map.of("kernel", "python3"));
        return RunResults.of("run", Instant.now(), total, failed ? ExitCode.FAILED : ExitCode.OK, List.of(suite));
    }

    private static long millis(JsonNode timing) {
        JsonNode start = timing.get("iopub.execute_input");
        JsonNode end = timing.get("shell.execute_reply");
        if (start == null || end == null) {
            return 0;
        }
        return Duration.between(Instant.parse(start.asText()), Instant.parse(end.asText())).toMillis();
    }
}

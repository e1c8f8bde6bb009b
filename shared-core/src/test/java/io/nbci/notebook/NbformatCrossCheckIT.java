package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Jupyter's own library (python3-nbformat, run with /usr/bin/python3) validates every
 * notebook nbci writes, and writes it back to the same bytes: notebooks converted from the
 * corpus' scripts, from the jupytext fixtures, and generated ones.
 */
public class NbformatCrossCheckIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CHECK = String.join("\n",
            "import sys, nbformat",
            "bad = 0",
            "for path in sys.argv[1:]:",
            "    text = open(path, encoding='utf-8').read()",
            "    nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)",
            "    try:",
            "        nbformat.validate(nb)",
            "    except Exception as e:",
            "        bad += 1; print('INVALID', path, str(e).splitlines()[0]); continue",
            "    if nbformat.writes(nb) + '\\n' != text:",
            "        bad += 1; print('DIFFERENT BYTES', path)",
            "print('checked', len(sys.argv) - 1, 'bad', bad)",
            "sys.exit(1 if bad else 0)");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void shouldWriteNotebooksThatJupyterValidatesAndWritesIdentically() throws Exception {
        assumeTrue("needs /usr/bin/python3 with nbformat (scripts/setup.sh installs python3-nbformat)", hasNbformat());
        Path out = temp.getRoot().toPath();
        List<String> files = new ArrayList<>();
        try (Stream<Path> corpus = Files.list(NotebookCorpusTest.CORPUS)) {
            for (Path file : (Iterable<Path>) corpus.sorted()::iterator) {
                if (!file.toString().endsWith(".ipynb") || file.getFileName().toString().startsWith("22_")) {
                    continue; // 22 holds fields the schema rejects on purpose
                }
                Notebook notebook = Notebook.read(file);
                Notebook fromScript = PyPercent.read(PyPercent.write(notebook), file.toString());
                files.add(write(out.resolve("script-of-" + file.getFileName()), fromScript));
                if (!file.getFileName().toString().startsWith("23_")) { // keeps its one-string sources, as read
                    files.add(write(out.resolve("combined-" + file.getFileName()),
                            NotebookPairs.combine(fromScript, notebook)));
                }
            }
        }
        Path fixtures = Path.of(System.getProperty("nbci.repo.root", ".."), "src/test/resources/py-percent");
        try (Stream<Path> scripts = Files.list(fixtures)) {
            for (Path file : (Iterable<Path>) scripts.sorted()::iterator) {
                files.add(write(out.resolve(file.getFileName() + ".ipynb"), NotebookFiles.read(file)));
            }
        }
        Random seeds = new Random(Long.getLong("nbci.seed", 20261123L));
        for (int i = 0; i < 60; i++) {
            files.add(write(out.resolve("generated-" + i + ".ipynb"), RandomRoundTripTest.generate(new Random(seeds.nextLong()))));
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", CHECK));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("checked " + files.size() + " bad 0");
    }

    private static String write(Path file, Notebook notebook) {
        notebook.write(file);
        return file.toString();
    }

    private static boolean hasNbformat() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import nbformat").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Test
    public void shouldWriteTheScriptHeaderAsPyYamlDoes() throws Exception {
        assumeTrue("needs /usr/bin/python3 with yaml", runs("import yaml"));
        String metadata = "{\"kernelspec\": {\"display_name\": \"Python 3 (ipykernel)\", \"language\": \"python\","
                + " \"name\": \"python3\"}, \"jupytext\": {\"formats\": \"ipynb,py:percent\", \"cell_metadata_filter\":"
                + " \"-all\", \"text_representation\": {\"extension\": \".py\", \"format_name\": \"percent\","
                + " \"format_version\": \"1.3\", \"jupytext_version\": \"1.16.4\"}}, \"tocdepth\": 2, \"orphan\": true,"
                + " \"odd\": {\"empty\": \"\", \"yes\": \"yes\", \"num\": \"123\", \"float\": \"1.5\", \"date\":"
                + " \"2024-01-02\", \"colon\": \"a: b\", \"hash\": \"a #b\", \"lead\": \" x\", \"star\": \"*x\","
                + " \"list\": [1, \"two\", {\"a\": 1, \"b\": [2]}], \"emptylist\": [], \"emptymap\": {}, \"null\": null,"
                + " \"f\": 0.5, \"e\": 1e-05, \"big\": 1e20, \"tilde\": \"~\", \"quote\": \"it's\", \"dash\": \"- x\","
                + " \"pct\": \"%x\", \"uni\": \"caf\u00e9\", \"octal\": \"0755\", \"sex\": \"1:30\", \"dot\": \".5\"}}";
        Path json = temp.newFile("meta.json").toPath();
        Files.writeString(json, metadata);
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import json, sys, yaml\n"
                + "sys.stdout.write(yaml.safe_dump({'jupyter': json.load(open(sys.argv[1]))}, default_flow_style=False))",
                json.toString()).redirectErrorStream(true).start();
        String expected = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String actual = String.join("\n", HeaderYaml.dump("jupyter", NotebookJson.parse(metadata, "meta.json"))) + "\n";
        assertThat(actual).isEqualTo(expected);
    }

    private static boolean runs(String code) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process process = new ProcessBuilder(PYTHON.toString(), "-c", code).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}

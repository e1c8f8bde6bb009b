package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * Generated notebooks (seeded; the seed is printed when a case fails, and
 * {@code -Dnbci.seed=N} replays it) must round-trip: JSON to JSON, notebook to script and back
 * (combined with the notebook for outputs), script to notebook to script, and agree with
 * their own script.
 */
public class RandomRoundTripTest {
    private static final int CASES = 250;

    private static final String[] CODE_LINES = {
        "x = 1", "y = x + 2  # a comment", "import os", "print('héllo ✓ 🎉')", "# a plain comment", "",
        "%time f(x)", "%matplotlib inline", "!ls -la", "files = !ls", "df?", "ls", "cd /tmp", "    indented = True",
        "@decorator", "def f(a):", "    return a", "class K:", "    pass", "value = {'a': [1, 2]}", "#%timeit y",
        "   ", "total = 1 % 2", "    %time y", "!echo a \\\n  continued", "if x:", "\tx += 1", "s = \"it's\"",
    };
    private static final String[] TEXT_LINES = {
        "# Title", "## Sub-title", "Some *text* with `code`.", "", "- item", "%%bash is not a magic here",
        "# cd notes", "!important", "```python", "x = 1", "```", "ünïcödé 中文 🎉", "    indented", "$x^2$",
        "#", "% percent", "a \"quoted\" word", "back\\slash",
    };
    private static final String[] LANGUAGE_MAGICS = {"%%bash", "%%html", "%%sql db://x", "%%javascript", "%%time",
        "%%capture out"};
    private static final String[] TAGS = {"parameters", "a-b", "ünï", "x y", "slow"};

    @Test
    public void shouldRoundTripGeneratedNotebooks() {
        long master = Long.getLong("nbci.seed", System.nanoTime());
        Random seeds = new Random(master);
        for (int n = 0; n < CASES; n++) {
            long seed = seeds.nextLong();
            Notebook notebook = generate(new Random(seed));
            String json = notebook.toJson();
            try {
                checkRoundTrips(notebook, json);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("round trip failed for generated notebook; replay with -Dnbci.seed=" + master
                        + " (case " + n + ", case seed " + seed + "):\n" + json, e);
            }
        }
    }

    private static void checkRoundTrips(Notebook notebook, String json) {
        assertThat(Notebook.parse(json, "generated.ipynb").toJson()).as("JSON round trip").isEqualTo(json);
        String script = PyPercent.write(notebook);
        Notebook fromScript = PyPercent.read(script, "generated.py");
        assertThat(NotebookPairs.combine(fromScript, notebook).toJson()).as("ipynb -> py -> ipynb").isEqualTo(json);
        assertThat(PyPercent.write(fromScript)).as("py -> ipynb -> py").isEqualTo(script);
        assertThat(NotebookPairs.compare(notebook, PyPercent.parse(script, "generated.py"))).as("check").isEmpty();
        for (int i = 0; i < notebook.size(); i++) {
            assertThat(fromScript.cell(i).type()).as("type of cell " + i).isEqualTo(notebook.cell(i).type());
            assertThat(fromScript.cell(i).tags()).as("tags of cell " + i).isEqualTo(notebook.cell(i).tags());
            assertThat(fromScript.cell(i).source().stripTrailing()).as("source of cell " + i)
                    .isEqualTo(notebook.cell(i).source().stripTrailing());
        }
    }

    static Notebook generate(Random random) {
        Notebook notebook = Notebook.create("generated.ipynb");
        int minor = new int[] {0, 4, 5, 5}[random.nextInt(4)];
        notebook.json().put("nbformat_minor", minor);
        if (random.nextInt(4) > 0) {
            ObjectNode kernelspec = notebook.metadata().putObject("kernelspec");
            kernelspec.put("display_name", random.nextBoolean() ? "Python 3 (ipykernel)" : "Pÿthon ✓");
            kernelspec.put("language", "python");
            kernelspec.put("name", "python3");
        }
        if (random.nextInt(3) == 0) {
            notebook.metadata().putObject("language_info").put("name", "python");
        }
        if (random.nextInt(4) == 0) {
            notebook.metadata().putObject("jupytext").put("formats", "ipynb,py:percent");
        }
        int cells = random.nextInt(9);
        int count = 0;
        List<Cell> list = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            int kind = random.nextInt(10);
            Cell cell;
            if (kind < 6) {
                cell = Cell.code(code(random));
                if (random.nextInt(3) == 0) {
                    cell.setExecutionCount(++count + random.nextInt(3));
                    ArrayNode outputs = cell.outputs();
                    ObjectNode stream = outputs.addObject();
                    stream.put("name", "stdout");
                    stream.put("output_type", "stream");
                    stream.putArray("text").add("out " + c + "\n");
                }
            } else {
                cell = Cell.text(kind < 9 ? CellType.MARKDOWN : CellType.RAW, text(random));
            }
            metadata(cell, random);
            if (minor >= 5) {
                cell.setId("c" + c + "-" + Integer.toHexString(random.nextInt(0xffff)));
            }
            list.add(cell);
        }
        notebook.setCells(list);
        return Notebook.parse(notebook.toJson(), "generated.ipynb");
    }

    private static String code(Random random) {
        StringBuilder source = new StringBuilder();
        if (random.nextInt(6) == 0) {
            source.append(LANGUAGE_MAGICS[random.nextInt(LANGUAGE_MAGICS.length)]).append('\n');
        }
        int lines = random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            if (random.nextInt(8) == 0) {
                source.append("doc = '''\n# %% not a marker\n%not_a_magic\n'''\n");
            } else {
                source.append(CODE_LINES[random.nextInt(CODE_LINES.length)]).append('\n');
            }
        }
        return ending(source, random);
    }

    private static String text(Random random) {
        StringBuilder source = new StringBuilder();
        int lines = random.nextInt(5);
        for (int i = 0; i < lines; i++) {
            source.append(TEXT_LINES[random.nextInt(TEXT_LINES.length)]).append('\n');
        }
        return ending(source, random);
    }

    private static String ending(StringBuilder source, Random random) {
        String text = source.toString();
        String withoutNewlines = text.replaceAll("\n+$", "");
        if (!withoutNewlines.equals(withoutNewlines.stripTrailing())) {
            // whitespace-only lines at the end of a cell are blank-line layout in a script (as in jupytext)
            text = text + "z = 0\n";
        }
        switch (random.nextInt(4)) {
            case 0: return text;                                   // ends with one newline
            case 1: return text + "\n";                            // two
            default: return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }

    private static void metadata(Cell cell, Random random) {
        if (random.nextInt(3) == 0) {
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(4) == 0) {
                    tags.add(tag);
                }
            }
            cell.setTags(tags);
        }
        ObjectNode metadata = cell.metadata();
        if (random.nextInt(5) == 0) {
            metadata.putObject("slideshow").put("slide_type", "slide");
        }
        if (random.nextInt(6) == 0) {
            metadata.put("collapsed", true);
            metadata.putObject("ExecuteTime").put("end_time", "2024-01-01T00:00:00Z");
        }
        if (random.nextInt(6) == 0) {
            ObjectNode custom = metadata.putObject("custom");
            custom.put("ratio", random.nextInt(1000) / 8.0);
            custom.put("label", "naïve \"q\"");
            custom.putArray("list").add(1).add("two").addNull();
        }
    }
}

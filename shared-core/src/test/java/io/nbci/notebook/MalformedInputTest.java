package io.nbci.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nbci.common.ExitCode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/** Every malformed input fails as bad input (exit 2) with a message that says where: line:column, cell, field. */
@RunWith(Parameterized.class)
public class MalformedInputTest {
    private static final Path MALFORMED = Path.of(System.getProperty("nbci.repo.root", ".."), "src/test/resources/malformed");

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> cases() {
        return Arrays.asList(new Object[][] {
            {"unclosed_list.ipynb", new String[] {"unclosed_list.ipynb:5:3: malformed JSON", "expected ']'",
                "line 4, column 14"}},
            {"trailing_comma.ipynb", new String[] {"trailing_comma.ipynb:6:1: malformed JSON"}},
            {"empty.ipynb", new String[] {"empty.ipynb: empty file"}},
            {"nbformat3.ipynb", new String[] {"nbformat 3 is not supported", "4.0 to 4.5"}},
            {"missing_cell_type.ipynb", new String[] {"cell 1: missing 'cell_type'"}},
            {"duplicate_ids.ipynb", new String[] {"cell 1: duplicate 'id' \"same\" (also cell 0)",
                "cell 2: invalid 'id' \"not valid!\""}},
            {"wrong_types.ipynb", new String[] {"5 problems", "cell 0: 'source' must be a string or a list of strings",
                "cell 0: 'execution_count' must be a whole number or null, found \"one\"",
                "cell 0: 'outputs' must be a list", "cell 1: 'metadata.tags' must be a list of strings",
                "cell 2: output 0: missing 'output_type'"}},
            {"bad_header.py", new String[] {"bad_header.py:4: the YAML header is not valid"}},
            {"latin1.py", new String[] {"latin1.py:1: encoding latin-1 is not supported"}},
            {"not_utf8.py", new String[] {"not_utf8.py: not UTF-8 text; scripts must be UTF-8"}},
        });
    }

    private final String name;
    private final String[] fragments;

    public MalformedInputTest(String name, String[] fragments) {
        this.name = name;
        this.fragments = fragments;
    }

    @Test
    public void shouldFailWithALocatedMessage() {
        NotebookException error = catchThrowableOfType(() -> NotebookFiles.read(MALFORMED.resolve(name)),
                NotebookException.class);
        assertThat(error).as(name + " must be refused").isNotNull();
        assertThat(error.getMessage()).startsWith(MALFORMED.resolve(name).toString()).contains(fragments);
        assertThat(error.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }
}

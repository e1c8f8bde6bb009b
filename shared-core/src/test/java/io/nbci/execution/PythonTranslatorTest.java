package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class PythonTranslatorTest extends AbstractParameterTranslatorTest {

    @Override
    protected ParameterTranslator translator() {
        return new PythonTranslator();
    }

    @Override
    protected List<String> expectedScalars() {
        return List.of("None", "True", "False", "42", "123456789012345678901234567890", "2.5", "1e-05",
                "float('nan')", "float('inf')", "float('-inf')", "\"plain\"");
    }

    @Test
    public void shouldEscapeStringsAsUnicodeEscapeDoes() {
        assertThat(PythonTranslator.string("tab\tnew\nret\r")).isEqualTo("\"tab\\tnew\\nret\\r\"");
        assertThat(PythonTranslator.string("it's \"q\" \\")).isEqualTo("\"it's \\\"q\\\" \\\\\"");
        assertThat(PythonTranslator.string("\u00e9\u4e2d\uD83D\uDE00\u0001")).isEqualTo("\"\\xe9\\u4e2d\\U0001f600\\x01\"");
    }

    @Test
    public void shouldRenderDictsWithStringKeys() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1L);
        map.put("b", List.of(true, 1.0));
        assertThat(translator().literal(map)).isEqualTo("{\"a\": 1, \"b\": [True, 1.0]}");
    }

    @Test
    public void shouldFindAnnotatedAssignmentsButNotComparisonsOrIndentedLines() {
        assertThat(translator().parameterNames("a = 1\nb: int = 2\nc == 3\n  d = 4\n# e = 5\nf=6"))
                .containsExactly("a", "b", "f");
    }
}

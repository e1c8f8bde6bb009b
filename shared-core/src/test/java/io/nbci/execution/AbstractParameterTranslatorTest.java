package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The contract every {@link ParameterTranslator} passes: each value type renders, the
 * injected cell is a comment plus one assignment per parameter in order, the names it
 * assigns are recognised as a parameters cell, and values it cannot render are a clear
 * bad-input error. Subclasses give the translator and the literals of their language.
 */
public abstract class AbstractParameterTranslatorTest {

    protected abstract ParameterTranslator translator();

    /** Expected literals for: null, true, false, 42, big int, 2.5, 1e-05, NaN, +inf, -inf, plain string. */
    protected abstract List<String> expectedScalars();

    @Test
    public void shouldRenderEveryScalarType() {
        List<Object> values = Arrays.asList(null, true, false, 42L, new BigInteger("123456789012345678901234567890"),
                2.5, 1e-5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, "plain");
        List<String> expected = expectedScalars();
        assertThat(expected).hasSize(values.size());
        for (int i = 0; i < values.size(); i++) {
            assertThat(translator().literal(values.get(i))).as("literal of " + values.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    public void shouldRenderNestedListsAndMaps() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", Arrays.asList(1L, null));
        String literal = translator().literal(Arrays.asList(inner, "x"));
        assertThat(literal).contains(translator().literal(1L)).contains(translator().literal(null))
                .contains(translator().literal("k")).contains(translator().literal("x"));
    }

    @Test
    public void shouldEscapeQuotesBackslashesAndNewlinesInStrings() {
        String literal = translator().literal("a\"b\\c\nd");
        assertThat(literal).doesNotContain("\n").contains("\\\"").contains("\\\\").contains("\\n");
    }

    @Test
    public void shouldCodifyACommentThenOneAssignmentPerParameterInOrder() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("zeta", 1L);
        parameters.put("alpha", "a");
        String code = translator().codify(parameters, "Parameters");
        String[] lines = code.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(translator().comment("Parameters"));
        assertThat(lines[1]).isEqualTo(translator().assign("zeta", translator().literal(1L)));
        assertThat(lines[2]).isEqualTo(translator().assign("alpha", translator().literal("a")));
        assertThat(code).endsWith("\n");
    }

    @Test
    public void shouldRecogniseTheNamesItsOwnCellAssigns() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("first", 1L);
        parameters.put("second_value", List.of(1L, 2L));
        assertThat(translator().parameterNames(translator().codify(parameters, "defaults")))
                .containsExactly("first", "second_value");
    }

    @Test
    public void shouldRejectValuesItCannotRender() {
        assertThatThrownBy(() -> translator().literal(new Object()))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Object")
                .satisfies(e -> assertThat(((ExecutionException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    public void shouldBeFoundInTheDefaultRegistryByItsLanguage() {
        for (String language : translator().languages()) {
            assertThat(TranslatorRegistry.withDefaults().find("any-kernel", language).getClass())
                    .isEqualTo(translator().getClass());
        }
    }
}

package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

public class ParameterValuesTest {

    @Test
    public void shouldTypeCommandLineValuesAsPapermillDoes() {
        assertThat(ParameterValues.typed("True")).isEqualTo(true);
        assertThat(ParameterValues.typed("False")).isEqualTo(false);
        assertThat(ParameterValues.typed("None")).isNull();
        assertThat(ParameterValues.typed("true")).isEqualTo("true");
        assertThat(ParameterValues.typed("42")).isEqualTo(42L);
        assertThat(ParameterValues.typed(" -7 ")).isEqualTo(-7L);
        assertThat(ParameterValues.typed("1_000")).isEqualTo(1000L);
        assertThat(ParameterValues.typed("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(ParameterValues.typed("2.5")).isEqualTo(2.5);
        assertThat(ParameterValues.typed("1e3")).isEqualTo(1000.0);
        assertThat(ParameterValues.typed(".5")).isEqualTo(0.5);
        assertThat(ParameterValues.typed("5.")).isEqualTo(5.0);
        assertThat((Double) ParameterValues.typed("nan")).isNaN();
        assertThat(ParameterValues.typed("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ParameterValues.typed("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ParameterValues.typed("0x10")).isEqualTo("0x10");
        assertThat(ParameterValues.typed("2024-01-31")).isEqualTo("2024-01-31");
        assertThat(ParameterValues.typed(".")).isEqualTo(".");
    }

    @Test
    public void shouldMergeFilesThenTypedThenRawKeepingFirstPositions() throws Exception {
        Path yaml = Files.createTempFile("params", ".yaml");
        Files.writeString(yaml, "a: 1\nb: [x, 2]\nc: text\n");
        ParameterValues values = new ParameterValues().addFile(yaml).addTyped("c", "3.5").addTyped("d", "None")
                .addRaw("a", "raw");
        assertThat(values.values().keySet()).containsExactly("a", "b", "c", "d");
        assertThat(values.values().get("a")).isEqualTo("raw");
        assertThat(values.values().get("b")).isEqualTo(List.of("x", 2L));
        assertThat(values.values().get("c")).isEqualTo(3.5);
        assertThat(values.values().get("d")).isNull();
        Files.delete(yaml);
    }
}

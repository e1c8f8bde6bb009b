package io.nbci.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;

public class RowComparisonTest {

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    public void shouldIgnoreOrderByDefaultAndMatchNumbersToTheirText() {
        RowComparison.Diff diff = RowComparison.compare(List.of(row(100L, "a"), row(200L, "b")),
                List.of(row("200", "b"), row(100, "a")), false, 0);

        assertThat(diff.matches()).isTrue();
    }

    @Test
    public void shouldListMissingAndUnexpectedRows() {
        RowComparison.Diff diff = RowComparison.compare(List.of(row(100L, "2016-10-10"), row(1L, null)),
                List.of(row(100L, "2016-10-11"), row(1L, null)), false, 0);

        assertThat(diff.matches()).isFalse();
        assertThat(diff.render()).isEqualTo("- [100, \"2016-10-10\"]\n+ [100, \"2016-10-11\"]\n");
    }

    @Test
    public void shouldApplyTheNumericTolerance() {
        assertThat(RowComparison.compare(List.of(row(33.33)), List.of(row(33.3333333)), false, 0.01).matches())
                .isTrue();
        assertThat(RowComparison.compare(List.of(row(33.33)), List.of(row(33.3333333)), false, 0.001).matches())
                .isFalse();
    }

    @Test
    public void shouldCountDuplicatesAsMultisets() {
        RowComparison.Diff diff = RowComparison.compare(List.of(row(1), row(1)), List.of(row(1)), false, 0);

        assertThat(diff.missing()).containsExactly(row(1));
    }

    @Test
    public void shouldReportOrderWhenOrderedComparisonIsAsked() {
        RowComparison.Diff diff = RowComparison.compare(List.of(row(1), row(2)), List.of(row(2), row(1)), true, 0);

        assertThat(diff.matches()).isFalse();
        assertThat(diff.orderDiffers()).isTrue();
        assertThat(RowComparison.compare(List.of(row(1), row(2)), List.of(row(2), row(1)), false, 0).matches())
                .isTrue();
    }

    @Test
    public void shouldNotMatchNullToTheTextNull() {
        assertThat(RowComparison.valueEquals(null, "null", 0)).isFalse();
        assertThat(RowComparison.valueEquals(true, "TRUE", 0)).isTrue();
    }
}

package io.nbci.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class ExitCodeTest {

    @Test
    public void shouldKeepTheDocumentedNumbers() {
        assertThat(ExitCode.OK.code()).isZero();
        assertThat(ExitCode.FAILED.code()).isEqualTo(1);
        assertThat(ExitCode.BAD_INPUT.code()).isEqualTo(2);
        assertThat(ExitCode.INFRASTRUCTURE.code()).isEqualTo(3);
        assertThat(ExitCode.TIMEOUT.code()).isEqualTo(4);
        assertThat(ExitCode.of(4)).isEqualTo(ExitCode.TIMEOUT);
        assertThatThrownBy(() -> ExitCode.of(7)).hasMessageContaining("7");
    }

    @Test
    public void shouldLetTheMoreSevereOutcomeWinWhenRunsAreCombined() {
        assertThat(ExitCode.OK.worst(ExitCode.FAILED)).isEqualTo(ExitCode.FAILED);
        assertThat(ExitCode.FAILED.worst(ExitCode.TIMEOUT)).isEqualTo(ExitCode.TIMEOUT);
        assertThat(ExitCode.INFRASTRUCTURE.worst(ExitCode.FAILED)).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(ExitCode.OK.worst(ExitCode.OK)).isEqualTo(ExitCode.OK);
    }
}

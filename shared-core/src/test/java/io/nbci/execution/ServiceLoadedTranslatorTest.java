package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.Test;

/** A translator added through ServiceLoader passes the same contract and is chosen by kernel name first. */
public class ServiceLoadedTranslatorTest extends AbstractParameterTranslatorTest {

    @Override
    protected ParameterTranslator translator() {
        return new ServiceLoadedTranslator();
    }

    @Override
    protected List<String> expectedScalars() {
        return List.of("None", "True", "False", "42", "123456789012345678901234567890", "2.5", "1e-05",
                "float('nan')", "float('inf')", "float('-inf')", "\"plain\"");
    }

    @Test
    public void shouldBeChosenByKernelNameBeforeLanguage() {
        TranslatorRegistry registry = TranslatorRegistry.withDefaults();
        assertThat(registry.find("team-pyspark", "r")).isInstanceOf(ServiceLoadedTranslator.class);
        assertThat(registry.find("ir", "R")).isInstanceOf(RTranslator.class);
        assertThat(registry.find("python3", "python")).isInstanceOf(PythonTranslator.class);
    }

    @Test
    public void shouldNameTheKnownLanguagesWhenNoneFits() {
        assertThatThrownBy(() -> TranslatorRegistry.withDefaults().find("almond", "scala"))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("'scala'").hasMessageContaining("python").hasMessageContaining("r")
                .hasMessageContaining("META-INF/services");
    }
}

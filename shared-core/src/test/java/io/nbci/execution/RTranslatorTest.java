package io.nbci.execution;

import java.util.List;

public class RTranslatorTest extends AbstractParameterTranslatorTest {

    @Override
    protected ParameterTranslator translator() {
        return new RTranslator();
    }

    @Override
    protected List<String> expectedScalars() {
        return List.of("NULL", "TRUE", "FALSE", "42", "123456789012345678901234567890", "2.5", "1e-05",
                "NaN", "Inf", "-Inf", "\"plain\"");
    }
}

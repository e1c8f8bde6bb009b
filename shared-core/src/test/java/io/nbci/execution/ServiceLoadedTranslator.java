package io.nbci.execution;

import java.util.List;
import java.util.Set;

/**
 * A translator found only through {@code META-INF/services} (test resources), standing in
 * for a team's own kernel: Python literals for the kernel named {@code team-pyspark}.
 */
public final class ServiceLoadedTranslator implements ParameterTranslator {
    private final PythonTranslator python = new PythonTranslator();

    @Override
    public Set<String> languages() {
        return Set.of("teamlang");
    }

    @Override
    public Set<String> kernelNames() {
        return Set.of("team-pyspark");
    }

    @Override
    public String literal(Object value) {
        return python.literal(value);
    }

    @Override
    public String comment(String text) {
        return python.comment(text);
    }

    @Override
    public String assign(String name, String literal) {
        return python.assign(name, literal);
    }

    @Override
    public List<String> parameterNames(String source) {
        return python.parameterNames(source);
    }
}

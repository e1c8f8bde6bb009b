package io.nbci.execution;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders parameters as code of one kernel language, as papermill's translators do: the
 * injected-parameters cell is {@link #comment(String) a comment} followed by one
 * {@link #assign(String, String) assignment} per parameter, each value a literal of the
 * language.
 *
 * <p>Values are what nbci reads from {@code -p}, {@code -r} and {@code -f}: {@code null},
 * {@link Boolean}, {@link Integer}/{@link Long}/{@link java.math.BigInteger},
 * {@link Float}/{@link Double}/{@link java.math.BigDecimal} (including NaN and
 * infinities), {@link String}, {@link List} and {@link Map} of those, nested.
 *
 * <p>Add a language by implementing this interface and listing the class in
 * {@code META-INF/services/io.nbci.execution.ParameterTranslator}; every translator
 * passes {@code AbstractParameterTranslatorTest}.
 */
public interface ParameterTranslator {

    /** Lower-case kernel languages this translator serves ({@code language_info.name}, kernelspec language). */
    Set<String> languages();

    /** Kernel names served before any language match (papermill looks the kernel name up first); usually empty. */
    default Set<String> kernelNames() {
        return Set.of();
    }

    /** The literal for one value. */
    String literal(Object value);

    /** A one-line comment. */
    String comment(String text);

    /** One assignment statement. */
    String assign(String name, String literal);

    /**
     * The names a parameters cell assigns, in order, for the unknown-parameter warning;
     * an empty list when it cannot tell.
     */
    List<String> parameterNames(String source);

    /** The whole injected cell: a comment line, then one assignment per parameter, each line ended. */
    default String codify(Map<String, Object> parameters, String commentText) {
        StringBuilder code = new StringBuilder(comment(commentText)).append('\n');
        parameters.forEach((name, value) -> code.append(assign(name, literal(value))).append('\n'));
        return code.toString();
    }

    /** The error for a value this translator cannot render. */
    static ExecutionException unsupported(Object value, String language) {
        return ExecutionException.badInput("cannot render a parameter value of type "
                + (value == null ? "null" : value.getClass().getSimpleName()) + " as " + language
                + "; expected null, booleans, numbers, strings, lists or maps");
    }
}

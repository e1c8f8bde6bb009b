package io.nbci.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Chooses the {@link ParameterTranslator} for a kernel: first one that names the kernel,
 * then one that serves its language, as papermill does. An instance, seeded with the
 * defaults (Python, R) and extended through {@link ServiceLoader}; later registrations win.
 *
 * <pre>{@code
 * ParameterTranslator translator = TranslatorRegistry.withDefaults().find("python3", "python");
 * }</pre>
 */
public final class TranslatorRegistry {
    private final List<ParameterTranslator> translators = new ArrayList<>();

    /** An empty registry. */
    public TranslatorRegistry() {
    }

    /** The built-in translators plus every one found by {@link ServiceLoader}. */
    public static TranslatorRegistry withDefaults() {
        TranslatorRegistry registry = new TranslatorRegistry();
        registry.register(new PythonTranslator());
        registry.register(new RTranslator());
        for (ParameterTranslator translator : ServiceLoader.load(ParameterTranslator.class,
                TranslatorRegistry.class.getClassLoader())) {
            registry.register(translator);
        }
        return registry;
    }

    /** Adds a translator; it takes precedence over earlier ones for the same kernel or language. */
    public TranslatorRegistry register(ParameterTranslator translator) {
        translators.add(0, translator);
        return this;
    }

    /**
     * The translator for a kernel.
     *
     * @throws ExecutionException (exit code 2) naming the kernel, the language and the languages known
     */
    public ParameterTranslator find(String kernelName, String language) {
        for (ParameterTranslator translator : translators) {
            if (kernelName != null && translator.kernelNames().contains(kernelName)) {
                return translator;
            }
        }
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        for (ParameterTranslator translator : translators) {
            if (translator.languages().contains(lang)) {
                return translator;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        translators.forEach(t -> known.addAll(t.languages()));
        throw ExecutionException.badInput("no parameter translator for kernel '" + kernelName + "' (language '"
                + language + "'); translators exist for: " + String.join(", ", known)
                + ". Add one through META-INF/services/" + ParameterTranslator.class.getName());
    }
}

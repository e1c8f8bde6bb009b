package io.nbci.jenkins.shim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * COMPILE-ONLY build helper written for nbci (not Jenkins code): writes the {@code @Symbol}
 * index {@code META-INF/services/annotations/org.jenkinsci.Symbol} (one binary class name a
 * line), the file Jenkins' annotation-indexer writes for {@code @Indexed} annotations. It
 * stands in for annotation-indexer because the version on Maven Central (1.4) fails on
 * Java 17's javac. Used only by the default build; {@code -Pjenkins} uses the real indexer.
 */
@SupportedAnnotationTypes("org.jenkinsci.Symbol")
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";

    private final Set<String> annotated = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement) {
                    annotated.add(processingEnv.getElementUtils().getBinaryName((TypeElement) element).toString());
                }
            }
        }
        if (round.processingOver() && !annotated.isEmpty()) {
            try {
                FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
                try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                    for (String name : annotated) {
                        out.write(name);
                        out.write('\n');
                    }
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
            }
        }
        return false;
    }
}

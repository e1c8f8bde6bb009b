package io.nbci.notebook;

import io.nbci.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads and writes a notebook in the format its file name says: {@code .ipynb} as Jupyter
 * JSON, {@code .py} as a py:percent script. Every reader of user notebooks (run, pair, strip)
 * goes through here, so a job can be given as either file.
 *
 * <pre>{@code
 * Notebook notebook = NotebookFiles.read(Path.of("jobs/score.py"));   // or score.ipynb
 * NotebookFiles.write(notebook, Path.of("out/score.ipynb"));
 * }</pre>
 */
public final class NotebookFiles {

    /** The file formats nbci reads and writes. */
    public enum Format {
        IPYNB(".ipynb"), PY_PERCENT(".py");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private NotebookFiles() {
    }

    /** The format of a file by its extension; a {@link NotebookException} for any other extension. */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ipynb")) {
            return Format.IPYNB;
        }
        if (name.endsWith(".py")) {
            return Format.PY_PERCENT;
        }
        throw new NotebookException(file + ": not a notebook: expected a .ipynb or .py (py:percent) file");
    }

    /** True when the file name ends in .ipynb or .py. */
    public static boolean isNotebookFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ipynb") || name.endsWith(".py");
    }

    /**
     * Adds to {@code found} the regular files below {@code folder} that {@code wanted} accepts,
     * skipping hidden folders and folders named in {@code skippedFolders} (never {@code folder} itself).
     */
    static void walk(Path folder, Set<String> skippedFolders, Predicate<Path> wanted, Set<Path> found) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(folder) && (name.startsWith(".") || skippedFolders.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && wanted.test(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a .ipynb or .py file into a validated notebook. */
    public static Notebook read(Path file) {
        Format format = formatOf(file);
        if (format == Format.IPYNB) {
            return Notebook.read(file);
        }
        return readScript(file).notebook();
    }

    /** Reads a py:percent script, keeping where each cell starts. */
    public static PyPercent.Script readScript(Path file) {
        return PyPercent.parse(readText(file), file.toString());
    }

    static String readText(Path file) {
        byte[] bytes = Notebook.readBytes(file);
        if (formatOf(file) == Format.PY_PERCENT) {
            try {
                String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new NotebookException(file + ": not UTF-8 text; scripts must be UTF-8");
            }
        }
        return Notebook.decode(bytes, file.toString());
    }

    /** The text a notebook is written as, in the given format. */
    public static String render(Notebook notebook, Format format) {
        return format == Format.IPYNB ? notebook.toJson() : PyPercent.write(notebook);
    }

    /** Writes a notebook atomically in the format its file name says. */
    public static void write(Notebook notebook, Path file) {
        AtomicFiles.write(file, render(notebook, formatOf(file)));
    }
}

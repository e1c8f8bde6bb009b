package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.nbci.common.ExitCode;
import io.nbci.notebook.NotebookJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds kernelspecs the way Jupyter does: in {@code kernels/} under each Jupyter data
 * directory, first match wins: every entry of {@code JUPYTER_PATH}, the user data
 * directory ({@code JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter}, else
 * {@code ~/.local/share/jupyter}), {@code /usr/local/share/jupyter}, {@code /usr/share/jupyter}.
 *
 * <pre>{@code
 * KernelSpec spec = KernelSpecs.fromEnvironment(System.getenv()).find("python3");
 * }</pre>
 */
public final class KernelSpecs {
    private final List<Path> dataDirectories;

    public KernelSpecs(List<Path> dataDirectories) {
        this.dataDirectories = List.copyOf(dataDirectories);
    }

    /** The search path Jupyter uses for this environment and user. */
    public static KernelSpecs fromEnvironment(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String jupyterPath = env.get("JUPYTER_PATH");
        if (jupyterPath != null && !jupyterPath.isBlank()) {
            for (String entry : jupyterPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            dirs.add(Path.of(dataDir));
        } else {
            String xdg = env.get("XDG_DATA_HOME");
            if (xdg != null && !xdg.isBlank()) {
                dirs.add(Path.of(xdg, "jupyter"));
            } else {
                String home = env.getOrDefault("HOME", System.getProperty("user.home"));
                dirs.add(Path.of(home, ".local", "share", "jupyter"));
            }
        }
        dirs.add(Path.of("/usr/local/share/jupyter"));
        dirs.add(Path.of("/usr/share/jupyter"));
        return new KernelSpecs(dirs);
    }

    /** The data directories searched, in order. */
    public List<Path> dataDirectories() {
        return dataDirectories;
    }

    /**
     * The kernelspec called {@code name} (case-insensitive, as Jupyter lower-cases names).
     *
     * @throws ExecutionException (exit code 3) naming every folder tried and the kernels found
     */
    public KernelSpec find(String name) {
        for (Path dir : dataDirectories) {
            Path kernels = dir.resolve("kernels");
            Path exact = kernels.resolve(name);
            if (Files.isRegularFile(exact.resolve("kernel.json"))) {
                return read(name, exact);
            }
            Path folded = kernels.resolve(name.toLowerCase(Locale.ROOT));
            if (Files.isRegularFile(folded.resolve("kernel.json"))) {
                return read(name.toLowerCase(Locale.ROOT), folded);
            }
        }
        List<String> tried = dataDirectories.stream().map(d -> d.resolve("kernels").resolve(name).toString()).toList();
        throw ExecutionException.infrastructure("no Jupyter kernel named '" + name + "'; looked for kernel.json in "
                + String.join(", ", tried) + "; kernels found: "
                + (available().isEmpty() ? "none" : String.join(", ", available().keySet()))
                + ". Install the kernel (e.g. apt-get install python3-ipykernel) or pick one with --kernel");
    }

    /** Every kernelspec visible on the search path, by name (first match wins). */
    public Map<String, KernelSpec> available() {
        Map<String, KernelSpec> found = new TreeMap<>();
        for (Path dir : dataDirectories) {
            Path kernels = dir.resolve("kernels");
            if (!Files.isDirectory(kernels)) {
                continue;
            }
            try (Stream<Path> children = Files.list(kernels)) {
                children.filter(child -> Files.isRegularFile(child.resolve("kernel.json")))
                        .forEach(child -> {
                            String name = child.getFileName().toString().toLowerCase(Locale.ROOT);
                            if (!found.containsKey(name)) {
                                try {
                                    found.put(name, read(name, child));
                                } catch (ExecutionException e) {
                                    // a broken spec elsewhere does not hide the others
                                }
                            }
                        });
            } catch (IOException e) {
                // unreadable folder: skip, as Jupyter does
            }
        }
        return found;
    }

    /** Reads one kernelspec folder. */
    public static KernelSpec read(String name, Path directory) {
        Path file = directory.resolve("kernel.json");
        JsonNode json;
        try {
            json = NotebookJson.parse(Files.readString(file), file.toString());
        } catch (IOException | RuntimeException e) {
            throw new ExecutionException(ExitCode.INFRASTRUCTURE, file + ": not a readable kernelspec: " + e.getMessage(), e);
        }
        JsonNode argvNode = json.path("argv");
        if (!argvNode.isArray() || argvNode.isEmpty()) {
            throw ExecutionException.infrastructure(file + ": expected \"argv\" to be a non-empty list of strings, found "
                    + (argvNode.isMissingNode() ? "nothing" : argvNode.toString()));
        }
        List<String> argv = new ArrayList<>();
        argvNode.forEach(arg -> argv.add(arg.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        json.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        String interruptMode = json.path("interrupt_mode").asText("signal");
        if (!interruptMode.equals("signal") && !interruptMode.equals("message")) {
            throw ExecutionException.infrastructure(file + ": expected interrupt_mode \"signal\" or \"message\", found \""
                    + interruptMode + "\"");
        }
        return new KernelSpec(name, directory, argv, json.path("display_name").asText(name),
                json.path("language").asText(""), interruptMode, env);
    }
}

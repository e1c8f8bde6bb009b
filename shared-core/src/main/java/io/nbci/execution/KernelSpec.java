package io.nbci.execution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jupyter kernelspec: how to start one kind of kernel, read from
 * {@code <data dir>/kernels/<name>/kernel.json}.
 *
 * @param name          the kernel's name (its folder's name), e.g. {@code python3}
 * @param directory     the kernelspec folder ({@code {resource_dir}} in argv)
 * @param argv          the command; {@code {connection_file}} is replaced by the connection file's path
 * @param displayName   the display name
 * @param language      the kernel's language ({@code python}, {@code R}, {@code scala}), chooses the parameter translator
 * @param interruptMode {@code signal} (SIGINT to the kernel) or {@code message} (interrupt_request on control)
 * @param env           variables set for the kernel on top of nbci's environment
 */
public record KernelSpec(String name, Path directory, List<String> argv, String displayName, String language,
        String interruptMode, Map<String, String> env) {

    public KernelSpec {
        Objects.requireNonNull(name, "name");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("kernelspec " + name + ": argv is empty");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        interruptMode = interruptMode == null ? "signal" : interruptMode;
        language = language == null ? "" : language;
    }

    /** True when interrupts are sent as {@code interrupt_request} messages rather than SIGINT. */
    public boolean interruptsByMessage() {
        return "message".equals(interruptMode);
    }

    /** The command with {@code {connection_file}} and {@code {resource_dir}} filled in. */
    public List<String> command(Path connectionFile) {
        String resourceDir = directory == null ? "" : directory.toString();
        return argv.stream()
                .map(arg -> arg.replace("{connection_file}", connectionFile.toString())
                        .replace("{resource_dir}", resourceDir))
                .toList();
    }

    /** Where the spec was read from, for messages. */
    public String where() {
        return directory == null ? "kernelspec " + name : directory.resolve("kernel.json").toString();
    }
}

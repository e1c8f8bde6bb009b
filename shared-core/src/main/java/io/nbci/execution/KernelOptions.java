package io.nbci.execution;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a kernel is started and watched.
 *
 * @param workingDirectory the kernel's current directory (null: nbci's own)
 * @param startTimeout     how long to wait for the kernel to answer kernel_info_request
 * @param shutdownGrace    how long a kernel may take to exit after shutdown_request before it is terminated
 * @param heartbeatTimeout how long the heartbeat may go unanswered before a live process counts as dead
 * @param environment      variables added to the kernel's environment (after the kernelspec's)
 */
public record KernelOptions(Path workingDirectory, Duration startTimeout, Duration shutdownGrace,
        Duration heartbeatTimeout, Map<String, String> environment) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    public KernelOptions {
        startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(3) : shutdownGrace;
        heartbeatTimeout = heartbeatTimeout == null ? Duration.ofSeconds(3) : heartbeatTimeout;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public static KernelOptions defaults() {
        return new KernelOptions(null, null, null, null, null);
    }

    public KernelOptions withWorkingDirectory(Path dir) {
        return new KernelOptions(dir, startTimeout, shutdownGrace, heartbeatTimeout, environment);
    }

    public KernelOptions withStartTimeout(Duration timeout) {
        return new KernelOptions(workingDirectory, timeout, shutdownGrace, heartbeatTimeout, environment);
    }

    public KernelOptions withHeartbeatTimeout(Duration timeout) {
        return new KernelOptions(workingDirectory, startTimeout, shutdownGrace, timeout, environment);
    }
}

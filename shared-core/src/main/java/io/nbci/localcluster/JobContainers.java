package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.nbci.common.LogSink;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ContainerJob}s through the Docker Engine API ({@code DOCKER_HOST}): create with
 * io.nbci labels and limits, start, wait for the exit (killing at the timeout), collect the output
 * and whether the kernel killed it for memory, remove. A container still running when this JVM
 * exits is removed by a shutdown hook; after a kill -9, by {@code nbci cluster prune}.
 */
public final class JobContainers {

    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile DockerClient hookClient;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DockerClient client = hookClient;
            for (String id : List.copyOf(RUNNING)) {
                try {
                    client.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException e) {
                    // best effort; prune removes what is left
                }
            }
        }, "nbci-job-container-cleanup"));
    }

    private final String dockerHost;

    /** Jobs on DOCKER_HOST. */
    public JobContainers() {
        this(null);
    }

    /** Jobs on the given Docker API address (unix:///... or tcp://...). */
    public JobContainers(String dockerHost) {
        this.dockerHost = DockerClients.host(dockerHost);
    }

    /**
     * Runs {@code job} to its end and returns how it ended; never throws for the job's own failure
     * (non-zero exit, out of memory, timeout), only when it cannot be started (missing image, no API).
     */
    public JobResult run(ContainerJob job, LogSink log) {
        DockerClient client = DockerClients.connect(dockerHost);
        DockerClients.requireImage(client, dockerHost, job.image(),
                "build or pull it first, or tag a local image with that name (docs/containers.md)");
        hookClient = client;
        String session = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        HostConfig hostConfig = HostConfig.newHostConfig().withNetworkMode(job.network().mode())
                .withBinds(job.mounts().stream().map(m -> new Bind(m.hostPath().toString(), new Volume(m.containerPath()),
                        m.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro
                                : com.github.dockerjava.api.model.AccessMode.rw)).toList());
        if (job.memoryBytes() > 0) {
            hostConfig.withMemory(job.memoryBytes()).withMemorySwap(job.memoryBytes());
        }
        if (job.cpus() > 0) {
            hostConfig.withNanoCPUs((long) (job.cpus() * 1_000_000_000L));
        }
        var create = client.createContainerCmd(job.image())
                .withName("nbci-job-" + session)
                .withLabels(ContainerLabels.of(session, "job", false))
                .withEnv(job.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withCmd(job.command())
                .withHostConfig(hostConfig);
        if (job.workingDir() != null) {
            create.withWorkingDir(job.workingDir());
        }
        String id = create.exec().getId();
        RUNNING.add(id);
        try {
            log.info("running " + String.join(" ", job.command()) + " in " + job.image() + " (container nbci-job-"
                    + session + ")");
            long t0 = System.nanoTime();
            client.startContainerCmd(id).exec();
            boolean timedOut = false;
            try {
                client.waitContainerCmd(id).start().awaitStatusCode(job.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                if (!Boolean.TRUE.equals(client.inspectContainerCmd(id).exec().getState().getRunning())) {
                    // ended while we were told otherwise: fall through to its state
                } else {
                    timedOut = true;
                    client.killContainerCmd(id).exec();
                    client.waitContainerCmd(id).start().awaitStatusCode(30, TimeUnit.SECONDS);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(id).exec().getState();
            int exit = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
            // Docker sets OOMKilled; podman 4.3 on cgroup v1 does not, so a SIGKILL (137) that nbci did not
            // send to a memory-limited job counts as the kernel's OOM kill too
            boolean oom = Boolean.TRUE.equals(state.getOOMKilled())
                    || (exit == 137 && job.memoryBytes() > 0 && !timedOut);
            JobResult result = new JobResult(exit, output(client, id), oom, timedOut, took);
            log.info("job container nbci-job-" + session + ": " + result.describe(job));
            return result;
        } finally {
            try {
                client.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // already removed
            }
            RUNNING.remove(id);
        }
    }

    private static String output(DockerClient client, String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.writeBytes(frame.getPayload());
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

package io.nbci.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import io.nbci.common.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Starts {@link ContainerPlan}s the way Testcontainers would, without being Testcontainers:
 * create with labels, published ports and network alias, copy files in, start, follow the output
 * into a log file, check the wait strategies until the startup timeout, and on any failure remove
 * the container and throw an error that carries its last log lines.
 */
final class ServiceContainers {

    static final int LOG_LINES = 40;

    private ServiceContainers() {
    }

    /** A started container whose output is being followed. */
    static final class Running implements AutoCloseable {
        final String id;
        final String name;
        final String image;
        private final DockerClient client;
        private final StringBuilder output = new StringBuilder();
        private final OutputStream logFile;
        private ResultCallback.Adapter<Frame> follower;

        Running(DockerClient client, String id, String name, String image, Path logFile) throws IOException {
            this.client = client;
            this.id = id;
            this.name = name;
            this.image = image;
            Files.createDirectories(logFile.getParent());
            this.logFile = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        void follow() {
            follower = client.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            append(frame.getPayload());
                        }
                    });
        }

        private synchronized void append(byte[] bytes) {
            output.append(new String(bytes, StandardCharsets.UTF_8));
            if (output.length() > 4_000_000) {
                output.delete(0, output.length() - 2_000_000);
            }
            try {
                logFile.write(bytes);
                logFile.flush();
            } catch (IOException e) {
                // the in-memory copy still serves the waits and the failure message
            }
        }

        synchronized String logs() {
            return output.toString();
        }

        /** The last lines of the output, for a failure message. */
        String tail() {
            List<String> lines = Arrays.asList(logs().split("\n"));
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
            return "\nlast " + tail.size() + " lines of container " + name + " (" + image + "):\n  "
                    + String.join("\n  ", tail);
        }

        InspectContainerResponse.ContainerState state() {
            return client.inspectContainerCmd(id).exec().getState();
        }

        /** Removes the container (killing it), stops following; idempotent. */
        @Override
        public void close() {
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
            try {
                if (follower != null) {
                    follower.close();
                }
                logFile.close();
            } catch (IOException e) {
                // nothing left to flush
            }
        }
    }

    /** Creates, starts and waits for {@code plan}; removes the container and throws when it is not ready in time. */
    static Running start(DockerClient client, ContainerPlan plan, Path logFile, String host) {
        List<ExposedPort> exposed = new ArrayList<>();
        com.github.dockerjava.api.model.Ports bindings = new com.github.dockerjava.api.model.Ports();
        for (Map.Entry<Integer, Integer> port : plan.ports().entrySet()) {
            ExposedPort tcp = ExposedPort.tcp(port.getKey());
            exposed.add(tcp);
            bindings.bind(tcp, com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", port.getValue()));
            if (plan.udpPorts().contains(port.getKey())) {
                ExposedPort udp = new ExposedPort(port.getKey(), InternetProtocol.UDP);
                exposed.add(udp);
                bindings.bind(udp, com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1",
                        port.getValue()));
            }
        }
        HostConfig hostConfig = HostConfig.newHostConfig().withNetworkMode(plan.network()).withPortBindings(bindings);
        if (plan.memoryBytes() > 0) {
            hostConfig.withMemory(plan.memoryBytes()).withMemorySwap(plan.memoryBytes());
        }
        CreateContainerCmd create = client.createContainerCmd(plan.image())
                .withName(plan.name())
                .withLabels(plan.labels())
                .withEnv(plan.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(exposed)
                .withHostConfig(hostConfig);
        if (!plan.aliases().isEmpty()) {
            create.withAliases(plan.aliases());
        }
        if (!plan.command().isEmpty()) {
            create.withCmd(plan.command());
        }
        String id;
        try {
            id = create.exec().getId();
        } catch (NotFoundException e) {
            throw new ClusterException("cannot create container " + plan.name() + ": image '" + plan.image()
                    + "' not found (" + e.getMessage() + ")", e);
        }
        Running running;
        try {
            running = new Running(client, id, plan.name(), plan.image(), logFile);
        } catch (IOException e) {
            client.removeContainerCmd(id).withForce(true).exec();
            throw new ClusterException("cannot write the container log " + logFile + ": " + e.getMessage(), e);
        }
        try {
            if (!plan.files().isEmpty()) {
                client.copyArchiveToContainerCmd(id).withRemotePath("/")
                        .withTarInputStream(new ByteArrayInputStream(tar(plan.files()))).exec();
            }
            client.startContainerCmd(id).exec();
            running.follow();
            awaitReady(running, plan, host);
            return running;
        } catch (RuntimeException e) {
            running.close();
            if (e instanceof ClusterException) {
                throw e;
            }
            throw new ClusterException("container " + plan.name() + " (" + plan.image() + ") failed to start: "
                    + e + running.tail(), e);
        }
    }

    private static void awaitReady(Running running, ContainerPlan plan, String host) {
        Pattern failure = plan.failure() == null ? null : Pattern.compile(plan.failure(), Pattern.MULTILINE);
        WaitStrategy.Target target = new WaitStrategy.Target() {
            @Override
            public int hostPort(int containerPort) {
                Integer published = plan.ports().get(containerPort);
                return published == null ? containerPort : published;
            }

            @Override
            public String host() {
                return host;
            }

            @Override
            public String logs() {
                return running.logs();
            }
        };
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        for (WaitStrategy wait : plan.waits()) {
            int checks = 0;
            while (!wait.ready(target)) {
                if (failure != null) {
                    Matcher found = failure.matcher(running.logs());
                    if (found.find()) {
                        pause(300); // let the rest of the failure reach the log
                        throw new ClusterException(plan.name() + " failed to start: "
                                + lineAt(running.logs(), found.start()) + running.tail());
                    }
                }
                if (++checks % 5 == 0) {
                    InspectContainerResponse.ContainerState state = running.state();
                    if (!Boolean.TRUE.equals(state.getRunning())) {
                        pause(300);
                        throw new ClusterException("container " + plan.name() + " (" + plan.image()
                                + ") exited with status " + state.getExitCodeLong() + " while waiting for "
                                + wait.describe() + running.tail());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new ClusterException(ExitCode.TIMEOUT, "container " + plan.name() + " (" + plan.image()
                            + ") not ready within " + plan.timeout().toSeconds() + " s: still waiting for "
                            + wait.describe() + " (published ports " + plan.ports() + ")" + running.tail());
                }
                pause(200);
            }
        }
    }

    private static String lineAt(String text, int index) {
        int start = text.lastIndexOf('\n', index) + 1;
        int end = text.indexOf('\n', index);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }

    static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey().replaceFirst("^/", ""));
                entry.setSize(content.length);
                entry.setMode(0644);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new ClusterException("cannot pack files for a container: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for a container");
        }
    }
}

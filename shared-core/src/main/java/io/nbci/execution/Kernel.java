package io.nbci.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A running Jupyter kernel and nbci's client for it: the kernel process (started from its
 * kernelspec, in its own process group), the shell, iopub, control, stdin (disabled) and
 * heartbeat channels over ZeroMQ, signed with HMAC-SHA256.
 *
 * <pre>{@code
 * KernelSpec spec = KernelSpecs.fromEnvironment(System.getenv()).find("python3");
 * try (Kernel kernel = Kernel.start(spec, KernelOptions.defaults(), log)) {   // ready: kernel_info answered
 *     ExecuteResult result = kernel.execute("print(1)", Duration.ofMinutes(10), message -> ...);
 * }                                                                         // shutdown, then the whole tree killed
 * }</pre>
 *
 * <p>Not thread-safe: one thread drives one kernel. Death is noticed within
 * {@link #POLL_MILLIS} of the process exiting, or when the heartbeat goes unanswered for
 * {@link KernelOptions#heartbeatTimeout()}.
 */
public final class Kernel implements AutoCloseable {
    /** Granularity of death and timeout checks while waiting for the kernel. */
    static final long POLL_MILLIS = 50;
    private static final long INTERRUPT_GRACE_MILLIS = 5_000;
    private static final int START_ATTEMPTS = 3;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Kernels not yet closed; killed with their process trees if the JVM is stopped (CI abort, Ctrl-C). */
    private static final java.util.Set<Kernel> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Kernel kernel : LIVE) {
                kernel.tree.destroy(0);
            }
        }, "nbci-kernel-cleanup"));
    }

    private final KernelSpec spec;
    private final KernelOptions options;
    private final LogSink log;
    private final Path runtimeDir;
    private final Path logFile;
    private final ConnectionInfo connection;
    private final MessageCodec codec;
    private final ProcessTree tree;
    private final ZContext context;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket iopub;
    private final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Poller poller;
    private final Heartbeat heartbeat;
    private JsonNode kernelInfo;
    private volatile boolean closed;
    private long shutdownRequested;

    private Kernel(KernelSpec spec, KernelOptions options, LogSink log, Path runtimeDir) {
        this.spec = spec;
        this.options = options;
        this.log = log;
        this.runtimeDir = runtimeDir;
        this.logFile = runtimeDir.resolve("kernel.log");
        this.connection = ConnectionInfo.allocate();
        Path connectionFile = connection.write(runtimeDir, spec.name());
        List<String> command = ProcessTree.inNewSession(spec.command(connectionFile));
        // launch first: the kernel's imports take longest; the rest is set up while they run
        this.tree = ProcessTree.of(launch(command), command);
        this.codec = new MessageCodec(connection.key());
        this.context = new ZContext(1);
        this.shell = socket(SocketType.DEALER, connection.shellPort());
        this.control = socket(SocketType.DEALER, connection.controlPort());
        this.stdin = socket(SocketType.DEALER, connection.stdinPort());
        this.iopub = context.createSocket(SocketType.SUB);
        iopub.setLinger(0);
        iopub.setReconnectIVL(10);
        iopub.setRcvHWM(0); // never drop output because nbci was briefly busy
        iopub.connect(connection.endpoint(connection.iopubPort()));
        this.iopub.subscribe(ZMQ.SUBSCRIPTION_ALL);
        this.poller = context.createPoller(3);
        poller.register(shell, ZMQ.Poller.POLLIN);
        poller.register(iopub, ZMQ.Poller.POLLIN);
        poller.register(stdin, ZMQ.Poller.POLLIN);
        this.heartbeat = new Heartbeat();
        LIVE.add(this);
    }

    /**
     * Starts a kernel and waits until it answers kernel_info_request and its iopub channel
     * delivers. A port another process grabbed between choosing and binding is retried
     * with fresh ports.
     *
     * @throws ExecutionException exit code 3 when the kernel cannot be started, exits, or does
     *                            not answer within the start timeout; the message names the
     *                            command and the kernel's last output lines
     */
    public static Kernel start(KernelSpec spec, KernelOptions options, LogSink log) {
        for (int attempt = 1; ; attempt++) {
            Path runtimeDir = runtimeDirectory();
            Kernel kernel = null;
            try {
                kernel = new Kernel(spec, options, log, runtimeDir);
                kernel.waitUntilReady();
                kernel.heartbeat.start();
                return kernel;
            } catch (PortRaceException e) {
                kernel.close();
                if (attempt >= START_ATTEMPTS) {
                    throw ExecutionException.infrastructure(e.getMessage());
                }
                log.warn("kernel " + spec.name() + " could not bind its ports (attempt " + attempt + " of "
                        + START_ATTEMPTS + "); retrying with new ports");
            } catch (RuntimeException e) {
                if (kernel != null) {
                    kernel.close();
                } else {
                    deleteRecursively(runtimeDir);
                }
                throw e;
            }
        }
    }

    private static Path runtimeDirectory() {
        try {
            return Files.createTempDirectory("nbci-kernel-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempDirectory("nbci-kernel-");
            } catch (IOException io) {
                throw new ExecutionException(ExitCode.INFRASTRUCTURE, "cannot create a temporary folder: " + io, io);
            }
        } catch (IOException e) {
            throw new ExecutionException(ExitCode.INFRASTRUCTURE, "cannot create a temporary folder: " + e, e);
        }
    }

    private Process launch(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (options.workingDirectory() != null) {
            builder.directory(options.workingDirectory().toFile());
        }
        Map<String, String> env = builder.environment();
        env.putIfAbsent("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.putAll(spec.env());
        env.putAll(options.environment());
        try {
            Process process = builder.start();
            log.debug("kernel " + spec.name() + " started: pid " + process.pid() + ", " + String.join(" ", command));
            return process;
        } catch (IOException e) {
            throw new ExecutionException(ExitCode.INFRASTRUCTURE, "cannot start kernel " + spec.name() + " from "
                    + spec.where() + ": " + String.join(" ", spec.argv()) + ": " + e.getMessage(), e);
        }
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        // the kernel binds while we connect: retry every 10 ms rather than ZeroMQ's default 100 ms
        socket.setReconnectIVL(10);
        socket.connect(connection.endpoint(port));
        return socket;
    }

    private void waitUntilReady() {
        long start = System.nanoTime();
        long deadline = start + options.startTimeout().toNanos();
        String request = null;
        java.util.Set<String> sent = new java.util.HashSet<>();
        long sentAt = 0;
        boolean replied = false;
        boolean iopubSeen = false;
        while (true) {
            long now = System.nanoTime();
            if (!tree.isAlive()) {
                String tail = logTail();
                if (tail.contains("Address already in use")) {
                    throw new PortRaceException("kernel " + spec.name() + " could not bind its loopback ports "
                            + START_ATTEMPTS + " times: " + lastLine(tail));
                }
                throw ExecutionException.infrastructure("kernel " + spec.name() + " (" + spec.where()
                        + ") exited with code " + tree.process().exitValue() + " while starting; command: "
                        + String.join(" ", spec.argv()) + hint(tail) + "\nkernel output:\n" + tail);
            }
            if (now > deadline) {
                throw ExecutionException.infrastructure("kernel " + spec.name() + " (" + spec.where()
                        + ") did not answer kernel_info_request within " + seconds(options.startTimeout())
                        + " (--start-timeout); kernel output:\n" + logTail());
            }
            boolean resend = request == null
                    || (!replied && now - sentAt > TimeUnit.SECONDS.toNanos(1))
                    || (replied && !iopubSeen && now - sentAt > TimeUnit.MILLISECONDS.toNanos(200));
            if (resend) {
                // a reply to any of these counts; the iopub echo of any proves the subscription works
                request = send(shell, "kernel_info_request", JSON.objectNode());
                sent.add(request);
                sentAt = now;
            }
            poller.poll(POLL_MILLIS);
            for (Message message : drain(shell)) {
                if (message.type().equals("kernel_info_reply") && sent.contains(message.parentId())) {
                    replied = true;
                    kernelInfo = message.content();
                }
            }
            for (Message message : drain(iopub)) {
                if (sent.contains(message.parentId())) {
                    iopubSeen = true;
                }
            }
            drainStdin();
            if (replied && iopubSeen) {
                log.debug("kernel " + spec.name() + " ready in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                return;
            }
        }
    }

    private static String hint(String tail) {
        if (tail.contains("No module named ipykernel")) {
            return "\nthe interpreter in the kernelspec's argv has no ipykernel: install it for that interpreter"
                    + " (Debian: apt-get install python3-ipykernel) or pick another kernel with --kernel";
        }
        return "";
    }

    /** The kernel_info_reply content (language_info, implementation, protocol_version). */
    public JsonNode kernelInfo() {
        return kernelInfo;
    }

    /** The language the kernel reports (language_info.name), falling back to the kernelspec's. */
    public String language() {
        String reported = kernelInfo == null ? "" : kernelInfo.path("language_info").path("name").asText("");
        return reported.isEmpty() ? spec.language() : reported;
    }

    public KernelSpec spec() {
        return spec;
    }

    public long pid() {
        return tree.pid();
    }

    /** True while the process runs and answers the heartbeat. */
    public boolean isAlive() {
        return tree.isAlive() && !heartbeat.lost;
    }

    /**
     * Runs code and waits for its execute_reply and the kernel's return to idle. When
     * {@code timeout} passes, the kernel is interrupted; if it does not stop within a grace
     * period it is killed. Outputs go to {@code listener} as they arrive.
     */
    public ExecuteResult execute(String code, Duration timeout, ExecutionListener listener) {
        ObjectNode content = JSON.objectNode();
        content.put("code", code);
        content.put("silent", false);
        content.put("store_history", true);
        content.set("user_expressions", JSON.objectNode());
        content.put("allow_stdin", false);
        content.put("stop_on_error", true);
        long start = System.nanoTime();
        String request = send(shell, "execute_request", content);
        long deadline = start + timeout.toNanos();
        boolean timedOut = false;
        JsonNode reply = null;
        boolean idle = false;
        String busyAt = null;
        String inputAt = null;
        String replyAt = null;
        String idleAt = null;
        while (reply == null || !idle) {
            long now = System.nanoTime();
            if (!timedOut && now > deadline) {
                timedOut = true;
                log.warn("cell timed out after " + seconds(timeout) + "; interrupting the kernel");
                interrupt();
                deadline = now + TimeUnit.MILLISECONDS.toNanos(INTERRUPT_GRACE_MILLIS);
            } else if (timedOut && now > deadline) {
                log.warn("kernel did not stop within " + INTERRUPT_GRACE_MILLIS / 1000 + " s of the interrupt; killing it");
                tree.destroy(0);
                return result(ExecuteResult.Outcome.TIMEOUT, null, start, busyAt, inputAt, replyAt, idleAt);
            }
            boolean dead = !tree.isAlive() || heartbeat.lost;
            if (!dead) {
                poller.poll(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1)));
            }
            for (Message message : drain(iopub)) {
                if (!message.parentId().equals(request)) {
                    continue;
                }
                String type = message.type();
                if (type.equals("status")) {
                    String state = message.content().path("execution_state").asText();
                    if (state.equals("busy")) {
                        busyAt = message.date();
                    } else if (state.equals("idle")) {
                        idleAt = message.date();
                        idle = true;
                    }
                } else if (type.equals("execute_input")) {
                    inputAt = message.date();
                }
                listener.onMessage(message);
            }
            for (Message message : drain(shell)) {
                if (message.type().equals("execute_reply") && message.parentId().equals(request)) {
                    reply = message.content();
                    replyAt = message.date();
                }
            }
            drainStdin();
            if (dead && (reply == null || !idle)) {
                // what the kernel sent before it died is kept above; the request never finished
                return result(timedOut ? ExecuteResult.Outcome.TIMEOUT : ExecuteResult.Outcome.DIED, null, start,
                        busyAt, inputAt, replyAt, idleAt);
            }
        }
        ExecuteResult.Outcome outcome;
        if (timedOut) {
            outcome = ExecuteResult.Outcome.TIMEOUT;
        } else {
            switch (reply.path("status").asText()) {
                case "ok": outcome = ExecuteResult.Outcome.OK; break;
                case "aborted": outcome = ExecuteResult.Outcome.ABORTED; break;
                default: outcome = ExecuteResult.Outcome.ERROR; break;
            }
        }
        ExecuteResult result = result(outcome, reply, start, busyAt, inputAt, replyAt, idleAt);
        return result;
    }

    private static ExecuteResult result(ExecuteResult.Outcome outcome, JsonNode reply, long start, String busy,
            String input, String replyAt, String idle) {
        Integer count = reply != null && reply.path("execution_count").isNumber()
                ? reply.path("execution_count").intValue() : null;
        return new ExecuteResult(outcome, count, reply, System.nanoTime() - start,
                new ExecuteResult.Timestamps(busy, input, replyAt, idle));
    }

    /** Interrupts the running code: SIGINT, or interrupt_request on control when the kernelspec says so. */
    public void interrupt() {
        if (spec.interruptsByMessage()) {
            send(control, "interrupt_request", JSON.objectNode());
        } else {
            tree.interrupt();
        }
    }

    private String send(ZMQ.Socket socket, String type, JsonNode content) {
        ObjectNode header = codec.header(type);
        byte[][] frames = codec.encode(header, null, content);
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
        return header.path("msg_id").asText();
    }

    private List<Message> drain(ZMQ.Socket socket) {
        List<Message> messages = new ArrayList<>();
        while (true) {
            byte[] first = socket.recv(ZMQ.DONTWAIT);
            if (first == null) {
                return messages;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv(0));
            }
            try {
                messages.add(codec.decode(frames));
            } catch (MessageCodec.SignatureException e) {
                log.warn("dropped a message from kernel " + spec.name() + ": " + e.getMessage());
            }
        }
    }

    /** stdin is disabled (allow_stdin false); a kernel asking anyway gets an empty answer instead of a hang. */
    private void drainStdin() {
        for (Message message : drain(stdin)) {
            if (message.type().equals("input_request")) {
                ObjectNode header = codec.header("input_reply");
                ObjectNode content = JSON.objectNode().put("value", "");
                byte[][] frames = codec.encode(header, message.header(), content);
                for (int i = 0; i < frames.length; i++) {
                    stdin.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
                }
            }
        }
    }

    /**
     * Shuts the kernel down: shutdown_request on control, then SIGTERM and SIGKILL to the
     * kernel and every process it started, whether still its child or orphaned.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        requestShutdown();
        closed = true;
        LIVE.remove(this);
        if (tree.isAlive()) {
            try {
                long left = options.shutdownGrace().toNanos() - (System.nanoTime() - shutdownRequested);
                if (left > 0) {
                    tree.process().waitFor(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tree.destroy(1_000);
        try {
            context.close();
        } catch (RuntimeException e) {
            log.debug("closing ZeroMQ: " + e);
        }
        deleteRecursively(runtimeDir);
        log.debug("kernel " + spec.name() + " (pid " + tree.pid() + ") shut down");
    }

    /**
     * Asks the kernel to shut down (shutdown_request on control) without waiting, so the
     * caller can save its results while the kernel exits; {@link #close()} then waits for
     * the rest of the grace period and kills what is left.
     */
    public void requestShutdown() {
        if (shutdownRequested != 0 || closed) {
            return;
        }
        shutdownRequested = System.nanoTime();
        heartbeat.stop();
        tree.remember();
        if (tree.isAlive()) {
            try {
                send(control, "shutdown_request", JSON.objectNode().put("restart", false));
            } catch (RuntimeException e) {
                log.debug("shutdown_request failed: " + e);
            }
        }
    }

    /** Exit code of the kernel process, or null while it runs. */
    public Integer exitCode() {
        return tree.isAlive() ? null : tree.process().exitValue();
    }

    /** The last lines the kernel process printed to its stdout/stderr (not through iopub). */
    public String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 4096);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            int first = Math.max(0, lines.length - 20);
            return String.join("\n", java.util.Arrays.copyOfRange(lines, first, lines.length)).strip();
        } catch (IOException e) {
            return "(no kernel output)";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    static String seconds(Duration duration) {
        double s = duration.toMillis() / 1000.0;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a run for
        }
    }

    /** A kernel that died at start because a port was taken between choosing and binding. */
    private static final class PortRaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortRaceException(String message) {
            super(message);
        }
    }

    /**
     * Pings the heartbeat channel every {@code interval}; a kernel whose process lives but
     * does not echo within the heartbeat timeout counts as dead. Also remembers the
     * kernel's process tree, so orphans can be killed later.
     */
    private final class Heartbeat implements Runnable {
        private final long intervalMillis = 500;
        private volatile boolean running = true;
        private volatile boolean lost;
        private Thread thread;

        void start() {
            thread = new Thread(this, "nbci-heartbeat-" + tree.pid());
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            if (thread != null) {
                try {
                    thread.join(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void run() {
            ZMQ.Socket socket = null;
            try {
                socket = context.createSocket(SocketType.REQ);
                socket.setLinger(0);
                socket.setReceiveTimeOut(100);
                socket.connect(connection.endpoint(connection.hbPort()));
                long lastEcho = System.nanoTime();
                long nextPing = lastEcho;
                long nextSnapshot = lastEcho;
                boolean waiting = false;
                while (running && !closed) {
                    long now = System.nanoTime();
                    if (now >= nextSnapshot) {
                        // scanning the process table costs a few ms (more on a busy host): every
                        // 500 ms, or less often so that it never takes over 5% of a core
                        tree.remember();
                        long took = System.nanoTime() - now;
                        nextSnapshot = now + Math.max(TimeUnit.MILLISECONDS.toNanos(intervalMillis), 20 * took);
                    }
                    if (!waiting && now >= nextPing) {
                        socket.send(new byte[] {'p', 'i', 'n', 'g'}, 0);
                        waiting = true;
                    }
                    if (waiting) {
                        byte[] echo = socket.recv(0);
                        now = System.nanoTime();
                        if (echo != null) {
                            waiting = false;
                            lastEcho = now;
                            nextPing = now + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
                        } else if (now - lastEcho > options.heartbeatTimeout().toNanos()) {
                            if (running && tree.isAlive()) {
                                log.warn("kernel " + spec.name() + " (pid " + tree.pid() + ") did not answer its heartbeat for "
                                        + seconds(options.heartbeatTimeout()) + "; treating it as dead");
                                lost = true;
                            }
                            return;
                        }
                    } else {
                        sleep(100);
                    }
                }
            } catch (RuntimeException e) {
                // the context closes under us at shutdown
            } finally {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (RuntimeException e) {
                        // already closed with the context
                    }
                }
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

}

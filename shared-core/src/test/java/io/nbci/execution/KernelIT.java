package io.nbci.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The kernel client against the real Debian ipykernel. */
public class KernelIT {
    private static final LogSink LOG = LogSink.silent();

    private static KernelSpec python() {
        return KernelSpecs.fromEnvironment(System.getenv()).find("python3");
    }

    @Test
    public void shouldRunCodeAndStreamItsOutput() {
        try (Kernel kernel = Kernel.start(python(), KernelOptions.defaults(), LOG)) {
            assertThat(kernel.language()).isEqualTo("python");
            List<Message> messages = new ArrayList<>();
            ExecuteResult result = kernel.execute("print('hello')\n6*7", Duration.ofSeconds(30), messages::add);
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.OK);
            assertThat(result.executionCount()).isEqualTo(1);
            assertThat(messages).extracting(Message::type).contains("stream", "execute_result");
            assertThat(result.timestamps().busy()).isNotNull();
            assertThat(result.timestamps().idle()).isNotNull();
        }
    }

    @Test
    public void shouldReportAnErrorReply() {
        try (Kernel kernel = Kernel.start(python(), KernelOptions.defaults(), LOG)) {
            List<Message> messages = new ArrayList<>();
            ExecuteResult result = kernel.execute("1/0", Duration.ofSeconds(30), messages::add);
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.ERROR);
            assertThat(result.reply().path("ename").asText()).isEqualTo("ZeroDivisionError");
        }
    }

    @Test
    public void shouldInterruptACellThatRunsPastItsTimeout() {
        try (Kernel kernel = Kernel.start(python(), KernelOptions.defaults(), LOG)) {
            long start = System.nanoTime();
            ExecuteResult result = kernel.execute("import time\ntime.sleep(60)", Duration.ofMillis(800), m -> { });
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(kernel.isAlive()).isTrue();
            // after an error, ipykernel aborts requests that arrive within its abort window (stop_on_error)
            ExecuteResult next;
            int attempts = 0;
            do {
                sleepQuietly(200);
                next = kernel.execute("1", Duration.ofSeconds(30), m -> { });
            } while (next.outcome() == ExecuteResult.Outcome.ABORTED && ++attempts < 5);
            assertThat(next.outcome()).isEqualTo(ExecuteResult.Outcome.OK);
        }
    }

    @Test
    public void shouldNoticeADeadKernelWithinASecond() {
        try (Kernel kernel = Kernel.start(python(), KernelOptions.defaults(), LOG)) {
            long start = System.nanoTime();
            ExecuteResult result = kernel.execute("import os, time\ntime.sleep(0.3)\nos._exit(7)", Duration.ofSeconds(60), m -> { });
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.DIED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1300));
            assertThat(kernel.exitCode()).isEqualTo(7);
        }
    }

    @Test
    public void shouldKillChildrenTheKernelStartedEvenAfterTheKernelDied() throws Exception {
        Path pidFile = Files.createTempFile("nbci-child", ".pid");
        try (Kernel kernel = Kernel.start(python(), KernelOptions.defaults(), LOG)) {
            kernel.execute("import subprocess\np = subprocess.Popen(['sleep', '300'], start_new_session=True)\n"
                    + "open(r'" + pidFile + "', 'w').write(str(p.pid))", Duration.ofSeconds(30), m -> { });
            Thread.sleep(700);
            kernel.execute("import os\nos._exit(3)", Duration.ofSeconds(30), m -> { });
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(TestProcesses.stillRunningAfter(pid, 1000)).as("child pid " + pid + " still runs").isFalse();
        Files.deleteIfExists(pidFile);
    }

    @Test
    public void shouldNameTheCommandWhenTheInterpreterHasNoIpykernel() throws Exception {
        Path dir = Files.createTempDirectory("nbci-spec");
        KernelSpec broken = new KernelSpec("broken", dir, List.of("/bin/sh", "-c",
                "echo 'No module named ipykernel_launcher' >&2; exit 1", "{connection_file}"),
                "Broken", "python", "signal", Map.of());
        assertThatThrownBy(() -> Kernel.start(broken, KernelOptions.defaults(), LOG))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("No module named ipykernel")
                .satisfies(e -> assertThat(((ExecutionException) e).exitCode()).isEqualTo(ExitCode.INFRASTRUCTURE));
    }

    @Test
    public void shouldNameEveryFolderTriedForAMissingKernel() {
        KernelSpecs specs = new KernelSpecs(List.of(Path.of("/nonexistent/a"), Path.of("/usr/share/jupyter")));
        assertThatThrownBy(() -> specs.find("nosuchkernel"))
                .hasMessageContaining("/nonexistent/a/kernels/nosuchkernel")
                .hasMessageContaining("kernels found: python3");
    }

    private static KernelSpec variant(String name, List<String> argv, String interruptMode) {
        KernelSpec python = python();
        return new KernelSpec(name, python.directory(), argv, name, "python", interruptMode, Map.of());
    }

    @Test
    public void shouldRetryWhenAPortIsTakenWhileTheKernelBinds() throws Exception {
        Path marker = Files.createTempDirectory("nbci-race").resolve("first-attempt-done");
        String script = "if [ ! -f '" + marker + "' ]; then touch '" + marker + "'; "
                + "echo 'zmq.error.ZMQError: Address already in use' >&2; exit 1; fi; "
                + "exec /usr/bin/python3 -m ipykernel_launcher -f \"$0\"";
        KernelSpec racy = variant("racy", List.of("/bin/sh", "-c", script, "{connection_file}"), "signal");
        try (Kernel kernel = Kernel.start(racy, KernelOptions.defaults(), LOG)) {
            assertThat(Files.exists(marker)).isTrue();
            assertThat(kernel.execute("1 + 1", Duration.ofSeconds(30), m -> { }).outcome())
                    .isEqualTo(ExecuteResult.Outcome.OK);
        }
    }

    @Test
    public void shouldInterruptByMessageWhenTheKernelspecSaysSo() {
        KernelSpec byMessage = variant("by-message", python().argv(), "message");
        assertThat(byMessage.interruptsByMessage()).isTrue();
        try (Kernel kernel = Kernel.start(byMessage, KernelOptions.defaults(), LOG)) {
            List<Message> messages = new ArrayList<>();
            ExecuteResult result = kernel.execute("import time\ntime.sleep(60)", Duration.ofMillis(800), messages::add);
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.TIMEOUT);
            assertThat(result.reply()).isNotNull();
            assertThat(result.reply().path("ename").asText()).isEqualTo("KeyboardInterrupt");
            assertThat(kernel.isAlive()).isTrue();
        }
    }

    @Test
    public void shouldTreatAKernelThatStopsAnsweringItsHeartbeatAsDead() {
        KernelOptions options = KernelOptions.defaults().withHeartbeatTimeout(Duration.ofMillis(1000));
        try (Kernel kernel = Kernel.start(python(), options, LOG)) {
            long start = System.nanoTime();
            ExecuteResult result = kernel.execute("import os, signal\nos.kill(os.getpid(), signal.SIGSTOP)",
                    Duration.ofSeconds(60), m -> { });
            assertThat(result.outcome()).isEqualTo(ExecuteResult.Outcome.DIED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(kernel.exitCode()).isNull();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

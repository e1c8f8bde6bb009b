package io.nbci.jenkins;

import hudson.util.FormValidation;
import io.nbci.launch.DeployConfig;
import io.nbci.launch.DeployTarget;
import io.nbci.launch.GeneratedFile;
import io.nbci.launch.NbciInvocation;
import io.nbci.launch.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The deploy-target connection check behind the "Test connection" button. The real one runs
 * the shipped command line ({@code nbci releases}) as a child JVM on the controller host,
 * so Hadoop classes never load inside Jenkins; tests substitute their own.
 */
@FunctionalInterface
interface ConnectionCheck {
    long TIMEOUT_SECONDS = 90;

    FormValidation check(DeployTarget target, byte[] keytab) throws IOException;

    ConnectionCheck CHILD_PROCESS = (target, keytab) -> {
        Path dir = Files.createTempDirectory("nbci-check",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            DeployTarget withKeytab = target;
            if (keytab != null) {
                Path file = dir.resolve("keytab");
                Files.write(file, keytab);
                withKeytab = target.withKeytab(file.toString());
            }
            NbciInvocation invocation = DeployConfig.connectionCheck(withKeytab, dir.resolve("targets.yaml").toString());
            for (GeneratedFile generated : invocation.files()) {
                Files.writeString(Path.of(generated.path()), generated.content(), StandardCharsets.UTF_8);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path output = dir.resolve("output.log");
            Process process = new ProcessBuilder(invocation.commandLine(java, AgentJar.shipped().getPath()))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return FormValidation.error("no answer from " + target.uri() + " within " + TIMEOUT_SECONDS + " s");
            }
            Deque<String> tail = new ArrayDeque<>();
            String lastError = null;
            for (String line : new String(Files.readAllBytes(output), StandardCharsets.UTF_8).split("\\R")) {
                String error = Outcome.errorDetail(line);
                if (error != null) {
                    lastError = error;
                }
                tail.addLast(line);
                if (tail.size() > 15) {
                    tail.removeFirst();
                }
            }
            Outcome outcome = invocation.outcome(process.exitValue()).withDetail(lastError);
            if (outcome.result() == Outcome.Result.SUCCESS) {
                return FormValidation.ok("Connected to " + target.uri() + target.basePath() + ": "
                        + String.join(" | ", tail));
            }
            return FormValidation.error(outcome.message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error("connection check interrupted");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    };
}

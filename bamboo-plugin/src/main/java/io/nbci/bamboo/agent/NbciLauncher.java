package io.nbci.bamboo.agent;

import io.nbci.common.AtomicFiles;
import io.nbci.common.ExitCode;
import io.nbci.common.LogSink;
import io.nbci.common.MaskingLogSink;
import io.nbci.common.NbciException;
import io.nbci.common.Secret;
import io.nbci.launch.GeneratedFile;
import io.nbci.launch.NbciInvocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs an {@link NbciInvocation} on the agent: {@code java -jar nbci.jar ARGS} in the task's
 * working directory, with the build's variables and the invocation's (secret) environment,
 * every output line in the build log with secrets masked.
 *
 * <p>The Java is the agent's own ({@code java.home}); set {@code NBCI_JAVA_HOME} in the agent's
 * environment to run nbci on another Java 17+.
 */
public final class NbciLauncher {
    /** Agent environment variable naming the Java home nbci runs on, when not the agent's own. */
    public static final String JAVA_HOME_VARIABLE = "NBCI_JAVA_HOME";

    private final Supplier<Path> cliJar;
    private final String java;

    /**
     * @param cliJar gives the nbci.jar to run (unpacked on first use)
     * @param java   the java executable
     */
    public NbciLauncher(Supplier<Path> cliJar, String java) {
        this.cliJar = cliJar;
        this.java = java;
    }

    /** The launcher the tasks use: the command line shipped in the plugin jar, on the agent's Java. */
    public static NbciLauncher shipped() {
        return new NbciLauncher(() -> ShippedCli.fromPluginJar().unpackInto(ShippedCli.defaultCacheRoot()),
                javaExecutable(System.getenv(), System.getProperty("java.home")));
    }

    /** {@code $NBCI_JAVA_HOME/bin/java} when set, else the running JVM's. */
    static String javaExecutable(Map<String, String> environment, String javaHome) {
        String home = environment.get(JAVA_HOME_VARIABLE);
        if (home == null || home.isBlank()) {
            home = javaHome;
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(home.strip(), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The full command line this launcher starts for an invocation. */
    public List<String> commandLine(NbciInvocation invocation) {
        return invocation.commandLine(java, cliJar.get().toString());
    }

    /**
     * Runs the invocation to its end.
     *
     * @param workingDirectory the task's working directory; the invocation's paths are relative to it
     * @param hostEnvironment  the build's variables, as environment variables
     * @param log              the build log
     * @param hostSecrets      further values to mask (the build's password variables)
     * @return nbci's exit code
     * @throws InterruptedException when the build is stopped (the process tree is killed first)
     */
    public int run(NbciInvocation invocation, File workingDirectory, Map<String, String> hostEnvironment,
            LogSink log, List<Secret> hostSecrets) throws InterruptedException {
        List<Secret> secrets = new ArrayList<>(invocation.secrets());
        secrets.addAll(hostSecrets);
        LogSink masked = new MaskingLogSink(log, secrets);
        for (GeneratedFile file : invocation.files()) {
            Path path = workingDirectory.toPath().resolve(file.path());
            try {
                Files.createDirectories(path.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new NbciException(ExitCode.INFRASTRUCTURE, "cannot create the folder of " + path + ": "
                        + e.getMessage(), e);
            }
            AtomicFiles.write(path, file.content());
        }
        Map<String, String> environment = new LinkedHashMap<>(hostEnvironment);
        environment.putAll(invocation.environmentForProcess());
        masked.info("Running " + invocation.display());
        return new AgentProcess(commandLine(invocation), environment, workingDirectory).run(masked);
    }
}

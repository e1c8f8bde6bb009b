package io.nbci.launch;

import io.nbci.common.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the shipped {@code nbci} command line, as a host plugin must start it: the
 * arguments after {@code java -jar nbci.jar}, plain environment variables, secret
 * environment variables (the only way secrets reach the process: never the arguments),
 * files to write first, files to collect afterwards, and how to read the exit code.
 *
 * <pre>{@code
 * NbciInvocation invocation = config.toInvocation();
 * List<String> argv = invocation.commandLine("java", "/agent/tmp/nbci.jar");
 * Map<String, String> env = invocation.environmentForProcess();   // secrets revealed here only
 * Outcome outcome = invocation.outcome(exitCode);
 * }</pre>
 *
 * @param command           the nbci subcommand ({@code run}, {@code test}, {@code deploy}, ...)
 * @param arguments         every argument after {@code nbci}, starting with the subcommand
 * @param environment       plain environment variables to add
 * @param secretEnvironment environment variables holding secrets; masked in {@link #toString()}
 * @param files             files to write on the agent before starting
 * @param collect           files to hand to the host afterwards
 * @param policy            how exit codes become results
 */
public record NbciInvocation(String command, List<String> arguments, Map<String, String> environment,
        Map<String, Secret> secretEnvironment, List<GeneratedFile> files, List<Collect> collect,
        OutcomePolicy policy) {

    public NbciInvocation {
        Objects.requireNonNull(command, "command");
        arguments = List.copyOf(arguments);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secretEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(secretEnvironment));
        files = List.copyOf(files);
        collect = List.copyOf(collect);
        Objects.requireNonNull(policy, "policy");
        for (Map.Entry<String, Secret> entry : secretEnvironment.entrySet()) {
            for (String argument : arguments) {
                if (argument.contains(entry.getValue().reveal())) {
                    throw new IllegalArgumentException("a secret would appear in the arguments (from "
                            + entry.getKey() + "); secrets travel only in the environment");
                }
            }
        }
    }

    /** The full command line: {@code java [options] -jar JAR arguments...}. */
    public List<String> commandLine(String java, String jar, String... javaOptions) {
        List<String> line = new ArrayList<>();
        line.add(java);
        line.addAll(List.of(javaOptions));
        line.add("-jar");
        line.add(jar);
        line.addAll(arguments);
        return line;
    }

    /** Plain and secret variables together, secrets revealed: pass only to the process launcher. */
    public Map<String, String> environmentForProcess() {
        Map<String, String> all = new LinkedHashMap<>(environment);
        secretEnvironment.forEach((name, secret) -> all.put(name, secret.reveal()));
        return all;
    }

    /** The secrets the host must mask in the build log. */
    public List<Secret> secrets() {
        return List.copyOf(secretEnvironment.values());
    }

    /** Files of one kind to collect. */
    public List<String> collect(Collect.Kind kind) {
        return collect.stream().filter(c -> c.kind() == kind).map(Collect::glob).toList();
    }

    /** What the exit code of this invocation means for the build. */
    public Outcome outcome(int exitCode) {
        return Outcome.of(command, exitCode, policy);
    }

    /** The command line as it may be printed in a build log: secrets are never in it. */
    public String display() {
        StringBuilder text = new StringBuilder("nbci");
        for (String argument : arguments) {
            text.append(' ').append(argument.isEmpty() || argument.matches(".*[\\s'\"$`\\\\].*")
                    ? "'" + argument.replace("'", "'\\''") + "'" : argument);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return display() + " (env " + environment.keySet() + ", secret env " + secretEnvironment.keySet() + ")";
    }
}

package io.nbci.jenkins;

/**
 * Which {@code java} runs the shipped command line on an agent: the one configured in the
 * global configuration, else {@code $JAVA_HOME/bin/java} from the build's environment,
 * else {@code java} from the agent's PATH. nbci needs Java 17 or newer, as Jenkins agents do.
 */
final class AgentJava {
    private AgentJava() {
    }

    static String command(String configured, String javaHome, boolean unix) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (javaHome != null && !javaHome.isBlank()) {
            String home = javaHome.strip();
            String separator = unix ? "/" : "\\";
            if (home.endsWith(separator)) {
                home = home.substring(0, home.length() - 1);
            }
            return home + separator + "bin" + separator + (unix ? "java" : "java.exe");
        }
        return unix ? "java" : "java.exe";
    }
}

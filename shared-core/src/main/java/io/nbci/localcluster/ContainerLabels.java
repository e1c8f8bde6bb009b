package io.nbci.localcluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every container and network nbci creates, so that {@code nbci cluster prune}
 * finds leftovers: {@code io.nbci.managed=true}, the session, the role, and the owner (host name
 * and process id of the JVM that created it; a leftover is one whose owner process is gone).
 */
public final class ContainerLabels {

    public static final String MANAGED = "io.nbci.managed";
    public static final String SESSION = "io.nbci.session";
    public static final String ROLE = "io.nbci.role";
    public static final String OWNER_HOST = "io.nbci.owner.host";
    public static final String OWNER_PID = "io.nbci.owner.pid";
    /** Set on clusters started with --detach: they outlive their owner on purpose; prune keeps them unless --all. */
    public static final String DETACHED = "io.nbci.detached";

    private ContainerLabels() {
    }

    static Map<String, String> of(String session, String role, boolean detached) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED, "true");
        labels.put(SESSION, session);
        labels.put(ROLE, role);
        labels.put(OWNER_HOST, thisHost());
        labels.put(OWNER_PID, String.valueOf(ProcessHandle.current().pid()));
        labels.put(DETACHED, String.valueOf(detached));
        return labels;
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}

package io.nbci.localcluster;

import io.nbci.common.ExitCode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chooses every port before the services start, so they can start at the same time and clients know them up front. */
final class Ports {

    private Ports() {
    }

    /** Fixed ports are checked to be free (a clear error when not); the others get a free port each. */
    static Map<ClusterSpec.Port, Integer> choose(ClusterSpec spec, List<ClusterSpec.Port> needed) {
        Map<ClusterSpec.Port, Integer> chosen = new EnumMap<>(ClusterSpec.Port.class);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (ClusterSpec.Port port : needed) {
                int fixed = spec.port(port);
                if (fixed > 0) {
                    if (!isFree(spec.host(), fixed, port == ClusterSpec.Port.GRAPHITE)) {
                        throw new ClusterException(ExitCode.INFRASTRUCTURE, serviceOf(port) + " cannot start: port "
                                + fixed + " (" + name(port) + ") on " + spec.host()
                                + " is already in use by another process; free it or choose another port");
                    }
                    chosen.put(port, fixed);
                }
            }
            for (ClusterSpec.Port port : needed) {
                if (!chosen.containsKey(port)) {
                    // hold each socket until all are chosen so no two ports coincide
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(spec.host()));
                    held.add(socket);
                    chosen.put(port, socket.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new ClusterException("cannot choose free ports on " + spec.host() + ": " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // was only held
                }
            }
        }
        return chosen;
    }

    /**
     * The ports {@code spec}'s services listen on: control, then HDFS (NameNode RPC and WebHDFS, plus
     * the DataNode's transfer, HTTP and IPC ports when {@code dataNode}: a container publishes them),
     * Hive (HiveServer2, metastore) and Graphite, each when its service runs.
     */
    static List<ClusterSpec.Port> needed(ClusterSpec spec, boolean dataNode) {
        List<ClusterSpec.Port> needed = new ArrayList<>(List.of(ClusterSpec.Port.CONTROL));
        if (spec.runs(ClusterService.HDFS)) {
            needed.addAll(List.of(ClusterSpec.Port.HDFS, ClusterSpec.Port.WEBHDFS));
            if (dataNode) {
                needed.addAll(List.of(ClusterSpec.Port.DATANODE, ClusterSpec.Port.DATANODE_HTTP,
                        ClusterSpec.Port.DATANODE_IPC));
            }
        }
        if (spec.runs(ClusterService.HIVE)) {
            needed.addAll(List.of(ClusterSpec.Port.HIVE, ClusterSpec.Port.METASTORE));
        }
        if (spec.runs(ClusterService.GRAPHITE)) {
            needed.add(ClusterSpec.Port.GRAPHITE);
        }
        return needed;
    }

    static boolean isFree(String host, int port, boolean udpToo) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            return false;
        }
        if (udpToo) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), port))) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    static String name(ClusterSpec.Port port) {
        return port.name().toLowerCase(Locale.ROOT);
    }

    static String serviceOf(ClusterSpec.Port port) {
        switch (port) {
            case HDFS:
            case WEBHDFS:
            case DATANODE:
            case DATANODE_HTTP:
            case DATANODE_IPC:
                return "hdfs";
            case HIVE:
            case METASTORE:
                return "hive";
            case GRAPHITE:
                return "graphite";
            default:
                return "cluster control";
        }
    }
}

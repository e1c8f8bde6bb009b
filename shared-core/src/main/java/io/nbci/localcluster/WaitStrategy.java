package io.nbci.localcluster;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.util.regex.Pattern;

/**
 * When a container's service counts as ready. A container is started with a list of these, checked
 * in order until each passes or the startup timeout ends (then the start fails with the container's
 * last log lines). Ports are container ports; the check goes to the port published on the host.
 *
 * <pre>{@code
 * List.of(WaitStrategy.logLine("nbci-cluster: ready in"), WaitStrategy.webHdfs(9870), WaitStrategy.port(10000))
 * }</pre>
 */
public abstract class WaitStrategy {

    /** What a check can look at: the published ports and the container's output so far. */
    interface Target {
        /** The host port a container port is published on. */
        int hostPort(int containerPort);

        String host();

        String logs();
    }

    /** A short description for messages ("port 10000", "log line 'ready'"). */
    public abstract String describe();

    abstract boolean ready(Target target);

    @Override
    public String toString() {
        return describe();
    }

    /** Ready when a TCP connection to the published container port succeeds. */
    public static WaitStrategy port(int containerPort) {
        return new WaitStrategy() {
            @Override
            public String describe() {
                return "port " + containerPort;
            }

            @Override
            boolean ready(Target target) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(target.host(), target.hostPort(containerPort)), 1000);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }

    /** Ready when the container's output (stdout and stderr) has a line matching the regular expression. */
    public static WaitStrategy logLine(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        return new WaitStrategy() {
            @Override
            public String describe() {
                return "log line /" + regex + "/";
            }

            @Override
            boolean ready(Target target) {
                return pattern.matcher(target.logs()).find();
            }
        };
    }

    /** Ready when an HTTP GET of {@code path} on the published port answers 200. */
    public static WaitStrategy http(int containerPort, String path) {
        return new WaitStrategy() {
            @Override
            public String describe() {
                return "HTTP 200 from port " + containerPort + path;
            }

            @Override
            boolean ready(Target target) {
                try {
                    HttpURLConnection http = (HttpURLConnection) new URL("http://" + target.host() + ":"
                            + target.hostPort(containerPort) + path).openConnection();
                    http.setConnectTimeout(1000);
                    http.setReadTimeout(5000);
                    try {
                        return http.getResponseCode() == 200;
                    } finally {
                        http.disconnect();
                    }
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }

    /** WebHDFS ping: the status of / answers 200 (the NameNode is up and out of its startup). */
    public static WaitStrategy webHdfs(int containerPort) {
        return http(containerPort, "/webhdfs/v1/?op=GETFILESTATUS");
    }

    /** nbci's cluster launcher answers PING on its control port (implies every service was ready). */
    static WaitStrategy controlPing(ControlClient control) {
        return new WaitStrategy() {
            @Override
            public String describe() {
                return "control PING on port " + control.port();
            }

            @Override
            boolean ready(Target target) {
                try {
                    control.send("PING", "", 2000);
                    return true;
                } catch (ClusterException e) {
                    return false;
                }
            }
        };
    }
}

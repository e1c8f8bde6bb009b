package io.nbci.localcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The core's side of the launcher's control protocol: one line {@code TOKEN COMMAND [ARGUMENT]}
 * out, one JSON line back, over loopback TCP (see the launcher's ClusterLauncher JavaDoc).
 */
final class ControlClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String token;

    ControlClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    int port() {
        return port;
    }

    /** Sends one command; throws a {@link ClusterException} when unreachable or when the answer is not ok. */
    JsonNode send(String command, String argument, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            String line = token + " " + command + (argument == null || argument.isEmpty() ? "" : " " + argument) + "\n";
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null) {
                throw new ClusterException("cluster control port " + port + " closed without answering " + command);
            }
            JsonNode node = JSON.readTree(answer);
            if (!node.path("ok").asBoolean(false)) {
                throw new ClusterException("cluster refused " + command + ": " + node.path("error").asText(answer));
            }
            return node;
        } catch (IOException e) {
            throw new ClusterException("cluster control port " + port + " on loopback unreachable for " + command
                    + ": " + e.getMessage() + " (is the cluster running?)", e);
        }
    }
}

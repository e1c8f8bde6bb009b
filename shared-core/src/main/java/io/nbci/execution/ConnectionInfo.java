package io.nbci.execution;

import io.nbci.common.ExitCode;
import io.nbci.common.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a kernel binds and how messages are signed: the content of the connection file
 * Jupyter passes to a kernel. Ports are on the loopback interface; the key is random per
 * kernel and only readable by the owner of the file (mode 0600).
 *
 * @param ip          always {@code 127.0.0.1} for kernels nbci starts
 * @param shellPort   requests (execute, kernel_info)
 * @param iopubPort   broadcast of outputs and status
 * @param stdinPort   input requests (nbci disables stdin)
 * @param controlPort interrupt and shutdown requests
 * @param hbPort      heartbeat echo
 * @param key         the HMAC-SHA256 signing key
 */
public record ConnectionInfo(String ip, int shellPort, int iopubPort, int stdinPort, int controlPort, int hbPort,
        Secret key) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh free loopback ports and a random 256-bit key. */
    public static ConnectionInfo allocate() {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 5) {
            ports.add(freePort());
        }
        Integer[] p = ports.toArray(new Integer[0]);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new ConnectionInfo("127.0.0.1", p[0], p[1], p[2], p[3], p[4],
                Secret.of(HexFormat.of().formatHex(key), "kernel connection key"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ExecutionException(ExitCode.INFRASTRUCTURE, "cannot find a free loopback port: " + e.getMessage(), e);
        }
    }

    public String endpoint(int port) {
        return "tcp://" + ip + ":" + port;
    }

    /** The connection file's JSON as Jupyter writes it. */
    public String toJson(String kernelName) {
        return "{\n"
                + "  \"shell_port\": " + shellPort + ",\n"
                + "  \"iopub_port\": " + iopubPort + ",\n"
                + "  \"stdin_port\": " + stdinPort + ",\n"
                + "  \"control_port\": " + controlPort + ",\n"
                + "  \"hb_port\": " + hbPort + ",\n"
                + "  \"ip\": \"" + ip + "\",\n"
                + "  \"key\": \"" + key.reveal() + "\",\n"
                + "  \"transport\": \"tcp\",\n"
                + "  \"signature_scheme\": \"hmac-sha256\",\n"
                + "  \"kernel_name\": " + quoted(kernelName) + "\n"
                + "}\n";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /**
     * Writes the connection file into {@code directory}, created with mode 0600 before the
     * key is written so that no other user can read it at any moment.
     */
    public Path write(Path directory, String kernelName) {
        try {
            Files.createDirectories(directory);
            Path file;
            try {
                file = Files.createTempFile(directory, "kernel-", ".json",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                file = Files.createTempFile(directory, "kernel-", ".json");
            }
            Files.write(file, toJson(kernelName).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new ExecutionException(ExitCode.INFRASTRUCTURE,
                    "cannot write the kernel connection file in " + directory + ": " + e.getMessage(), e);
        }
    }
}

package io.nbci.clusterruntime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Graphite plaintext-protocol listener ({@code path value timestamp}, one per line) on one
 * port number over TCP and UDP. Tagged paths ({@code name;tag=value;...}) are kept whole.
 * Every sample is kept for assertions until {@link #clear()}.
 */
final class GraphiteSink implements AutoCloseable {

    /** One received metric. */
    record Sample(String name, double value, long timestamp) {
    }

    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean closed;

    GraphiteSink(String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(address, port));
        try {
            udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()));
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
        daemon("graphite-tcp", this::acceptLoop);
        daemon("graphite-udp", this::udpLoop);
    }

    int port() {
        return tcp.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                daemon("graphite-tcp-client", () -> readLines(socket));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("graphite: accept failed: " + e);
                }
            }
        }
    }

    private void readLines(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                accept(line);
            }
        } catch (IOException e) {
            // client went away: what it sent so far is kept
        }
    }

    private void udpLoop() {
        byte[] buffer = new byte[65536];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    accept(line);
                }
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("graphite: udp receive failed: " + e);
                }
            }
        }
    }

    /** Parses one plaintext line; malformed lines are logged and dropped, as carbon does. */
    void accept(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length != 3) {
            System.err.println("graphite: dropped line (expected 'path value timestamp'): " + trimmed);
            return;
        }
        try {
            double value = Double.parseDouble(parts[1]);
            long timestamp = (long) Double.parseDouble(parts[2]);
            synchronized (samples) {
                samples.add(new Sample(parts[0], value, timestamp));
            }
        } catch (NumberFormatException e) {
            System.err.println("graphite: dropped line (value or timestamp not a number): " + trimmed);
        }
    }

    /**
     * Samples whose path matches {@code glob} (Graphite style: {@code *} within one dot-separated
     * segment, {@code **} across segments, {@code ?} one character, {@code {a,b}} alternatives).
     * For tagged paths the glob is matched against the whole path and against the name before
     * the first {@code ;}.
     */
    List<Sample> query(String glob) {
        Pattern pattern = globToRegex(glob);
        List<Sample> result = new ArrayList<>();
        synchronized (samples) {
            for (Sample sample : samples) {
                String name = sample.name();
                int semicolon = name.indexOf(';');
                if (pattern.matcher(name).matches()
                        || (semicolon > 0 && pattern.matcher(name.substring(0, semicolon)).matches())) {
                    result.add(sample);
                }
            }
        }
        return result;
    }

    void clear() {
        synchronized (samples) {
            samples.clear();
        }
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inAlternatives = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^.]*");
                }
            } else if (c == '?') {
                regex.append("[^.]");
            } else if (c == '{') {
                inAlternatives = true;
                regex.append("(?:");
            } else if (c == '}' && inAlternatives) {
                inAlternatives = false;
                regex.append(')');
            } else if (c == ',' && inAlternatives) {
                regex.append('|');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public void close() {
        closed = true;
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
        udp.close();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}

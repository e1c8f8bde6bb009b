package io.nbci.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real HTTP server on loopback that stands in for a code host's status API: it records
 * every request, answers scripted replies first (500s, 429s, 401s...) and otherwise checks
 * the request against the vendor's documented shape ({@link Shape}), answering 400 with the
 * reason when it does not match, as the real API would refuse it.
 */
public final class LoopbackApi implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** In a scripted reply's body, replaced by the credential headers the request carried (a careless server). */
    public static final String ECHO_CREDENTIALS = "{{echo-credentials}}";

    /** One request as the server saw it. */
    public record Recorded(String method, String rawPath, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }
    }

    /** One reply to send. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply of(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, copy, body);
        }
    }

    /** A vendor's documented request shape and its success reply. */
    public interface Shape {
        /** Why the request does not match the documented shape, or null when it does. */
        String violation(Recorded request);

        Reply accepted(Recorded request);
    }

    private final HttpServer server;
    private final Shape shape;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    private LoopbackApi(Shape shape) throws IOException {
        this.shape = shape;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackApi start(Shape shape) {
        try {
            return new LoopbackApi(shape);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the loopback API server", e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies served, in order, before the shape-checking default. */
    public synchronized LoopbackApi script(Reply... replies) {
        scripted.addAll(List.of(replies));
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public Recorded last() {
        List<Recorded> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("the server received no request");
        }
        return all.get(all.size() - 1);
    }

    /** Every shape violation the server answered 400 to. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Collections.unmodifiableMap(headers), body);
            requests.add(request);
            Reply reply;
            synchronized (this) {
                reply = scripted.poll();
            }
            if (reply == null) {
                String violation = shape.violation(request);
                if (violation != null) {
                    violations.add(violation);
                    reply = Reply.of(400, "{\"message\":" + JSON.writeValueAsString("fake API: " + violation) + "}");
                } else {
                    reply = shape.accepted(request);
                }
            }
            if (reply.body().contains(ECHO_CREDENTIALS)) {
                String echoed = String.valueOf(request.header("Authorization")) + " "
                        + String.valueOf(request.header("PRIVATE-TOKEN"));
                reply = new Reply(reply.status(), reply.headers(), reply.body().replace(ECHO_CREDENTIALS,
                        echoed.replace("\"", "")));
            }
            send(exchange, reply);
        } catch (RuntimeException e) {
            violations.add("fake server error: " + e);
            send(exchange, Reply.of(500, "{\"message\":\"fake server error\"}"));
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.status() == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

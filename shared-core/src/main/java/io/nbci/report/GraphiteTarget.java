package io.nbci.report;

import io.nbci.common.ExitCode;
import io.nbci.common.NbciException;
import java.util.Objects;

/**
 * Where build metrics go: a Graphite (carbon) plaintext listener, {@code HOST:PORT}, usually
 * port 2003. IPv6 literals are written in brackets: {@code [::1]:2003}.
 */
public record GraphiteTarget(String host, int port) {

    public GraphiteTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("GraphiteTarget.host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("GraphiteTarget.port must be 1..65535, found " + port);
        }
    }

    /** Parses {@code HOST:PORT}; a bad value is a {@link ExitCode#BAD_INPUT} error naming what was expected. */
    public static GraphiteTarget parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        String port = colon < 0 ? "" : value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = "";
        }
        if (host.isBlank() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1
                || Integer.parseInt(port) > 65535) {
            throw new NbciException(ExitCode.BAD_INPUT, "Graphite target '" + text
                    + "': expected HOST:PORT with a port 1..65535, e.g. graphite.example.com:2003 or [::1]:2003");
        }
        return new GraphiteTarget(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

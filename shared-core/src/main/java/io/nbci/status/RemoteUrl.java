package io.nbci.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed git remote URL in any of the forms git accepts for the four hosts:
 * {@code https://[user@]host[:port]/path[.git]}, {@code ssh://[user@]host[:port]/path[.git]}
 * and the scp-like {@code [user@]host:path[.git]}. Credentials in the URL are dropped: they
 * must never reach a log line.
 *
 * @param scheme   {@code https}, {@code http}, {@code ssh} or {@code git}
 * @param host     host name, lower case
 * @param port     port, or -1 when none was given
 * @param segments path segments, {@code .git} removed from the last
 */
public record RemoteUrl(String scheme, String host, int port, List<String> segments) {
    private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

    public RemoteUrl {
        segments = List.copyOf(segments);
    }

    /** Parses a remote URL; empty when it is not one of the known forms (a local path, say). */
    public static Optional<RemoteUrl> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String text = url.strip();
        if (text.contains("://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null || uri.getScheme() == null || uri.getScheme().equals("file")) {
                    return Optional.empty();
                }
                return Optional.of(new RemoteUrl(uri.getScheme().toLowerCase(java.util.Locale.ROOT),
                        uri.getHost().toLowerCase(java.util.Locale.ROOT), uri.getPort(), split(uri.getPath())));
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
        Matcher scp = SCP.matcher(text);
        if (scp.matches() && !text.startsWith("/") && !text.startsWith(".")) {
            return Optional.of(new RemoteUrl("ssh", scp.group(1).toLowerCase(java.util.Locale.ROOT), -1,
                    split(scp.group(2))));
        }
        return Optional.empty();
    }

    private static List<String> split(String path) {
        String clean = path == null ? "" : path;
        List<String> parts = Arrays.stream(clean.split("/")).filter(s -> !s.isEmpty()).toList();
        if (!parts.isEmpty()) {
            String last = parts.get(parts.size() - 1);
            if (last.endsWith(".git")) {
                java.util.ArrayList<String> copy = new java.util.ArrayList<>(parts);
                copy.set(copy.size() - 1, last.substring(0, last.length() - 4));
                return copy;
            }
        }
        return parts;
    }

    public boolean isHttp() {
        return scheme.equals("http") || scheme.equals("https");
    }

    /** {@code https://host[:port]} for web remotes, {@code https://host} for ssh ones (ssh ports are not web ports). */
    public URI webRoot() {
        if (isHttp()) {
            return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : ""));
        }
        return URI.create("https://" + host);
    }

    /** The path without credentials, e.g. {@code github.com/acme/etl}, safe to print. */
    @Override
    public String toString() {
        return host + (port > 0 ? ":" + port : "") + "/" + String.join("/", segments);
    }
}

package io.nbci.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP reply: status code, headers (looked up case-insensitively) and the body as text.
 *
 * @param status  HTTP status code
 * @param headers response headers
 * @param body    response body (UTF-8), possibly empty
 */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    public HttpReply {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}

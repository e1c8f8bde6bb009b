package io.nbci.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request a provider wants sent. {@link #toString()} masks credential headers, so a
 * call can be logged or put in a message without leaking the token.
 *
 * @param method  {@code POST}, ...
 * @param uri     absolute URI
 * @param headers request headers (insertion order kept)
 * @param body    the body bytes, or an empty array
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, byte[] body) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body.clone();
    }

    public static HttpCall postJson(URI uri, Map<String, String> headers, String json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new HttpCall("POST", uri, all, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether a header carries a credential and must never be printed. */
    static boolean isCredential(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("authorization") || name.equals("private-token") || name.equals("proxy-authorization")
                || name.contains("token");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(method).append(' ').append(uri);
        headers.forEach((name, value) -> text.append(" [").append(name).append(": ")
                .append(isCredential(name) ? io.nbci.common.Secret.MASK : value).append(']'));
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpCall other && method.equals(other.method) && uri.equals(other.uri)
                && headers.equals(other.headers) && java.util.Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body));
    }
}

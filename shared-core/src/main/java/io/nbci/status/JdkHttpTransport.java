package io.nbci.status;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The real {@link HttpTransport}: {@code java.net.http.HttpClient}, HTTP/1.1, proxy from
 * the standard system properties ({@code https.proxyHost}, {@code https.proxyPort},
 * {@code http.proxyHost}, {@code http.proxyPort}, {@code http.nonProxyHosts}) through
 * {@link ProxySelector#getDefault()}, redirects not followed (a redirected POST would be lost).
 */
public final class JdkHttpTransport implements HttpTransport {
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("host", "content-length", "connection",
            "expect", "upgrade");

    private final HttpClient client;
    private final Duration requestTimeout;

    public JdkHttpTransport(Duration connectTimeout, Duration requestTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        ProxySelector proxy = ProxySelector.getDefault();
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
        this.requestTimeout = requestTimeout;
    }

    /** 10 s to connect, 30 s per request. */
    public static JdkHttpTransport withDefaults() {
        return new JdkHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Override
    public HttpReply send(HttpCall call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(requestTimeout)
                .method(call.method(), call.body().length == 0 && !"POST".equals(call.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                request.header(header.getKey(), header.getValue());
            }
        }
        HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new HttpReply(response.statusCode(), response.headers().map(), response.body());
    }
}

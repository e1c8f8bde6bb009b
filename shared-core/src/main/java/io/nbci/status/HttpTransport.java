package io.nbci.status;

import java.io.IOException;

/**
 * The port through which status providers reach a REST API: one request out, one reply
 * back. {@link JdkHttpTransport} is the real one ({@code java.net.http.HttpClient}); an
 * adapter may substitute its own (for example one that goes through a CI host's proxy
 * configuration). Retries, backoff and error classification are not the transport's job:
 * {@link StatusPublisher} does them.
 */
public interface HttpTransport {

    /**
     * Sends one request.
     *
     * @throws IOException when no HTTP reply was received (connection refused or reset, timeout, TLS failure);
     *                     the publisher retries these
     */
    HttpReply send(HttpCall call) throws IOException, InterruptedException;
}

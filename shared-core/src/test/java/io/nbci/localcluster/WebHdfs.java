package io.nbci.localcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Plain-HTTP WebHDFS calls for tests (no Hadoop client): what a Python job with requests would do. */
final class WebHdfs {
    private WebHdfs() {
    }

    static void mkdirs(String root, String path) throws IOException {
        HttpURLConnection c = open(root + path + "?op=MKDIRS&user.name=nbci", "PUT");
        expect(c, 200);
    }

    /** CREATE is two steps: the NameNode redirects to a DataNode, which takes the bytes. */
    static void create(String root, String path, String content) throws IOException {
        HttpURLConnection nameNode = open(root + path + "?op=CREATE&overwrite=true&user.name=nbci", "PUT");
        nameNode.setInstanceFollowRedirects(false);
        expect(nameNode, 307);
        String location = nameNode.getHeaderField("Location");
        HttpURLConnection dataNode = open(location, "PUT");
        dataNode.setDoOutput(true);
        dataNode.setRequestProperty("Content-Type", "application/octet-stream");
        try (OutputStream out = dataNode.getOutputStream()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        expect(dataNode, 201);
    }

    static int status(String root, String path) throws IOException {
        HttpURLConnection c = open(root + path + "?op=GETFILESTATUS&user.name=nbci", "GET");
        int code = c.getResponseCode();
        c.disconnect();
        return code;
    }

    private static HttpURLConnection open(String url, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        return c;
    }

    private static void expect(HttpURLConnection c, int code) throws IOException {
        int actual = c.getResponseCode();
        if (actual != code) {
            InputStream err = c.getErrorStream();
            String body = err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("WebHDFS " + c.getRequestMethod() + " " + c.getURL() + ": HTTP " + code
                    + " expected, found " + actual + " " + body);
        }
        c.disconnect();
    }
}

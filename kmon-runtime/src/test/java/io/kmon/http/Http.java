package io.kmon.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Test helpers: a real {@link HttpClient} and a raw socket for requests no client would send. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {}

    /** GET {@code path} with optional header pairs. */
    static HttpResponse<String> get(KmonServer server, String path, String... headers) throws Exception {
        return send(server, "GET", path, headers);
    }

    /** {@code method} {@code path} with optional header pairs. */
    static HttpResponse<String> send(KmonServer server, String method, String path, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** URI of {@code path} on {@code server}, unparsed (for paths a URI builder would normalise). */
    static URI uri(KmonServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /**
     * Writes {@code request} on a fresh connection and reads until the server closes it, the
     * read times out, or {@code max} bytes arrived. What came back, or "" when nothing did.
     */
    static String raw(KmonServer server, byte[] request, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout((int) timeout.toMillis());
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException refusedMidWrite) {
                // the server may close while we still write an oversized request: read what it said
            }
            return readAll(s.getInputStream());
        }
    }

    static String raw(KmonServer server, String request) throws IOException {
        return raw(server, request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                String sofar = out.toString(StandardCharsets.ISO_8859_1);
                if (complete(sofar)) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException ended) {
            // reset or nothing more: return what we have
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** A response whose head and Content-Length body have fully arrived. */
    private static boolean complete(String sofar) {
        int end = sofar.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = sofar.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int i = head.indexOf("content-length:");
        if (i < 0) {
            return false;
        }
        int eol = head.indexOf("\r\n", i);
        long length = Long.parseLong(
                head.substring(i + 15, eol < 0 ? head.length() : eol).trim());
        return sofar.getBytes(StandardCharsets.ISO_8859_1).length - end - 4 >= length;
    }

    /** The status code of a raw response, or -1 when there was none. */
    static int status(String rawResponse) {
        if (!rawResponse.startsWith("HTTP/1.")) {
            return -1;
        }
        return Integer.parseInt(rawResponse.substring(9, 12));
    }
}

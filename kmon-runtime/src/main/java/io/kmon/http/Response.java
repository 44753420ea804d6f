package io.kmon.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A complete answer, built before a byte is sent: status, content type, body and any extra
 * headers. Knowing the body up front is what lets every response carry a Content-Length.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header
 * @param body the body; for HEAD only its length is sent
 * @param headers extra headers (one value each)
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    Response {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A JSON response of {@code value}. */
    static Response json(int status, Object value) {
        return new Response(status, JSON, Json.bytes(value), Map.of());
    }

    /** A short JSON error: {@code {"status":404,"error":"Not Found","message":"…"}}. */
    static Response error(int status, String message) {
        return json(status, new ErrorBody(status, reason(status), message));
    }

    /** This response with one more header. */
    Response withHeader(String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, copy);
    }

    /** A UTF-8 text body. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 414 -> "URI Too Long";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    /**
     * The body of every error.
     *
     * @param status the HTTP status
     * @param error its reason phrase
     * @param message what was wrong, in a sentence
     */
    record ErrorBody(int status, String error, String message) {}
}

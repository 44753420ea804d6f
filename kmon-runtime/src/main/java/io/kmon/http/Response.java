package io.kmon.http;

import io.kmon.format.Json;
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

    /**
     * A short JSON error: {@code {"status":404,"error":"Not Found","message":"…"}}. Written by
     * hand, not through Jackson, so an error can still be answered when a writer is what failed.
     */
    static Response error(int status, String message) {
        String body = "{\"status\":" + status + ",\"error\":" + quote(reason(status)) + ",\"message\":" + quote(message)
                + "}";
        return new Response(status, JSON, utf8(body), Map.of());
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
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
            case 421 -> "Misdirected Request";
            case 505 -> "HTTP Version Not Supported";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}

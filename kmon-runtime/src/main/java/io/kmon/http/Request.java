package io.kmon.http;

import com.sun.net.httpserver.Headers;

/**
 * What an endpoint sees of a request: the routed path, its parsed query and the headers.
 *
 * @param path the raw (still encoded) path, exactly as matched
 * @param query the parsed query parameters
 * @param headers the request headers
 */
record Request(String path, Query query, Headers headers) {
    /** The first value of header {@code name}, or null. */
    String header(String name) {
        return headers.getFirst(name);
    }
}

package io.kmon.http;

import com.sun.net.httpserver.Headers;

/**
 * What an endpoint sees of a request: the routed path, its parsed query and the headers.
 *
 * @param path the raw (still encoded) path, exactly as matched
 * @param query the parsed query parameters
 * @param headers the request headers
 * @param authenticated false only when a token is configured and this request, to an open
 *     route, did not give it
 */
record Request(String path, Query query, Headers headers, boolean authenticated) {
    /** The first value of header {@code name}, or null. */
    String header(String name) {
        return headers.getFirst(name);
    }
}

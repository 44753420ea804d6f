package io.kmon.http;

/**
 * One endpoint: turns a request into a complete {@link Response}. It takes what it needs as an
 * immutable snapshot and hands it to a writer; it throws {@link HttpException} to refuse.
 */
@FunctionalInterface
interface Endpoint {
    /** The response to {@code request}. */
    Response handle(Request request);
}

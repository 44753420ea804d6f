package io.kmon.http;

/**
 * A request the server refuses with a given status and a short message; the router turns it
 * into a JSON error body. Carries no stack trace: it is an answer, not a bug.
 */
final class HttpException extends RuntimeException {
    private final int status;

    HttpException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status code to answer with. */
    int status() {
        return status;
    }

    static HttpException badRequest(String message) {
        return new HttpException(400, message);
    }
}

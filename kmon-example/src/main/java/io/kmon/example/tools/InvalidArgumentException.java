package io.kmon.example.tools;

/**
 * A tool was called with a missing, mistyped or out-of-range argument. Thrown inside the
 * monitored tool call, so kmon counts it as a {@code tool.errors} with
 * {@code error_type=InvalidArgumentException}; the dispatcher turns it into an MCP tool error
 * whose text is this message.
 */
public final class InvalidArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A bad argument, described by {@code message}, which names the tool and the argument. */
    public InvalidArgumentException(String message) {
        super(message);
    }
}

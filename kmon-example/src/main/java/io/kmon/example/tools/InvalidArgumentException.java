package io.kmon.example.tools;

/**
 * A tool was called with a missing, mistyped or out-of-range argument. Thrown inside the
 * monitored tool call, where the dispatcher turns it into an MCP tool error whose text is this
 * message, so kmon-mcp counts it as a failed call with {@code error.type="tool_error"}.
 */
public final class InvalidArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A bad argument, described by {@code message}, which names the tool and the argument. */
    public InvalidArgumentException(String message) {
        super(message);
    }
}

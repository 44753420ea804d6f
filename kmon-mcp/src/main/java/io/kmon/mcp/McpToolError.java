package io.kmon.mcp;

/**
 * Stands for a tool call that returned normally with {@code isError: true}, where kmon's own
 * series, error groups and {@link CallPolicy#alertOn alert types} expect an exception: such a
 * call is a failed call of type {@code McpToolError} there, and {@code error.type="tool_error"}
 * on {@value McpConventions#OPERATION_DURATION}. Never thrown to the caller; carries the
 * result's first text, cut to {@value #MAX_MESSAGE} characters, and no stack trace.
 */
public final class McpToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Longest message kept, in characters. */
    public static final int MAX_MESSAGE = 200;

    McpToolError(String message) {
        super(message == null ? "isError: true" : cut(message), null, false, false);
    }

    private static String cut(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return message.substring(0, end) + "…";
    }
}

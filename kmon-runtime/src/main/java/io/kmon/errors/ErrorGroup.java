package io.kmon.errors;

/**
 * One group of failures: the same exception type from the same component and method.
 * Immutable; made by {@link ErrorAggregator#groups()}. Times are epoch milliseconds.
 *
 * @param component the component that failed (for captured logs, the logger's name)
 * @param method the method that failed; empty when the error did not come from a monitored method
 * @param type the exception's fully qualified class name
 * @param count failures in this group since it was created
 * @param firstSeen when the first one happened, epoch milliseconds
 * @param lastSeen when the latest one happened, epoch milliseconds
 * @param lastMessage the latest one's message, cut to {@value ErrorAggregator#MAX_MESSAGE_BYTES} UTF-8 bytes; empty when it had none
 * @param sampleStackTrace the first one's stack trace, cut to {@value ErrorAggregator#MAX_STACK_LINES} lines of bounded length
 */
public record ErrorGroup(
        String component,
        String method,
        String type,
        long count,
        long firstSeen,
        long lastSeen,
        String lastMessage,
        String sampleStackTrace) {}

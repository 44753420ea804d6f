package io.kmon.http;

import io.kmon.errors.ErrorAggregator;
import io.kmon.errors.ErrorGroup;
import java.util.List;

/**
 * {@code GET /errors}: the aggregated errors (type, component, method, count, first and last
 * seen, latest message, a sample stack trace), most recently seen first. The stack traces are
 * the monitored service's, kept by the aggregator; the exporter's own errors never carry one.
 */
final class ErrorsEndpoint implements Endpoint {
    private final ErrorAggregator errors;

    ErrorsEndpoint(ErrorAggregator errors) {
        this.errors = errors;
    }

    /**
     * The body.
     *
     * @param total failures recorded since start, including those of evicted groups
     * @param evicted groups dropped to keep the bound
     * @param errors the groups, most recently seen first
     */
    record Body(long total, long evicted, List<ErrorGroup> errors) {}

    @Override
    public Response handle(Request request) {
        return Response.json(200, new Body(errors.total(), errors.evicted(), errors.groups()));
    }
}

package io.kmon.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.kmon.format.Json;
import io.kmon.metrics.Point;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /metrics/series?name=…&since=…}: the recent points of one series name, oldest
 * first, as {@code [epochMillis, value]} pairs. {@code since} (epoch milliseconds, default 0)
 * keeps only later points. A valid name without points is an empty list: series appear at the
 * first sampling tick. The names that have points are listed in {@code /metrics}.
 */
final class SeriesEndpoint implements Endpoint {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");
    private static final int MAX_NAME = 200;

    private final Points series;

    /** Where the points come from: {@code kmon::series}. */
    @FunctionalInterface
    interface Points {
        /** Points of {@code name} at or after {@code sinceMillis}, oldest first. */
        List<Point> since(String name, long sinceMillis);
    }

    SeriesEndpoint(Points series) {
        this.series = series;
    }

    /**
     * The body.
     *
     * @param name the series name
     * @param since the lower bound asked for, epoch milliseconds
     * @param points {@code [epochMillis, value]} pairs, oldest first
     */
    record Body(String name, long since, List<Pair> points) {}

    /**
     * One point, written as a two-element array.
     *
     * @param t epoch milliseconds
     * @param v the value, null if not finite
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"t", "v"})
    record Pair(long t, Double v) {}

    @Override
    public Response handle(Request request) {
        String name = request.query().required("name");
        if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
            throw HttpException.badRequest(
                    "query parameter 'name' is not a metric name: '" + Text.printable(name) + "'");
        }
        long since = request.query().nonNegativeLong("since", 0);
        List<Point> points = series.since(name, since);
        List<Pair> pairs = points.stream()
                .map(p -> new Pair(p.timestampMillis(), Json.finite(p.value())))
                .toList();
        return Response.json(200, new Body(name, since, pairs));
    }
}

/**
 * Error aggregation, the local stand-in for an external error tracker: failures grouped by
 * component, method and exception type ({@link io.kmon.errors.ErrorAggregator}), an opt-in
 * {@code java.util.logging} capture ({@link io.kmon.errors.JulCapture}), and the count of
 * failures inside kmon itself ({@link io.kmon.errors.InternalFailures}).
 */
package io.kmon.errors;

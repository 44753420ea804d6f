package io.kmon.mcp;

import io.kmon.annotations.AlertLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What kmon does about one tool's, prompt's or resource's calls besides counting and timing
 * them: the slow-call alert and the failure types that raise an ERROR alert. Immutable; each
 * method returns a changed copy.
 *
 * <pre>{@code
 * CallPolicy.defaults().slowCall(Duration.ofSeconds(2)).alertOn(ConnectException.class)
 * }</pre>
 *
 * @param slowCall calls slower than this raise an alert; zero for none
 * @param slowLevel the level of that alert
 * @param alertOn failures of these types (or subtypes) raise an ERROR alert; {@link McpToolError}
 *     stands for tool results with {@code isError: true}
 */
public record CallPolicy(Duration slowCall, AlertLevel slowLevel, List<Class<? extends Throwable>> alertOn) {

    /**
     * Rejects nulls and negative thresholds; copies the types.
     *
     * @param slowCall calls slower than this raise an alert; zero for none
     * @param slowLevel the level of that alert
     * @param alertOn failures of these types (or subtypes) raise an ERROR alert
     */
    public CallPolicy {
        Objects.requireNonNull(slowCall, "slowCall");
        Objects.requireNonNull(slowLevel, "slowLevel");
        if (slowCall.isNegative()) {
            throw new IllegalArgumentException("slowCall must not be negative: " + slowCall);
        }
        alertOn = List.copyOf(alertOn);
    }

    /** {@return no slow-call alert (level WARNING when one is set) and no alert types} */
    public static CallPolicy defaults() {
        return new CallPolicy(Duration.ZERO, AlertLevel.WARNING, List.of());
    }

    /**
     * {@return this policy with calls over {@code threshold} raising an alert of the current level}
     *
     * @param threshold zero for no alert
     */
    public CallPolicy slowCall(Duration threshold) {
        return new CallPolicy(threshold, slowLevel, alertOn);
    }

    /**
     * {@return this policy with calls over {@code threshold} raising an alert of {@code level}}
     *
     * @param threshold zero for no alert
     * @param level the alert's level
     */
    public CallPolicy slowCall(Duration threshold, AlertLevel level) {
        return new CallPolicy(threshold, level, alertOn);
    }

    /**
     * {@return this policy with failures of {@code types} (or subtypes) raising an ERROR alert, besides those it has}
     *
     * @param types exception types; {@link McpToolError} for tool results with {@code isError: true}
     */
    @SafeVarargs
    public final CallPolicy alertOn(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> all = new ArrayList<>(alertOn);
        for (Class<? extends Throwable> type : types) {
            all.add(Objects.requireNonNull(type, "alert type"));
        }
        return new CallPolicy(slowCall, slowLevel, all);
    }

    /** The threshold in nanoseconds, saturated; 0 for none. */
    long slowNanos() {
        try {
            return slowCall.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}

package io.kmon.processor.ops;

import io.kmon.annotations.AlertLevel;
import java.util.List;
import java.util.Objects;

/**
 * One monitored method, as its alert rules see it.
 *
 * @param tag the {@code method} tag
 * @param slowMillis the {@code @SlowAlert} threshold in milliseconds, 0 for none
 * @param slowLevel the level of the slow-call alert
 * @param alertOnTypes the {@code error_type} values that raise an alert: the simple names of the
 *     {@code @AlertOn} types and of the method's declared exceptions that are subtypes of one,
 *     sorted, without repeats
 */
record OpsMethod(String tag, long slowMillis, AlertLevel slowLevel, List<String> alertOnTypes) {
    OpsMethod {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(slowLevel, "slowLevel");
        alertOnTypes = List.copyOf(alertOnTypes);
    }
}

package io.kmon.processor.ops;

import io.kmon.annotations.MetricNaming;
import java.util.List;
import java.util.Objects;

/**
 * What the operations resources of one {@code @Monitored} interface describe.
 *
 * @param interfaceName the interface's binary name, also the resources' base name
 * @param component the {@code component} tag
 * @param prefix the metric prefix
 * @param methods the monitored methods (delegated ones left out), in declaration order
 */
record OpsModel(String interfaceName, String component, String prefix, List<OpsMethod> methods) {
    OpsModel {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(prefix, "prefix");
        methods = List.copyOf(methods);
    }

    /** {@return the kmon name of the calls counter} */
    String calls() {
        return prefix + MetricNaming.CALLS;
    }

    /** {@return the kmon name of the successes counter} */
    String successes() {
        return prefix + MetricNaming.SUCCESSES;
    }

    /** {@return the kmon name of the errors counter} */
    String errors() {
        return prefix + MetricNaming.ERRORS;
    }

    /** {@return the kmon name of the duration timer} */
    String duration() {
        return prefix + MetricNaming.DURATION;
    }

    /** {@return the Prometheus sample name of the calls counter} */
    String callsSample() {
        return MetricNaming.counterSample(calls());
    }

    /** {@return the Prometheus sample name of the errors counter} */
    String errorsSample() {
        return MetricNaming.counterSample(errors());
    }

    /** {@return the Prometheus histogram family of the duration timer} */
    String durationFamily() {
        return MetricNaming.timerFamily(duration());
    }
}

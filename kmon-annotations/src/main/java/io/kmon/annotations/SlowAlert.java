package io.kmon.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises one alert for every call that takes longer than {@link #millis()}.
 *
 * <p>On the interface it applies to every method; on a method it overrides the interface's.
 * The alert is handed to kmon's background thread, so the slow call itself is not slowed
 * further. The processor reports a compile error when {@code millis} is not positive or when
 * the enclosing interface is not {@link Monitored}, when the method is static, private,
 * {@code equals}, {@code hashCode} or {@code toString}, or when it is also {@link NotMonitored}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SlowAlert {
    /** {@return the threshold in milliseconds} It must be greater than zero. */
    long millis();

    /** {@return the level of the alert raised for a slow call} */
    AlertLevel level() default AlertLevel.WARNING;
}

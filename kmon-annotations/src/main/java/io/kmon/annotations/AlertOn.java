package io.kmon.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises an {@link AlertLevel#ERROR} alert when a call fails with one of these exception
 * types (or a subtype), for failures that always need a person: connection refused,
 * authentication rejected.
 *
 * <p>On the interface it applies to every method; a method's own {@code @AlertOn} adds to the
 * interface's types. The processor reports a compile error when the enclosing interface is
 * not {@link Monitored}, the list is empty, a type is private to another class, or the method
 * is static, private, {@code equals}, {@code hashCode}, {@code toString} or {@link NotMonitored}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AlertOn {
    /** {@return the exception types that raise an alert} Subtypes match too. */
    Class<? extends Throwable>[] value();
}

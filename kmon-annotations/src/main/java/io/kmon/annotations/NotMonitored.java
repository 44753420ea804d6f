package io.kmon.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Passes a method of a {@link Monitored} interface straight to the delegate, with no timing
 * or counting. The processor reports a compile error when the enclosing interface is not
 * {@link Monitored}, when the method is static, private, {@code equals}, {@code hashCode} or
 * {@code toString} (none of which is monitored anyway), or when the method also carries
 * {@link SlowAlert} or {@link AlertOn}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NotMonitored {}

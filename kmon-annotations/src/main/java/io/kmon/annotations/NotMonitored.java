package io.kmon.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Passes a method of a {@link Monitored} interface straight to the delegate, with no timing
 * or counting. The processor reports a compile error when the enclosing interface is not
 * {@link Monitored}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NotMonitored {}

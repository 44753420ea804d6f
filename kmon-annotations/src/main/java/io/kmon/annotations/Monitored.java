package io.kmon.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose calls kmon times and counts.
 *
 * <p>At compile time kmon's processor writes {@code MonitoredFoo} next to {@code Foo}
 * ({@code MonitoredOuter_Api} for a nested {@code Outer.Api}), a final class that implements
 * the interface and delegates every call, recording {@code <prefix>.calls},
 * {@code <prefix>.successes}, {@code <prefix>.errors} and {@code <prefix>.duration} with tags
 * {@code component} and {@code method}.
 *
 * <pre>{@code
 * @Monitored(name = "media_api", prefix = "api")
 * public interface MediaApi { Media get(String id) throws IOException; }
 *
 * MediaApi api = MonitoredMediaApi.wrap(new HttpMediaApi());
 * }</pre>
 *
 * <p>The processor reports a compile error when the annotated type is not an interface, is
 * private, local or sealed, or when the generated name clashes with an existing type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Monitored {
    /** The component name (tag {@code component}); defaults to the interface's simple name. */
    String name() default "";

    /** The first part of every metric name, for example {@code api} in {@code api.calls}. */
    String prefix() default "kmon";
}

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
 * <p>Every abstract and default method, declared or inherited, is timed; a default method
 * calls the delegate's implementation. A method returning a {@code CompletionStage} (or a
 * subtype such as {@code CompletableFuture}) is timed until the stage completes, and the
 * caller gets the delegate's stage itself. Static methods are not part of the generated class;
 * {@link NotMonitored} methods, {@code equals}, {@code hashCode} and {@code toString} go to the
 * delegate unmonitored (two proxies are equal when their delegates are). An overloaded
 * method's {@code method} tag names its parameter types: {@code find(int)}. The generated
 * class is public when the interface can be seen outside its package, package-private
 * otherwise.
 *
 * <p>The processor reports a compile error when the annotated type is not an interface, is
 * private, local or sealed, when {@code prefix} is not a metric name or {@code name} is
 * blank, when the generated name clashes with an existing type, when an interface method
 * clashes with the generated {@code wrap} methods, when a signature uses a type the generated
 * class cannot see, or when kmon-runtime is not on the compile classpath. (javac shows
 * processors no local types, so a local interface is reported only when the processor runs,
 * that is when the compilation has another kmon annotation.)
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Monitored {
    /**
     * {@return the component name (tag {@code component})} It defaults to the interface's
     * qualified name ({@code shop.Orders}), so two interfaces never share a component unless they
     * name it.
     */
    String name() default "";

    /** {@return the first part of every metric name, for example {@code api} in {@code api.calls}} */
    String prefix() default "kmon";
}

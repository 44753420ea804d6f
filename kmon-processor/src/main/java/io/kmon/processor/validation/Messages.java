package io.kmon.processor.validation;

/**
 * The texts of kmon's compile errors. Each says what is wrong and what to do; tests import
 * them to check that a diagnostic points where it should. Where a message names a detail
 * (a type, a value), the detail follows the constant text in parentheses.
 */
public final class Messages {
    /** {@code @Monitored} on a class, enum, record or annotation type. */
    public static final String NOT_AN_INTERFACE = "@Monitored applies only to interfaces: declare an interface"
            + " with the methods to monitor, annotate it, and wrap the implementation with its Monitored* class";

    /** {@code @Monitored} on a private interface, or one nested in a private type. */
    public static final String PRIVATE_INTERFACE = "a @Monitored interface must be visible to its package:"
            + " the generated Monitored* class sits beside it; remove 'private' from the interface"
            + " and from every type that encloses it";

    /** {@code @Monitored} on a local type, or on a type nested in a local or anonymous class. */
    public static final String LOCAL_TYPE = "a @Monitored interface cannot be local: the generated Monitored* class"
            + " must be able to name it; move the interface out of the method body to a top-level or member interface";

    /** {@code @Monitored} on a sealed interface. */
    public static final String SEALED_INTERFACE = "a @Monitored interface cannot be sealed: the generated Monitored*"
            + " class must implement it; remove 'sealed' and 'permits', or annotate a non-sealed interface instead";

    /** {@code @Monitored(prefix)} that is not a valid metric name. */
    public static final String INVALID_PREFIX = "@Monitored(prefix) must be a metric name: dot-separated words of"
            + " letters, digits and '_', each not starting with a digit, for example \"api\" or \"shop.api\"";

    /** {@code @Monitored(name)} that is blank. */
    public static final String BLANK_NAME = "@Monitored(name) must not be blank: leave it out to use the interface's"
            + " simple name, or give the component a name";

    /** The generated class name is taken. */
    public static final String NAME_CLASH =
            "the name of the generated class is already taken by another type:" + " rename that type or the interface";

    /** The interface has an instance method with the signature of a generated {@code wrap} method. */
    public static final String WRAP_CLASH = "an interface method clashes with the generated static 'wrap' method"
            + " of the Monitored* class: rename the method, or pass it another parameter list";

    /** A type in a method signature or {@code @AlertOn} cannot be named by the generated class. */
    public static final String INACCESSIBLE_TYPE = "the generated Monitored* class cannot name a type this"
            + " interface uses, because that type is private (or protected in another package):"
            + " make the type visible to the interface's package";

    /** A type variable, member type, constant or same-package type hides a name the generated code must write. */
    public static final String NAME_HIDDEN = "this name hides one the generated Monitored* class must write:"
            + " where the interface reuses the simple name of a type the class uses (or the class's own name),"
            + " the class writes that type's qualified name, and this name is its first part (java, javax, io,"
            + " the package) or, in the unnamed package, the class's own name; rename it";

    /** kmon-runtime is not on the compile classpath. */
    public static final String RUNTIME_MISSING = "io.kmon.Kmon is not on the compile classpath, so the generated"
            + " Monitored* class could not compile: add the io.kmon:kmon-runtime dependency";

    /** {@code @SlowAlert(millis <= 0)}. */
    public static final String SLOW_ALERT_NOT_POSITIVE = "@SlowAlert(millis) must be greater than zero:"
            + " give the threshold in milliseconds, for example @SlowAlert(millis = 500)";

    /** {@code @SlowAlert(millis)} whose nanoseconds overflow a long. */
    public static final String SLOW_ALERT_TOO_LONG =
            "@SlowAlert(millis) is too large to count in nanoseconds:" + " use a threshold below 9,223,372,036,854 ms";

    /** {@code @AlertOn({})}. */
    public static final String ALERT_ON_EMPTY = "@AlertOn needs at least one exception type, for example"
            + " @AlertOn(java.net.ConnectException.class); remove it if no failure should raise an alert";

    /** {@code @SlowAlert} outside a {@code @Monitored} interface. */
    public static final String SLOW_ALERT_OUTSIDE_MONITORED = outsideMonitored("@SlowAlert");

    /** {@code @AlertOn} outside a {@code @Monitored} interface. */
    public static final String ALERT_ON_OUTSIDE_MONITORED = outsideMonitored("@AlertOn");

    /** {@code @NotMonitored} outside a {@code @Monitored} interface. */
    public static final String NOT_MONITORED_OUTSIDE_MONITORED = outsideMonitored("@NotMonitored");

    /** A kmon annotation on a method the generated class does not implement. */
    public static final String NOT_A_PROXY_METHOD = "this annotation has no effect here: static and private"
            + " interface methods are not part of the Monitored* class, and equals, hashCode and toString are"
            + " always passed to the delegate unmonitored; remove the annotation";

    /** {@code @NotMonitored} together with {@code @SlowAlert} or {@code @AlertOn}. */
    public static final String NOT_MONITORED_CONFLICT = "a @NotMonitored method is never timed, so @SlowAlert and"
            + " @AlertOn on it would do nothing: remove them, or remove @NotMonitored";

    /** A type the interface uses never resolved. */
    public static final String UNRESOLVED_TYPE = "the Monitored* class was not generated because a type this"
            + " interface uses could not be resolved: fix the earlier errors (a missing import or dependency)";

    /** A bug in kmon. */
    public static final String INTERNAL_ERROR = "kmon's processor failed unexpectedly and generated nothing for"
            + " this type; please report it with this message";

    private Messages() {}

    private static String outsideMonitored(String annotation) {
        return annotation + " only works on a @Monitored interface and its methods: add @Monitored to the"
                + " interface, or redeclare the method in a @Monitored interface and annotate it there";
    }
}

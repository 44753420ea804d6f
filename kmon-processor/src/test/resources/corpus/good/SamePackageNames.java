package shadow;

import io.kmon.annotations.Monitored;

/** An interface in a package that declares its own System, Throwable, StackOverflowError and Object. */
@Monitored
public interface SamePackageNames {
    java.lang.String read(java.lang.String key) throws java.io.IOException;
}

/** Named like java.lang.System. */
final class System {}

/** Named like java.lang.Throwable. */
final class Throwable {}

/** Named like java.lang.StackOverflowError. */
final class StackOverflowError {}

/** Named like java.lang.Object. */
final class Object {}

/** Named like java.lang.Override. */
final class Override {}

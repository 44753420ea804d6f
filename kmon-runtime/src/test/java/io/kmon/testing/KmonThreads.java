package io.kmon.testing;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The threads kmon starts ({@code kmon-background}, {@code kmon-health-N}, {@code kmon-http-*})
 * and the JDK HTTP server's dispatcher, for tests that check {@code close()} leaves none behind.
 * Other tests' instances may own some, so a test compares with a set it took before.
 */
public final class KmonThreads {
    private KmonThreads() {}

    /** {@return the live kmon threads} */
    public static Set<Thread> kmonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive()
                        && (t.getName().startsWith("kmon-") || t.getName().equals("HTTP-Dispatcher")))
                .collect(Collectors.toSet());
    }

    /**
     * Waits up to 10 s for every kmon thread not in {@code before} to end.
     *
     * @param before the kmon threads that were alive before the test started its own
     * @return the threads still alive at the deadline; empty when all ended
     * @throws InterruptedException when the test is interrupted while it waits
     */
    public static Set<Thread> awaitNoNewKmonThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> extra;
        do {
            extra = new HashSet<>(kmonThreads());
            extra.removeAll(before);
            if (!extra.isEmpty()) {
                Thread.sleep(10);
            }
        } while (!extra.isEmpty() && System.nanoTime() < deadline);
        return extra;
    }
}

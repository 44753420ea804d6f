package io.kmon.example.catalog;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network between the catalog client and the media API, simulated, since the example
 * has no real API behind it. The demo and the tests use it to make calls fail the way real
 * ones do (connection refused, session expired) or to make one call slow.
 *
 * <p>A one-shot fault or delay applies to the next call made on any thread; the link state
 * applies to every call until it changes. Thread-safe.
 */
public final class SimulatedLink {
    /** A one-shot failure of the next call. */
    public enum Fault {
        /** The next call cannot connect. */
        CONNECTION,
        /** The next call is rejected for an invalid session. */
        AUTHENTICATION
    }

    /** Waits out a simulated latency; tests pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        /** Blocks for {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Duration> nextDelay = new AtomicReference<>();
    private volatile Connectivity.State state = Connectivity.State.CONNECTED;

    /** A healthy link whose delays really sleep. */
    public SimulatedLink() {
        this(duration -> Thread.sleep(duration.toMillis()));
    }

    /** A healthy link whose delays are waited out by {@code sleeper}. */
    public SimulatedLink(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Makes the next call fail with {@code fault}. */
    public void failNext(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    /** Makes the next call take {@code delay} longer. */
    public void delayNext(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        nextDelay.set(delay);
    }

    /** Sets the link's lasting state: every call fails while it is not {@code CONNECTED}. */
    public void setState(Connectivity.State state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** The link as the client sees it, without making a call. */
    public Connectivity connectivity() {
        Connectivity.State now = state;
        return switch (now) {
            case CONNECTED -> new Connectivity(now, "session active");
            case SESSION_EXPIRED -> new Connectivity(now, "session expired; calls are rejected until it is renewed");
            case DISCONNECTED -> new Connectivity(now, "media API unreachable");
        };
    }

    /**
     * Called at the start of every API call: waits out a pending delay, then fails if the link
     * is down or a fault is pending.
     *
     * @throws CatalogConnectionException when the API cannot be reached (or the wait is interrupted)
     * @throws CatalogAuthenticationException when the session is rejected
     */
    void beforeCall(String operation) throws CatalogException {
        Duration delay = nextDelay.getAndSet(null);
        if (delay != null && !delay.isZero()) {
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the caller's interrupt
                throw new CatalogConnectionException(operation + ": interrupted while waiting for the media API");
            }
        }
        Connectivity.State now = state;
        if (now == Connectivity.State.DISCONNECTED) {
            throw new CatalogConnectionException(operation + ": connection refused by the media API");
        }
        if (now == Connectivity.State.SESSION_EXPIRED) {
            throw new CatalogAuthenticationException(operation + ": session expired");
        }
        Fault fault = faults.poll();
        if (fault == Fault.CONNECTION) {
            throw new CatalogConnectionException(operation + ": connection reset by the media API");
        }
        if (fault == Fault.AUTHENTICATION) {
            throw new CatalogAuthenticationException(operation + ": session token rejected");
        }
    }
}

package io.kmon.metrics;

/**
 * A value that is set, and can go up and down. Writes and reads are single volatile accesses.
 * A gauge that was never set reads {@link Double#NaN} and is left out of exports.
 */
public final class Gauge implements Meter {
    private final MeterId id;
    private volatile double value = Double.NaN;

    Gauge(MeterId id) {
        this.id = id;
    }

    /**
     * Sets the value.
     *
     * @param value the new value
     */
    public void set(double value) {
        this.value = value;
    }

    /** {@return the last value set, or NaN} */
    public double value() {
        return value;
    }

    @Override
    public MeterId id() {
        return id;
    }

    @Override
    public MeterSnapshot snapshot(long nowMillis) {
        return new MeterSnapshot.GaugeSnapshot(id, value);
    }
}

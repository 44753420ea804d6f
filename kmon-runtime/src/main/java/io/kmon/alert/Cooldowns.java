package io.kmon.alert;

import io.kmon.annotations.AlertLevel;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The cooldown state of every alert condition (rule + subject): when it last raised, at which
 * level, and how many alerts it suppressed since. Bounded: past {@value #PRUNE_AT} entries,
 * expired ones with nothing to report are dropped. Not thread-safe: {@link AlertEngine} guards it.
 */
final class Cooldowns {
    /** Entries kept before expired ones are pruned. */
    static final int PRUNE_AT = 1_024;
    /** Returned by {@link #admit} for an alert the cooldown holds back. */
    static final long SUPPRESSED = -1;
    /** The last-raised time of a resolved condition: far enough back for any cooldown, far from overflow. */
    private static final long RESOLVED = Long.MIN_VALUE / 4;

    private final long cooldownMillis;
    private final Map<Key, State> states = new HashMap<>();

    Cooldowns(long cooldownMillis) {
        this.cooldownMillis = cooldownMillis;
    }

    /**
     * Whether the condition may raise an alert of {@code level} at {@code timestamp}: raised
     * within the cooldown at the same or a higher level, it may not ({@link #SUPPRESSED}, and the
     * suppression is counted); otherwise it is marked raised now, and the result is how many
     * alerts it suppressed since it last raised.
     */
    long admit(String rule, String subject, AlertLevel level, long timestamp) {
        Key key = new Key(rule, subject);
        State state = states.get(key);
        if (state != null && timestamp - state.lastRaised < cooldownMillis && level.compareTo(state.lastLevel) <= 0) {
            state.suppressed++;
            return SUPPRESSED;
        }
        if (state == null) {
            if (states.size() >= PRUNE_AT) {
                prune(timestamp);
            }
            states.put(key, new State(timestamp, level));
            return 0;
        }
        long before = state.suppressed;
        state.lastRaised = timestamp;
        state.lastLevel = level;
        state.suppressed = 0;
        return before;
    }

    /** Marks the condition resolved: its next alert is raised at once, with the suppressed count so far. */
    void resolve(String rule, String subject) {
        State state = states.get(new Key(rule, subject));
        if (state != null) {
            state.lastRaised = RESOLVED;
        }
    }

    private void prune(long now) {
        Iterator<State> it = states.values().iterator();
        while (it.hasNext()) {
            State state = it.next();
            if (state.suppressed == 0 && now - state.lastRaised >= cooldownMillis) {
                it.remove();
            }
        }
    }

    private record Key(String rule, String subject) {}

    private static final class State {
        long lastRaised;
        AlertLevel lastLevel;
        long suppressed;

        State(long lastRaised, AlertLevel lastLevel) {
            this.lastRaised = lastRaised;
            this.lastLevel = lastLevel;
        }
    }
}

package io.kmon.processor;

import static io.kmon.processor.TargetValidationTest.assertRejected;

import io.kmon.processor.validation.Messages;
import org.junit.jupiter.api.Test;

/** Bad {@code @SlowAlert}, {@code @AlertOn} and {@code @NotMonitored} uses: errors on the annotation. */
class AnnotationValidationTest {

    @Test
    void slowAlertZero_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                public interface Api {
                    @SlowAlert(millis = 0)
                    void run();
                }
                """, Messages.SLOW_ALERT_NOT_POSITIVE, "@SlowAlert(millis = 0)");
    }

    @Test
    void negativeSlowAlertOnTheInterface_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                @SlowAlert(millis = -5)
                public interface Api { void run(); }
                """, Messages.SLOW_ALERT_NOT_POSITIVE, "@SlowAlert(millis = -5)");
    }

    @Test
    void slowAlertBeyondNanosecondRange_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                public interface Api {
                    @SlowAlert(millis = Long.MAX_VALUE)
                    void run();
                }
                """, Messages.SLOW_ALERT_TOO_LONG, "@SlowAlert(millis = Long.MAX_VALUE)");
    }

    @Test
    void emptyAlertOn_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.AlertOn;
                import io.kmon.annotations.Monitored;

                @Monitored
                public interface Api {
                    @AlertOn({})
                    void run();
                }
                """, Messages.ALERT_ON_EMPTY, "@AlertOn({})");
    }

    @Test
    void slowAlertOnAMethodOfAnUnmonitoredInterface_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.SlowAlert;

                public interface Api {
                    @SlowAlert(millis = 100)
                    void run();
                }
                """, Messages.SLOW_ALERT_OUTSIDE_MONITORED, "@SlowAlert(millis = 100)");
    }

    @Test
    void alertOnOnAMethodOfAnUnmonitoredInterface_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.AlertOn;

                public interface Api {
                    @AlertOn(java.io.IOException.class)
                    void run() throws java.io.IOException;
                }
                """, Messages.ALERT_ON_OUTSIDE_MONITORED, "@AlertOn(java.io.IOException.class)");
    }

    @Test
    void notMonitoredOnAMethodOfAnUnmonitoredInterface_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.NotMonitored;

                public interface Api {
                    @NotMonitored
                    void run();
                }
                """, Messages.NOT_MONITORED_OUTSIDE_MONITORED, "@NotMonitored");
    }

    @Test
    void slowAlertOnAnUnmonitoredInterface_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.SlowAlert;

                @SlowAlert(millis = 100)
                public interface Api { void run(); }
                """, Messages.SLOW_ALERT_OUTSIDE_MONITORED, "@SlowAlert(millis = 100)");
    }

    @Test
    void slowAlertOnAClassMethod_fails() {
        assertRejected("Service", """
                package test;

                import io.kmon.annotations.SlowAlert;

                public class Service {
                    @SlowAlert(millis = 100)
                    public void run() {}
                }
                """, Messages.SLOW_ALERT_OUTSIDE_MONITORED, "@SlowAlert(millis = 100)");
    }

    @Test
    void slowAlertOnAStaticMethod_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                public interface Api {
                    void run();

                    @SlowAlert(millis = 100)
                    static Api create() { return null; }
                }
                """, Messages.NOT_A_PROXY_METHOD, "@SlowAlert(millis = 100)");
    }

    @Test
    void notMonitoredOnToString_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.NotMonitored;

                @Monitored
                public interface Api {
                    void run();

                    @NotMonitored
                    String toString();
                }
                """, Messages.NOT_A_PROXY_METHOD, "@NotMonitored");
    }

    @Test
    void notMonitoredWithAnAlert_fails() {
        assertRejected("Api", """
                package test;

                import io.kmon.annotations.Monitored;
                import io.kmon.annotations.NotMonitored;
                import io.kmon.annotations.SlowAlert;

                @Monitored
                public interface Api {
                    @SlowAlert(millis = 100) @NotMonitored
                    void run();
                }
                """, Messages.NOT_MONITORED_CONFLICT, "@SlowAlert(millis = 100) @NotMonitored");
    }
}

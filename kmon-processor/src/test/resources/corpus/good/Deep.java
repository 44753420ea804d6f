package test;

import io.kmon.annotations.Monitored;

/** Three levels of nesting: generates MonitoredDeep_Middle_Inner. */
public final class Deep {
    private Deep() {}

    /** The middle level. */
    public static final class Middle {
        private Middle() {}

        /** The monitored one. */
        @Monitored(name = "deep_inner")
        public interface Inner {
            String ping();
        }
    }
}

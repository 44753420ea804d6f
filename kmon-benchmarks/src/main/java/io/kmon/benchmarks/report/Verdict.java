package io.kmon.benchmarks.report;

/**
 * One target of the issue, against what the run measured.
 *
 * @param target what the issue asks, in words
 * @param measured what the run found, in words and figures
 * @param status met, missed, or not measured in this run
 */
public record Verdict(String target, String measured, Status status) {

    /** Whether a target was met. */
    public enum Status {
        /** Met. */
        MET("met"),
        /** Missed. */
        MISSED("**missed**"),
        /** A figure it needs is not in this run. */
        NOT_MEASURED("not measured");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** How the report shows it. */
        public String text() {
            return text;
        }

        static Status of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    static Verdict notMeasured(String target, String why) {
        return new Verdict(target, why, Status.NOT_MEASURED);
    }
}

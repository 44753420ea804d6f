package test;

import io.kmon.annotations.Monitored;

@Monitored public record RecordTarget(int x) {}

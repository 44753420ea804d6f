package test;

import io.kmon.annotations.Monitored;

@Monitored
public interface Taken { void run(); }

final class MonitoredTaken {}

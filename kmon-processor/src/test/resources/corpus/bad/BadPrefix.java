package test;

import io.kmon.annotations.Monitored;

@Monitored(prefix = "9lives")
public interface BadPrefix { void run(); }

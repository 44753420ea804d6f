package test;

import io.kmon.annotations.Monitored;

@Monitored(name = "  ")
public interface BlankName { void run(); }

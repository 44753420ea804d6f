package test;

import io.kmon.annotations.Monitored;

@Monitored(prefix = "billing */ final class Injected { static { System.exit(3); } } /*")
public interface InjectedPrefix { void run(); }

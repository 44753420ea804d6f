package test;

import io.kmon.annotations.Monitored;

@Monitored public sealed interface SealedTarget permits SealedImpl { double area(); }

final class SealedImpl implements SealedTarget { public double area() { return 1; } }

package test;

import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;

@Monitored
@SlowAlert(millis = -5)
public interface SlowNegative { void run(); }

package test;

import io.kmon.annotations.Monitored;

@Monitored
public interface WrapClash {
    WrapClash wrap(WrapClash other);
}

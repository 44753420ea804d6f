package test;

import io.kmon.annotations.Monitored;

/** No methods at all: the proxy has only wrap, equals, hashCode and toString. */
@Monitored
public interface Marker {}

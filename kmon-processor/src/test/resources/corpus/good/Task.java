package test;

import io.kmon.annotations.Monitored;

/** A functional interface that throws Exception. */
@Monitored
@FunctionalInterface
public interface Task {
    String run(String input) throws Exception;
}

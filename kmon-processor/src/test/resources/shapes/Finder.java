package test;

import io.kmon.annotations.Monitored;
import java.util.List;

/** Overloads, told apart in the method tag. */
@Monitored
public interface Finder {
    String find();

    String find(int id);

    String find(String key);

    String find(int[] ids);

    String find(List<String> keys);

    String find(Object... keys);

    String other(int id);
}

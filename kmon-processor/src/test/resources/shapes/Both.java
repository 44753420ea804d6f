package test;

import io.kmon.annotations.Monitored;
import java.io.IOException;
import java.sql.SQLException;

/** One method declared by two unrelated super-interfaces with different returns and throws. */
@Monitored
public interface Both extends Reader, Loader {}

/** Returns a CharSequence and may throw two checked exceptions. */
interface Reader {
    CharSequence read() throws IOException, SQLException;
}

/** Returns a String and may throw one. */
interface Loader {
    String read() throws IOException;
}

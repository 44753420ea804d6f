package test;

import io.kmon.annotations.Monitored;
import java.io.IOException;
import java.sql.SQLException;

/** Several checked exceptions, a bare Exception, and a thrown type variable. */
@Monitored
public interface Checked {
    String read(String path) throws IOException, SQLException;

    void close() throws Exception;

    <X extends Throwable> void raise(X error) throws X;
}

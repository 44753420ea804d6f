package test;

import io.kmon.annotations.Monitored;

/** Two types with one simple name: the generated code must qualify them. */
@Monitored
public interface Dates {
    java.util.Date toUtil(java.sql.Date date);

    java.sql.Date toSql(java.util.Date date);
}

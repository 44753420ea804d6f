package test;

import io.kmon.annotations.Monitored;

/** Constants, declared and inherited, named like the types the generated code names in expressions. */
@Monitored
public interface ConstantNames extends MoreConstants {
    int System = 1;
    String Objects = "objects";

    int read(int value);
}

/** Inherited constants. */
interface MoreConstants {
    int Kmon = 2;
    int AlertLevel = 3;
}

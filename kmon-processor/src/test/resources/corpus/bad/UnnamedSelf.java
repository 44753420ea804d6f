import io.kmon.annotations.Monitored;

/** In the unnamed package the generated class cannot name itself past this member type. */
@Monitored
public interface UnnamedSelf {
    class MonitoredUnnamedSelf {}

    void run();
}

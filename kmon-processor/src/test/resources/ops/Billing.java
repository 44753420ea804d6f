package ops;

import io.kmon.annotations.AlertLevel;
import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.NotMonitored;
import io.kmon.annotations.SlowAlert;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

/** The interface the promtool rule tests (billing.test.yml) run the generated rules of. */
@Monitored(name = "billing_api", prefix = "api")
@AlertOn(ConnectException.class)
@SlowAlert(millis = 500)
public interface Billing {
    /** A ConnectException the processor sees declared, so its simple name alerts too. */
    class GatewayDownException extends ConnectException {
        private static final long serialVersionUID = 1L;
    }

    String invoice(String id) throws IOException;

    @SlowAlert(millis = 100, level = AlertLevel.CRITICAL)
    List<String> unpaid(int limit);

    @AlertOn(IllegalStateException.class)
    void charge(long cents) throws GatewayDownException;

    @NotMonitored
    String version();
}

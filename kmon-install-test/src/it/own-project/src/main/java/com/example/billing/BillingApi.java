package com.example.billing;

import io.kmon.annotations.AlertOn;
import io.kmon.annotations.Monitored;
import io.kmon.annotations.SlowAlert;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;

// README, step 2, as it stands:
@Monitored(name = "billing_api", prefix = "api")
@AlertOn({ConnectException.class})        // these failures raise an ERROR alert
@SlowAlert(millis = 500)                  // so does any call over 500 ms (a WARNING)
public interface BillingApi {
    Invoice invoice(String id) throws IOException;
    List<Invoice> unpaid(int limit) throws IOException;
}

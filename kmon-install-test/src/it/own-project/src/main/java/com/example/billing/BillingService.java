package com.example.billing;

import io.kmon.Kmon;
import io.kmon.health.HealthResult;
import io.kmon.http.KmonServer;
import java.util.Map;

/** The service's start-up, wired as the README's step 3 says. */
public final class BillingService {
    private final BillingApi api;
    private final KmonServer server;

    private BillingService(BillingApi api, KmonServer server) {
        this.api = api;
        this.server = server;
    }

    /** README, step 3, as it stands. */
    public static BillingService start(HttpBillingApi.Client client, Pool pool) {
        Kmon kmon = Kmon.global();
        BillingApi api = MonitoredBillingApi.wrap(new HttpBillingApi(client), kmon);
        kmon.health().register("billing_db", () -> pool.isUp()
                ? HealthResult.healthy(Map.of("connections", pool.size()))
                : HealthResult.unhealthy(Map.of("reason", "no connection")));
        KmonServer server = KmonServer.start(kmon, 8000);   // http://127.0.0.1:8000/
        return new BillingService(api, server);
    }

    public BillingApi api() {
        return api;
    }

    public KmonServer server() {
        return server;
    }
}

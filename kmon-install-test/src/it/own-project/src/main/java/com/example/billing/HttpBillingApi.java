package com.example.billing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The implementation the README wraps: reads invoices through a {@link Client}. */
public final class HttpBillingApi implements BillingApi {
    /** The transport: one line per invoice, {@code id,cents,paid}. */
    public interface Client {
        List<String> get(String path) throws IOException;
    }

    private final Client client;

    public HttpBillingApi(Client client) {
        this.client = client;
    }

    @Override
    public Invoice invoice(String id) throws IOException {
        List<String> lines = client.get("/invoices/" + id);
        if (lines.isEmpty()) {
            throw new IOException("no invoice " + id);
        }
        return parse(lines.get(0));
    }

    @Override
    public List<Invoice> unpaid(int limit) throws IOException {
        List<Invoice> unpaid = new ArrayList<>();
        for (String line : client.get("/invoices?paid=false")) {
            if (unpaid.size() == limit) {
                break;
            }
            unpaid.add(parse(line));
        }
        return unpaid;
    }

    private static Invoice parse(String line) {
        String[] fields = line.split(",");
        return new Invoice(fields[0], Long.parseLong(fields[1]), Boolean.parseBoolean(fields[2]));
    }
}

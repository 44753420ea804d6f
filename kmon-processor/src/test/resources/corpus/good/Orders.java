package test;

import io.kmon.annotations.Monitored;

/** A component name and a dotted prefix. */
@Monitored(name = "orders_api", prefix = "shop.orders")
public interface Orders {
    String place(String item);
}

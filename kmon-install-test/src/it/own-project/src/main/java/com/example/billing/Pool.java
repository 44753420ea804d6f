package com.example.billing;

/** The service's database pool, as far as its health check needs it. */
public interface Pool {
    boolean isUp();

    int size();
}

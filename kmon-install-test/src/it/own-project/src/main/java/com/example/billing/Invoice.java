package com.example.billing;

/** An invoice, as the billing service returns it. */
public record Invoice(String id, long cents, boolean paid) {}

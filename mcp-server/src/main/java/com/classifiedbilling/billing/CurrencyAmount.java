package com.classifiedbilling.billing;

import java.math.BigDecimal;
import java.util.Objects;

/** A sum of money in one currency, with how many invoices it adds up. */
public record CurrencyAmount(String currency, BigDecimal amount, long invoices) {

    public CurrencyAmount {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
    }
}

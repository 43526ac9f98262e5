package com.classifiedbilling.billing;

import reactor.core.publisher.Flux;

/** The ISO 4217 currencies the database accepts. */
public interface CurrencyRepository {

    Flux<String> codes();
}

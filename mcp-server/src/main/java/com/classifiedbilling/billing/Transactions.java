package com.classifiedbilling.billing;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs work in one database transaction: all of its writes land, or none. */
public interface Transactions {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}

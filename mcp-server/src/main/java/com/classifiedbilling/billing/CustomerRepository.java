package com.classifiedbilling.billing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of a workspace's customers. */
public interface CustomerRepository {

    /**
     * Customers by company name, then id.
     *
     * @param search text that the company name or email must contain, ignoring case; {@code null}
     *     for all
     */
    Flux<Customer> search(String workspaceId, String search, int limit);

    Mono<Customer> insert(Customer customer);
}

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
     * @param after the last customer of the previous page, or {@code null} for the first page
     */
    Flux<Customer> search(String workspaceId, String search, After<String> after, int limit);

    Mono<Customer> insert(Customer customer);
}

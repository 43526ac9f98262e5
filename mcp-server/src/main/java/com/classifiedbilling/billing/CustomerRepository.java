package com.classifiedbilling.billing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of a workspace's customers. */
public interface CustomerRepository {

    /**
     * Customers by company name, then id.
     *
     * @param search text that the company name, company email, contact's first or last name or
     *     contact email must contain, ignoring case; {@code null} for all
     * @param country the address's country, ignoring case; {@code null} for all
     * @param after the last customer of the previous page, or {@code null} for the first page
     */
    Flux<Customer> search(String workspaceId, String search, String country, After<String> after, int limit);

    Mono<Customer> insert(Customer customer);
}

package com.classifiedbilling.billing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consistency check of the summaries the database keeps as invoices, customers, service items
 * and members change (docs/architecture.md, "Summaries").
 */
public interface SummaryRepository {

    /**
     * Every kept summary row that differs from a recount, read in one snapshot so that writes
     * going on meanwhile never show as drift.
     *
     * @param workspaceId one workspace, or {@code null} for all
     */
    Flux<SummaryDrift> drift(String workspaceId);

    /**
     * Adds each drift to its summary row as a correction, so that writes committed meanwhile keep
     * their own part; the summaries then equal a recount.
     *
     * @param workspaceId one workspace, or {@code null} for all
     * @return how many summary rows were corrected
     */
    Mono<Long> repair(String workspaceId);
}

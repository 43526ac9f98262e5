package com.classifiedbilling.billing;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Storage of workspaces and their teams. */
public interface WorkspaceRepository {

    /** Workspaces the user owns or is a member of, by title. */
    Flux<Workspace> findAccessibleBy(String userId);

    /** The workspace if the user owns it or is a member of it; empty otherwise, alike. */
    Mono<Workspace> findAccessible(String userId, String workspaceId);

    Mono<Workspace> findById(String workspaceId);

    /** Counts of customers, service items, team (owner and members) and invoices by status. */
    Mono<WorkspaceSummary> summarize(Workspace workspace);

    /** Stores a new workspace; fails with a {@code CONFLICT} when its slug is taken. */
    Mono<Workspace> insert(Workspace workspace);

    /** Adds a member; fails with a {@code CONFLICT} when the user is one already. */
    Mono<Void> addMember(String workspaceId, String userId, Instant at);
}

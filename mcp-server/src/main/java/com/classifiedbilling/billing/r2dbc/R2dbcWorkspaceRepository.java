package com.classifiedbilling.billing.r2dbc;

import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.InvoiceStatus;
import com.classifiedbilling.billing.Workspace;
import com.classifiedbilling.billing.WorkspaceRepository;
import com.classifiedbilling.billing.WorkspaceSummary;
import com.classifiedbilling.billing.WorkspaceSummary.StatusCount;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link WorkspaceRepository} on {@code workspaces} and {@code workspace_members}. */
@Component
final class R2dbcWorkspaceRepository implements WorkspaceRepository {

    private static final String COLUMNS = "w.id, w.owner_id, w.title, w.description, w.url_slug, "
            + "w.business_name, w.business_email, w.currency, w.created_at";

    /** Owner or member: the one rule of workspace access. */
    private static final String ACCESSIBLE = "(w.owner_id = :userId OR EXISTS (SELECT 1 FROM workspace_members m "
            + "WHERE m.workspace_id = w.id AND m.user_id = :userId))";

    private final DatabaseClient db;

    /**
     * Workspaces a user was found to reach, by user and workspace: every workspace tool asks this
     * first, so a busy user costs one access query per time to live, not one per call. Only what
     * was found is kept, so a workspace made a moment ago is never "not found"; access taken away
     * elsewhere takes effect within the time to live.
     */
    private final Cache<String, Workspace> accessible;

    R2dbcWorkspaceRepository(DatabaseClient db, WorkspaceCacheProperties cache) {
        this.db = db;
        this.accessible = Caffeine.newBuilder()
                .maximumSize(cache.size())
                .expireAfterWrite(cache.accessTtl())
                .build();
    }

    @Override
    public Flux<Workspace> findAccessibleBy(String userId) {
        return db.sql("SELECT " + COLUMNS + " FROM workspaces w WHERE " + ACCESSIBLE + " ORDER BY w.title, w.id")
                .bind("userId", userId)
                .map(R2dbcWorkspaceRepository::workspace)
                .all();
    }

    @Override
    public Mono<Workspace> findAccessible(String userId, String workspaceId) {
        String key = userId + '/' + workspaceId;
        Workspace known = accessible.getIfPresent(key);
        if (known != null) {
            return Mono.just(known);
        }
        return db.sql("SELECT " + COLUMNS + " FROM workspaces w WHERE w.id = :workspaceId AND " + ACCESSIBLE)
                .bind("workspaceId", workspaceId)
                .bind("userId", userId)
                .map(R2dbcWorkspaceRepository::workspace)
                .one()
                .doOnNext(workspace -> accessible.put(key, workspace));
    }

    @Override
    public Mono<Workspace> findById(String workspaceId) {
        return db.sql("SELECT " + COLUMNS + " FROM workspaces w WHERE w.id = :workspaceId")
                .bind("workspaceId", workspaceId)
                .map(R2dbcWorkspaceRepository::workspace)
                .one();
    }

    @Override
    public Mono<WorkspaceSummary> summarize(Workspace workspace) {
        Mono<long[]> counts = db.sql("""
                        SELECT (SELECT COUNT(*) FROM customers WHERE workspace_id = :id) AS customers,
                               (SELECT COUNT(*) FROM service_items WHERE workspace_id = :id) AS service_items,
                               (SELECT COUNT(*) FROM workspace_members WHERE workspace_id = :id) AS members""")
                .bind("id", workspace.id())
                .map(row -> new long[] {
                    Columns.count(row, "customers"), Columns.count(row, "service_items"), Columns.count(row, "members")
                })
                .one();
        Mono<List<StatusCount>> byStatus = db.sql("""
                        SELECT status, COUNT(*) AS invoices FROM invoices
                        WHERE workspace_id = :id GROUP BY status ORDER BY status""")
                .bind("id", workspace.id())
                .map(row -> new StatusCount(
                        InvoiceStatus.fromLabel(row.get("status", String.class)).orElseThrow(),
                        Columns.count(row, "invoices")))
                .all()
                .collectList();
        return Mono.zip(counts, byStatus).map(both -> {
            long[] c = both.getT1();
            long invoices = both.getT2().stream().mapToLong(StatusCount::count).sum();
            // the team is the owner and the members
            return new WorkspaceSummary(workspace, c[0], invoices, c[1], c[2] + 1, both.getT2());
        });
    }

    @Override
    public Mono<Workspace> insert(Workspace w) {
        return db.sql("""
                        INSERT INTO workspaces (id, owner_id, title, description, url_slug, business_name,
                                                business_email, currency, created_at)
                        VALUES (:id, :ownerId, :title, :description, :urlSlug, :businessName,
                                :businessEmail, :currency, :createdAt)""")
                .bind("id", w.id())
                .bind("ownerId", w.ownerId())
                .bind("title", w.title())
                .bind("description", Columns.text(w.description()))
                .bind("urlSlug", w.urlSlug())
                .bind("businessName", Columns.text(w.businessName()))
                .bind("businessEmail", Columns.text(w.businessEmail()))
                .bind("currency", w.currency())
                .bind("createdAt", Columns.utc(w.createdAt()))
                .then()
                .thenReturn(w)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new BillingException(
                                BillingException.Kind.CONFLICT,
                                "The URL slug '" + w.urlSlug() + "' is taken; choose another."));
    }

    @Override
    public Mono<Void> addMember(String workspaceId, String userId, Instant at) {
        return db.sql("INSERT INTO workspace_members (workspace_id, user_id, added_at) VALUES (:w, :u, :at)")
                .bind("w", workspaceId)
                .bind("u", userId)
                .bind("at", Columns.utc(at))
                .then()
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> new BillingException(
                                BillingException.Kind.CONFLICT, "That user is a member of the workspace already."));
    }

    private static Workspace workspace(Readable row) {
        return new Workspace(
                row.get("id", String.class),
                row.get("owner_id", String.class),
                row.get("title", String.class),
                row.get("description", String.class),
                row.get("url_slug", String.class),
                row.get("business_name", String.class),
                row.get("business_email", String.class),
                row.get("currency", String.class),
                Columns.instant(row, "created_at"));
    }
}

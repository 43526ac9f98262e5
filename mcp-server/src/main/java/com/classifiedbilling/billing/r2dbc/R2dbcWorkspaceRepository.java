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
import java.util.ArrayList;
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
        // one statement over the summaries the database keeps (db/postgresql/V5): the row counts
        // of the workspace's tables, then its invoices by status
        return summaryQuery(workspace.id())
                .on(db)
                .map(row -> new Count(row.get("name", String.class), Columns.count(row, "n")))
                .all()
                .collectList()
                .map(counts -> summary(workspace, counts));
    }

    static BoundSql summaryQuery(String workspaceId) {
        return new BoundSql.Builder("""
                        SELECT table_name AS name, row_count AS n FROM workspace_row_counts WHERE workspace_id = :id
                        UNION ALL
                        SELECT status, SUM(invoices) FROM invoice_totals WHERE workspace_id = :id GROUP BY status""").bind("id", workspaceId).build();
    }

    private static WorkspaceSummary summary(Workspace workspace, List<Count> counts) {
        List<StatusCount> byStatus = new ArrayList<>();
        for (InvoiceStatus status : InvoiceStatus.values()) {
            long n = Count.of(counts, status.label());
            if (n != 0) {
                byStatus.add(new StatusCount(status, n));
            }
        }
        long invoices = byStatus.stream().mapToLong(StatusCount::count).sum();
        // the team is the owner and the members
        return new WorkspaceSummary(
                workspace,
                Count.of(counts, "customers"),
                invoices,
                Count.of(counts, "service_items"),
                Count.of(counts, "workspace_members") + 1,
                byStatus);
    }

    /** One row of the summary statement: a table's rows or a status's invoices. */
    private record Count(String name, long n) {

        static long of(List<Count> counts, String name) {
            return counts.stream()
                    .filter(c -> c.name().equals(name))
                    .mapToLong(Count::n)
                    .sum();
        }
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

package com.classifiedbilling.billing;

import com.classifiedbilling.auth.RandomIds;
import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Workspaces as their users see them. Every question about a workspace starts with
 * {@link #requireAccessible}: an unknown workspace and someone else's answer the same.
 */
public final class WorkspaceService {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private static final int MAX_SLUG = 100;

    private final WorkspaceRepository workspaces;

    private final Currencies currencies;

    private final RandomIds ids;

    private final Clock clock;

    public WorkspaceService(WorkspaceRepository workspaces, Currencies currencies, RandomIds ids, Clock clock) {
        this.workspaces = workspaces;
        this.currencies = currencies;
        this.ids = ids;
        this.clock = clock;
    }

    /** Workspaces the user owns or is a member of, by title. */
    public Flux<Workspace> accessible(String userId) {
        return workspaces.findAccessibleBy(userId);
    }

    /** The workspace, if the user may work in it; {@code NOT_FOUND} otherwise. */
    public Mono<Workspace> requireAccessible(String userId, String workspaceId) {
        if (workspaceId == null || workspaceId.isBlank()) {
            return Mono.error(BillingException.invalidInput("Missing required field 'workspace_id'."));
        }
        return workspaces
                .findAccessible(userId, workspaceId)
                .switchIfEmpty(Mono.error(BillingException::workspaceNotFound));
    }

    public Mono<WorkspaceSummary> summary(String userId, String workspaceId) {
        return requireAccessible(userId, workspaceId).flatMap(workspaces::summarize);
    }

    /**
     * Creates a workspace owned by {@code ownerId}. Without a slug, one is made from the title.
     * Fails with {@code INVALID_INPUT} for bad fields and {@code CONFLICT} for a taken slug.
     */
    public Mono<Workspace> create(String ownerId, NewWorkspace request) {
        return Mono.defer(() -> {
            String title = InputRules.required("title", request.title(), 200);
            String slug = request.urlSlug() == null ? slugOf(title) : request.urlSlug();
            if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
                return Mono.error(BillingException.invalidInput("Slug '" + slug
                        + "' must be lower-case letters and digits in words joined by '-', at most "
                        + MAX_SLUG + " characters."));
            }
            String businessEmail = request.businessEmail() == null
                    ? null
                    : InputRules.email("business_email", request.businessEmail());
            String currency = request.currency() == null ? "USD" : request.currency();
            String description = InputRules.optional("description", request.description(), 2000);
            String businessName = InputRules.optional("business_name", request.businessName(), 200);
            return currencies
                    .require(currency)
                    .flatMap(code -> workspaces.insert(new Workspace(
                            ids.next("ws"),
                            ownerId,
                            title,
                            description,
                            slug,
                            businessName,
                            businessEmail,
                            code,
                            clock.instant())));
        });
    }

    /** Adds a user to a workspace's team; {@code CONFLICT} if already the owner or a member. */
    public Mono<Void> addMember(String workspaceId, String userId) {
        return workspaces
                .findById(workspaceId)
                .switchIfEmpty(Mono.error(() -> new BillingException(
                        BillingException.Kind.NOT_FOUND, "No workspace with id " + workspaceId + ".")))
                .flatMap(workspace -> workspace.ownerId().equals(userId)
                        ? Mono.error(new BillingException(
                                BillingException.Kind.CONFLICT, "That user owns the workspace already."))
                        : workspaces.addMember(workspaceId, userId, clock.instant()));
    }

    static String slugOf(String title) {
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "workspace" : slug;
    }

    /** What is needed to create a workspace; all but the title are optional. */
    public record NewWorkspace(
            String title,
            String description,
            String urlSlug,
            String businessName,
            String businessEmail,
            String currency) {}
}

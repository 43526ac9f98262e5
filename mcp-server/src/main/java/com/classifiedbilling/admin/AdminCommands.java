package com.classifiedbilling.admin;

import com.classifiedbilling.auth.apikey.ApiKey;
import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.apikey.IssuedApiKey;
import com.classifiedbilling.auth.oauth.jwt.SigningKeys;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.AccountException;
import com.classifiedbilling.auth.user.User;
import com.classifiedbilling.auth.user.UserService;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.SummaryDrift;
import com.classifiedbilling.billing.SummaryRepository;
import com.classifiedbilling.billing.Workspace;
import com.classifiedbilling.billing.WorkspaceService;
import com.classifiedbilling.billing.WorkspaceService.NewWorkspace;
import com.classifiedbilling.demo.DemoData;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Carries out admin commands through the same services the server uses; each yields its output. */
@Component
final class AdminCommands {

    private final UserService users;

    private final ApiKeyService keys;

    private final WorkspaceService workspaces;

    private final DemoData demo;

    private final SigningKeys signingKeys;

    private final SummaryRepository summaries;

    AdminCommands(
            UserService users,
            ApiKeyService keys,
            WorkspaceService workspaces,
            DemoData demo,
            SigningKeys signingKeys,
            SummaryRepository summaries) {
        this.users = users;
        this.keys = keys;
        this.workspaces = workspaces;
        this.demo = demo;
        this.signingKeys = signingKeys;
        this.summaries = summaries;
    }

    /** What to print on standard output when the command succeeds. */
    Mono<String> execute(AdminCommandLine line) {
        return switch (line.command()) {
            case CREATE_USER ->
                users.create(line.option("email"), line.option("name"), line.option("plan"))
                        .map(User::id);
            case CREATE_WORKSPACE ->
                users.require(line.option("owner"))
                        .flatMap(owner -> workspaces.create(
                                owner.id(),
                                new NewWorkspace(
                                        line.option("title"),
                                        line.option("description"),
                                        line.option("slug"),
                                        line.option("business-name"),
                                        line.option("business-email"),
                                        line.option("currency"))))
                        .map(Workspace::id);
            case ADD_MEMBER ->
                users.require(line.option("email"))
                        .flatMap(user -> workspaces.addMember(line.option("workspace"), user.id()))
                        .thenReturn("Added " + line.option("email") + " to " + line.option("workspace"));
            case CREATE_KEY ->
                Mono.fromCallable(() -> access(line.option("access")))
                        .flatMap(scopes -> keys.issue(line.option("email"), line.option("name"), scopes))
                        .map(IssuedApiKey::secret);
            case ROTATE_SIGNING_KEY ->
                signingKeys
                        .rotate()
                        .map(kid -> "New signing key " + kid
                                + " is published now and signs from two key reloads on (billing.oauth.key-refresh)");
            case LIST_KEYS ->
                keys.list(line.option("email"))
                        .map(AdminCommands::keyRow)
                        .collect(
                                Collectors.joining("\n", "ID\tNAME\tPREFIX\tACCESS\tCREATED\tLAST_USED\tSTATUS\n", ""));
            case REVOKE_KEY -> keys.revoke(line.option("id")).thenReturn("Revoked " + line.option("id"));
            case CHECK_SUMMARIES ->
                summaries.drift(line.option("workspace")).collectList().flatMap(AdminCommands::noDrift);
            case REPAIR_SUMMARIES ->
                summaries
                        .repair(line.option("workspace"))
                        .map(rows -> rows == 0
                                ? "Nothing to repair: the summaries equal a recount of the rows."
                                : "Corrected " + rows + " summary rows; they equal a recount of the rows now.");
            case SEED_DEMO ->
                users.require(line.option("email"))
                        .flatMap(user -> demo.seed(user.id()))
                        .map(Workspace::id);
        };
    }

    /** The check's report: fine when nothing drifted, a refusal (exit code 1) listing what did. */
    private static Mono<String> noDrift(List<SummaryDrift> drift) {
        if (drift.isEmpty()) {
            return Mono.just("No drift: every summary equals a recount of the rows.");
        }
        String rows = drift.stream().map(SummaryDrift::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        return Mono.error(new BillingException(
                BillingException.Kind.CONFLICT,
                drift.size() + " summary rows differ from a recount (repair-summaries corrects them):" + rows));
    }

    private static String keyRow(ApiKey key) {
        return String.join(
                "\t",
                key.id(),
                key.name(),
                key.displayPrefix() + "…",
                key.scopes().contains(Scope.WRITE) ? "full" : "read",
                key.createdAt().toString(),
                orDash(key.lastUsedAt()),
                key.revoked() ? "revoked " + key.revokedAt() : "active");
    }

    /** The scopes for {@code --access}: {@code full} (the default) or {@code read}. */
    private static Set<Scope> access(String access) {
        if (access == null || access.equals("full")) {
            return EnumSet.allOf(Scope.class);
        }
        if (access.equals("read")) {
            return EnumSet.of(Scope.READ);
        }
        throw new AccountException("Unknown access '" + access + "'. Allowed: full, read.");
    }

    private static String orDash(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }
}

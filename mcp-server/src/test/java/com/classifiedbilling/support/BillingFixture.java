package com.classifiedbilling.support;

import com.classifiedbilling.auth.apikey.ApiKeyService;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.auth.user.User;
import com.classifiedbilling.auth.user.UserService;
import com.classifiedbilling.billing.Workspace;
import com.classifiedbilling.demo.DemoData;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Users with keys and demo workspaces, made through the real services, for tests that call the
 * server as a customer would. Test code, so it may wait for each step.
 */
public final class BillingFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final UserService users;

    private final ApiKeyService keys;

    private final DemoData demo;

    public BillingFixture(ApplicationContext context) {
        this.users = context.getBean(UserService.class);
        this.keys = context.getBean(ApiKeyService.class);
        this.demo = context.getBean(DemoData.class);
    }

    /** A user of this plan with a full-access key and one demo workspace. */
    public Account account(String plan) {
        User user = users.create("user-" + UUID.randomUUID() + "@example.com", "Test User", plan)
                .block(WAIT);
        String key = keys.issue(user.email(), "test key").block(WAIT).secret();
        Workspace workspace = demo.seed(user.id()).block(WAIT);
        return new Account(user, key, workspace.id());
    }

    /** Another key of the same user, with these scopes. */
    public String key(Account account, Set<Scope> scopes) {
        return keys.issue(account.user().email(), "scoped key", scopes)
                .block(WAIT)
                .secret();
    }

    public String readOnlyKey(Account account) {
        return key(account, EnumSet.of(Scope.READ));
    }

    /** A user, the key it calls with and its demo workspace. */
    public record Account(User user, String key, String workspaceId) {}
}

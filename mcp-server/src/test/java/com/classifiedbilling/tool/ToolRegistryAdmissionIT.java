package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.support.BillingFixture;
import com.classifiedbilling.support.BillingFixture.Account;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import reactor.test.StepVerifier;

/**
 * Defence in depth: a tool call that reaches the registry without an admission from a door (here,
 * straight from code, the way a future door that forgot to count would) is counted by the registry
 * against the caller's plan, and refused once the plan is used up; an admission admits one call only.
 */
@SpringBootTest
class ToolRegistryAdmissionIT extends PostgresIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ToolRegistry registry;

    @Autowired
    ApiKeyAuthenticator keys;

    @Test
    void whenACallArrivesWithoutAnAdmissionThenTheRegistryCountsItAndRefusesPastThePlan() {
        BillingPrincipal starter = principal("Starter");
        for (int i = 0; i < 30; i++) {
            StepVerifier.create(registry.call("list_workspaces", new ToolCall(starter, null), null))
                    .expectNextCount(1)
                    .verifyComplete();
        }
        StepVerifier.create(registry.call("list_workspaces", new ToolCall(starter, null), null))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(BillingException.class);
                    assertThat(((BillingException) e).kind()).isEqualTo(BillingException.Kind.RATE_LIMITED);
                    assertThat(e.getMessage()).startsWith("Rate limit exceeded: 30 requests per minute on the Starter");
                })
                .verify(Duration.ofSeconds(10));
        // an unknown tool is counted too: the limit is on calls, not on tools that exist
        StepVerifier.create(registry.call("no_such_tool", new ToolCall(starter, null), null))
                .expectErrorSatisfies(
                        e -> assertThat(((BillingException) e).kind()).isEqualTo(BillingException.Kind.RATE_LIMITED))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void whenACallCarriesItsDoorsAdmissionThenItIsNotCountedTwiceButTheAdmissionIsUsedOnce() {
        BillingPrincipal starter = principal("Starter");
        for (int i = 0; i < 30; i++) {
            registry.call("list_workspaces", new ToolCall(starter, null), null).block(Duration.ofSeconds(10));
        }
        Admission admission = new Admission(); // as the door's rate limit gives it, having counted
        StepVerifier.create(registry.call("list_workspaces", new ToolCall(starter, admission), null))
                .expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(registry.call("list_workspaces", new ToolCall(starter, admission), null))
                .expectErrorSatisfies(
                        e -> assertThat(((BillingException) e).kind()).isEqualTo(BillingException.Kind.RATE_LIMITED))
                .verify(Duration.ofSeconds(10));
    }

    private BillingPrincipal principal(String plan) {
        Account account = new BillingFixture(context).account(plan);
        return keys.authenticate(account.key()).block(Duration.ofSeconds(10));
    }
}

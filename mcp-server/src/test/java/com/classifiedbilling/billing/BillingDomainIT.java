package com.classifiedbilling.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.user.User;
import com.classifiedbilling.auth.user.UserService;
import com.classifiedbilling.billing.WorkspaceService.NewWorkspace;
import com.classifiedbilling.demo.DemoData;
import com.classifiedbilling.support.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The questions behind the tools, answered by the real services on the real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class BillingDomainIT extends PostgresIntegrationTest {

    @Autowired
    UserService users;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    CustomerService customers;

    @Autowired
    InvoiceService invoices;

    @Autowired
    DemoData demo;

    @Autowired
    DatabaseClient db;

    User owner;

    Workspace workspace;

    @BeforeEach
    void seed() {
        owner = users.create(uniqueEmail(), "Owner", "Starter").block(Duration.ofSeconds(10));
        workspace = demo.seed(owner.id()).block(Duration.ofSeconds(30));
    }

    @Test
    void shouldListOnlyWorkspacesTheUserOwnsOrIsMemberOf() {
        User stranger = users.create(uniqueEmail(), "Stranger", "Starter").block();

        StepVerifier.create(workspaces.accessible(owner.id()).map(Workspace::id))
                .expectNext(workspace.id())
                .verifyComplete();
        StepVerifier.create(workspaces.accessible(stranger.id())).verifyComplete();

        workspaces.addMember(workspace.id(), stranger.id()).block();
        StepVerifier.create(workspaces.accessible(stranger.id()).map(Workspace::id))
                .expectNext(workspace.id())
                .verifyComplete();
    }

    @Test
    void whenWorkspaceUnknownOrSomeoneElsesThenSameNotFound() {
        User stranger = users.create(uniqueEmail(), "Stranger", "Starter").block();

        StepVerifier.create(workspaces.summary(stranger.id(), workspace.id()))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(BillingException.class)
                        .hasMessage("Workspace not found or access denied."))
                .verify();
        StepVerifier.create(workspaces.summary(owner.id(), "ws_doesnotexist"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Workspace not found or access denied."))
                .verify();
    }

    @Test
    void shouldCountWhatTheWorkspaceHolds() {
        StepVerifier.create(workspaces.summary(owner.id(), workspace.id()))
                .assertNext(summary -> {
                    assertThat(summary.customers()).isEqualTo(12);
                    assertThat(summary.invoices()).isEqualTo(36);
                    assertThat(summary.serviceItems()).isEqualTo(4);
                    assertThat(summary.teamMembers()).isEqualTo(1);
                    assertThat(summary.invoicesByStatus())
                            .containsExactly(
                                    new WorkspaceSummary.StatusCount(InvoiceStatus.DUE, 24),
                                    new WorkspaceSummary.StatusCount(InvoiceStatus.PAID, 12));
                })
                .verifyComplete();
    }

    @Test
    void shouldSearchCustomersByNameOrEmailIgnoringCase() {
        assertThat(names("ACME")).containsExactly("Acme Corp");
        assertThat(names("BILLING@GLOBEX")).containsExactly("Globex Inc");
        assertThat(names("%")).isEmpty();
        assertThat(names(null)).hasSize(12).isSorted();
    }

    @Test
    void shouldReturnAtMostFiftyCustomersAndPageOnFromThere() {
        Flux.range(0, 55)
                .concatMap(i -> customers.create(actor(), workspace.id(), newCustomer("Bulk " + i, "USD")))
                .blockLast(Duration.ofSeconds(60));

        Page<Customer> first =
                customers.search(owner.id(), workspace.id(), "bulk", null, null).block();
        assertThat(first.items()).hasSize(50);
        assertThat(first.hasMore()).isTrue();
        Customer last = first.items().get(49);
        Page<Customer> second = customers
                .search(owner.id(), workspace.id(), "bulk", null, new After<>(last.companyName(), last.id()))
                .block();
        assertThat(second.items()).hasSize(5);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.items()).noneMatch(first.items()::contains);
    }

    @Test
    void whenCustomerCreatedThenStoredWithOneAuditRow() {
        Customer created = customers
                .create(actor(), workspace.id(), newCustomer("Wonka Ltd", "eur"))
                .block();

        assertThat(created.currency()).isEqualTo("EUR");
        assertThat(database.count("SELECT COUNT(*) FROM customers WHERE id = '" + created.id() + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM audit_events WHERE action = 'create_customer' "
                        + "AND target_id = '" + created.id() + "' AND actor_user_id = '" + owner.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void whenCustomerInputBadThenRefusedAndNothingWritten() {
        long before = database.count("SELECT COUNT(*) FROM customers");

        StepVerifier.create(customers.create(actor(), workspace.id(), newCustomer("Bad Co", "XYZ")))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Unknown currency code 'XYZ'"))
                .verify();
        NewCustomer noCity = new NewCustomer(
                "No City", "a@b.co", "USD", "A", "B", "c@d.co", new Customer.Address("1 St", " ", "S", "1", "C"));
        StepVerifier.create(customers.create(actor(), workspace.id(), noCity))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Missing required field 'city'."))
                .verify();

        assertThat(database.count("SELECT COUNT(*) FROM customers")).isEqualTo(before);
    }

    @Test
    void shouldListInvoicesNewestFirstByStatusAndLimit() {
        StepVerifier.create(invoices.list(
                                owner.id(), workspace.id(), InvoiceFilter.ALL.withStatus(InvoiceStatus.DUE), 10, null)
                        .map(Page::items))
                .assertNext(list -> {
                    assertThat(list).hasSize(10).allMatch(i -> i.status() == InvoiceStatus.DUE);
                    assertThat(list).extracting(Invoice::issuedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
                    assertThat(list).allMatch(i -> i.customerName() != null);
                })
                .verifyComplete();
        StepVerifier.create(invoices.list(owner.id(), workspace.id(), InvoiceFilter.ALL, 100, null)
                        .map(page -> page.items().size()))
                .expectNext(36)
                .verifyComplete();
        StepVerifier.create(invoices.list(owner.id(), workspace.id(), InvoiceFilter.ALL, 101, null))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("from 1 to 100"))
                .verify();
    }

    @Test
    void shouldReportOverdueOldestFirstWithTotalsPerCurrency() {
        Instant now = Instant.now();
        StepVerifier.create(invoices.overdue(owner.id(), workspace.id(), 100, null))
                .assertNext(report -> {
                    assertThat(report.page().items())
                            .isNotEmpty()
                            .allMatch(i ->
                                    i.status() == InvoiceStatus.DUE && i.dueAt().isBefore(now));
                    assertThat(report.page().items()).extracting(Invoice::dueAt).isSorted();
                    assertThat(report.totals())
                            .extracting(CurrencyAmount::currency)
                            .containsExactly("EUR", "USD");
                    assertThat(report.count()).isEqualTo(report.page().items().size());
                    for (CurrencyAmount total : report.totals()) {
                        BigDecimal sum = report.page().items().stream()
                                .filter(i -> i.currency().equals(total.currency()))
                                .map(Invoice::amount)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        assertThat(total.amount()).isEqualByComparingTo(sum);
                    }
                })
                .verifyComplete();
    }

    @Test
    void shouldSumRevenueWithoutMixingCurrencies() {
        BigDecimal paidUsd = sum("Paid", "USD");
        BigDecimal dueEur = sum("Due", "EUR");
        StepVerifier.create(invoices.revenue(owner.id(), workspace.id(), Period.ALWAYS))
                .assertNext(revenue -> {
                    assertThat(revenue.paid())
                            .filteredOn(a -> a.currency().equals("USD"))
                            .singleElement()
                            .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo(paidUsd));
                    assertThat(revenue.outstanding())
                            .filteredOn(a -> a.currency().equals("EUR"))
                            .singleElement()
                            .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo(dueEur));
                    assertThat(revenue.paid().stream()
                                    .mapToLong(CurrencyAmount::invoices)
                                    .sum())
                            .isEqualTo(12);
                    assertThat(revenue.outstanding().stream()
                                    .mapToLong(CurrencyAmount::invoices)
                                    .sum())
                            .isEqualTo(24);
                })
                .verifyComplete();
    }

    @Test
    void whenFiftyConcurrentPaymentsOfOneInvoiceThenExactlyOneRecorded() {
        Invoice due = firstDue();

        List<PaymentOutcome> outcomes = Flux.range(0, 50)
                .flatMap(i -> invoices.markPaid(actor(), workspace.id(), due.id(), "Method " + i), 50)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(50);
        assertThat(outcomes).filteredOn(o -> !o.alreadyPaid()).hasSize(1);
        assertThat(outcomes).allMatch(o -> o.invoice().status() == InvoiceStatus.PAID);
        String method = outcomes.stream()
                .filter(o -> !o.alreadyPaid())
                .findFirst()
                .orElseThrow()
                .invoice()
                .paymentMethod();
        assertThat(outcomes).allMatch(o -> method.equals(o.invoice().paymentMethod()));
        assertThat(database.count("SELECT COUNT(*) FROM audit_events WHERE action = 'mark_invoice_paid' "
                        + "AND target_id = '" + due.id() + "'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM invoices WHERE id = '" + due.id()
                        + "' AND status = 'Paid' AND paid_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void whenInvoiceUnknownOrInAnotherWorkspaceThenNotFoundAndNothingWritten() {
        Workspace other = workspaces
                .create(owner.id(), new NewWorkspace("Other", null, null, null, null, "USD"))
                .block();
        Invoice foreign = firstDue();
        long audits = database.count("SELECT COUNT(*) FROM audit_events");

        StepVerifier.create(invoices.markPaid(actor(), other.id(), foreign.id(), null))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("Invoice not found in this workspace."))
                .verify();

        assertThat(database.count("SELECT COUNT(*) FROM invoices WHERE id = '" + foreign.id() + "' AND status = 'Due'"))
                .isEqualTo(1);
        assertThat(database.count("SELECT COUNT(*) FROM audit_events")).isEqualTo(audits);
    }

    @Test
    void shouldPageThroughAllInvoicesWithoutRepeatsOrGaps() {
        List<String> seen = new ArrayList<>();
        After<Instant> after = null;
        Page<Invoice> page;
        do {
            page = invoices.list(owner.id(), workspace.id(), InvoiceFilter.ALL, 7, after)
                    .block();
            page.items().forEach(i -> seen.add(i.id()));
            Invoice last = page.items().get(page.items().size() - 1);
            after = new After<>(last.issuedAt(), last.id());
        } while (page.hasMore());

        assertThat(seen).hasSize(36).doesNotHaveDuplicates();
    }

    private List<String> names(String search) {
        return customers
                .search(owner.id(), workspace.id(), search, null, null)
                .map(page -> page.items().stream().map(Customer::companyName).toList())
                .block();
    }

    private Invoice firstDue() {
        return invoices.list(owner.id(), workspace.id(), InvoiceFilter.ALL.withStatus(InvoiceStatus.DUE), 1, null)
                .block()
                .items()
                .get(0);
    }

    private BigDecimal sum(String status, String currency) {
        return db.sql("SELECT COALESCE(SUM(amount), 0) AS total FROM invoices WHERE workspace_id = :w "
                        + "AND status = :s AND currency = :c")
                .bind("w", workspace.id())
                .bind("s", status)
                .bind("c", currency)
                .map(row -> row.get("total", BigDecimal.class))
                .one()
                .block();
    }

    private Actor actor() {
        return new Actor(owner.id(), "key_test", null);
    }

    private static NewCustomer newCustomer(String name, String currency) {
        return new NewCustomer(
                name,
                "billing@" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example",
                currency,
                "Ann",
                "Lee",
                "ann@example.com",
                new Customer.Address("1 Main St", "Springfield", "IL", "62701", "United States"));
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}

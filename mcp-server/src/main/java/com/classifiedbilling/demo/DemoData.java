package com.classifiedbilling.demo;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.billing.Customer;
import com.classifiedbilling.billing.CustomerRepository;
import com.classifiedbilling.billing.Invoice;
import com.classifiedbilling.billing.InvoiceRepository;
import com.classifiedbilling.billing.InvoiceStatus;
import com.classifiedbilling.billing.ServiceItem;
import com.classifiedbilling.billing.ServiceItemRepository;
import com.classifiedbilling.billing.Transactions;
import com.classifiedbilling.billing.Workspace;
import com.classifiedbilling.billing.WorkspaceService;
import com.classifiedbilling.billing.WorkspaceService.NewWorkspace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates one demo workspace for a user: 12 customers (9 paying in USD, 3 in EUR), 4 service items
 * and 36 invoices issued over the last six months, every third one paid, the rest due, most of
 * those overdue. Amounts come from a fixed seed, dates from today, so every run looks alike. All of
 * it is written in one transaction.
 */
@Component
public final class DemoData {

    static final int CUSTOMERS = 12;

    static final int INVOICES = 36;

    private static final String[][] COMPANIES = {
        {"Acme Corp", "United States", "New York", "NY", "10001"},
        {"Globex Inc", "United States", "Springfield", "IL", "62701"},
        {"Initech", "United States", "Austin", "TX", "73301"},
        {"Umbrella Labs", "United States", "Raccoon City", "MO", "64101"},
        {"Stark Industries", "United States", "Malibu", "CA", "90265"},
        {"Wayne Enterprises", "United States", "Gotham", "NJ", "07001"},
        {"Hooli", "United States", "Palo Alto", "CA", "94301"},
        {"Pied Piper", "United States", "Palo Alto", "CA", "94303"},
        {"Vandelay Industries", "United States", "New York", "NY", "10002"},
        {"Boulangerie Dupont", "France", "Paris", "Ile-de-France", "75001"},
        {"Muller Maschinenbau", "Germany", "Stuttgart", "Baden-Wurttemberg", "70173"},
        {"Rossi Design", "Italy", "Milan", "Lombardy", "20121"},
    };

    private static final String[] PAYMENT_METHODS = {"Bank Transfer", "Stripe", "Cash"};

    private final WorkspaceService workspaces;

    private final CustomerRepository customers;

    private final ServiceItemRepository serviceItems;

    private final InvoiceRepository invoices;

    private final Transactions transactions;

    private final RandomIds ids;

    private final Clock clock;

    DemoData(
            WorkspaceService workspaces,
            CustomerRepository customers,
            ServiceItemRepository serviceItems,
            InvoiceRepository invoices,
            Transactions transactions,
            RandomIds ids,
            Clock clock) {
        this.workspaces = workspaces;
        this.customers = customers;
        this.serviceItems = serviceItems;
        this.invoices = invoices;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creates the demo workspace for the user and returns it. */
    public Mono<Workspace> seed(String userId) {
        String slug = "demo-studio-" + ids.next("x").substring(2, 10);
        NewWorkspace request = new NewWorkspace(
                "Demo Studio",
                "Demo billing workspace: customers and invoices to try the tools on.",
                slug,
                "Demo Studio Ltd",
                "billing@demo-studio.example",
                "USD");
        return transactions.inTransaction(() -> workspaces
                .create(userId, request)
                .flatMap(workspace -> fill(workspace).thenReturn(workspace)));
    }

    private Mono<Void> fill(Workspace workspace) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Random random = new Random(42);
        List<Customer> people = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            people.add(customer(workspace.id(), i, today));
        }
        List<Invoice> bills = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            bills.add(invoice(workspace.id(), people.get(i % CUSTOMERS), i, today, random));
        }
        return Flux.fromIterable(people)
                .concatMap(customers::insert)
                .thenMany(Flux.fromIterable(items(workspace.id(), today)).concatMap(serviceItems::insert))
                .thenMany(Flux.fromIterable(bills).concatMap(invoices::insert))
                .then();
    }

    private Customer customer(String workspaceId, int i, Instant today) {
        String[] company = COMPANIES[i];
        String domain = company[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        String[] contact = {"John", "Maria", "Wei", "Amara", "Lukas", "Sofia"};
        String first = contact[i % contact.length];
        return new Customer(
                workspaceId,
                ids.next("cust"),
                company[0],
                "billing@" + domain,
                i < 9 ? "USD" : "EUR",
                first,
                "Smith",
                first.toLowerCase(Locale.ROOT) + "@" + domain,
                new Customer.Address((100 + i) + " Main Street", company[2], company[3], company[4], company[1]),
                today.minus(Duration.ofDays(200)));
    }

    private Invoice invoice(String workspaceId, Customer customer, int i, Instant today, Random random) {
        Instant issued = today.minus(Duration.ofDays(i * 5L + 3));
        Instant due = issued.plus(Duration.ofDays(30));
        boolean paid = i % 3 == 0;
        BigDecimal amount = BigDecimal.valueOf(10_000 + random.nextInt(490_000), 2);
        return new Invoice(
                workspaceId,
                ids.next("inv"),
                String.format("INV-%04d", INVOICES - i),
                customer.id(),
                customer.companyName(),
                amount,
                customer.currency(),
                paid ? InvoiceStatus.PAID : InvoiceStatus.DUE,
                issued,
                due,
                paid ? issued.plus(Duration.ofDays(10)) : null,
                paid ? PAYMENT_METHODS[i % PAYMENT_METHODS.length] : null);
    }

    private List<ServiceItem> items(String workspaceId, Instant today) {
        return List.of(
                new ServiceItem(
                        workspaceId, ids.next("svc"), "Consulting hour", null, new BigDecimal("150.00"), "USD", today),
                new ServiceItem(
                        workspaceId,
                        ids.next("svc"),
                        "Website care plan",
                        "Monthly",
                        new BigDecimal("490.00"),
                        "USD",
                        today),
                new ServiceItem(
                        workspaceId, ids.next("svc"), "Design sprint", null, new BigDecimal("4200.00"), "USD", today),
                new ServiceItem(
                        workspaceId,
                        ids.next("svc"),
                        "Support retainer",
                        "Monthly",
                        new BigDecimal("900.00"),
                        "EUR",
                        today));
    }
}

package com.classifiedbilling.billing;

import com.classifiedbilling.auth.RandomIds;
import java.time.Clock;
import reactor.core.publisher.Mono;

/** Finding and creating a workspace's customers. */
public final class CustomerService {

    /** The most customers one search returns (the API page: "up to 50"). */
    public static final int MAX_RESULTS = 50;

    static final int MAX_SEARCH = 200;

    private final WorkspaceService workspaces;

    private final CustomerRepository customers;

    private final AuditRepository audit;

    private final Currencies currencies;

    private final Transactions transactions;

    private final RandomIds ids;

    private final Clock clock;

    public CustomerService(
            WorkspaceService workspaces,
            CustomerRepository customers,
            AuditRepository audit,
            Currencies currencies,
            Transactions transactions,
            RandomIds ids,
            Clock clock) {
        this.workspaces = workspaces;
        this.customers = customers;
        this.audit = audit;
        this.currencies = currencies;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Customers by company name, at most {@link #MAX_RESULTS} a page.
     *
     * @param search text the company name, company email, contact name or contact email contains,
     *     ignoring case; {@code null} or blank for all
     * @param country the country of the customer's address, ignoring case; {@code null} for any
     * @param after the last customer of the previous page, or {@code null}
     */
    public Mono<Page<Customer>> search(
            String userId, String workspaceId, String search, String country, After<String> after) {
        return Mono.fromCallable(() -> new CustomerQuery(
                        InputRules.optional("search", search, MAX_SEARCH),
                        InputRules.optional("country", country, 100)))
                .flatMap(query -> workspaces
                        .requireAccessible(userId, workspaceId)
                        .flatMap(workspace -> customers
                                .search(workspace.id(), query.search(), query.country(), after, MAX_RESULTS + 1)
                                .collectList()))
                .map(fetched -> Page.of(fetched, MAX_RESULTS));
    }

    private record CustomerQuery(String search, String country) {}

    /** Creates a customer and records it in the audit log, both or neither. */
    public Mono<Customer> create(Actor actor, String workspaceId, NewCustomer request) {
        return Mono.fromCallable(() -> validated(request))
                .flatMap(valid -> workspaces
                        .requireAccessible(actor.userId(), workspaceId)
                        .flatMap(workspace -> currencies.require(valid.currency()))
                        .flatMap(currency -> transactions.inTransaction(
                                () -> insert(actor, workspaceId, valid.withCurrency(currency)))));
    }

    private Mono<Customer> insert(Actor actor, String workspaceId, NewCustomer request) {
        Customer customer = new Customer(
                workspaceId,
                ids.next("cust"),
                request.companyName(),
                request.companyEmail(),
                request.currency(),
                request.contactFirstName(),
                request.contactLastName(),
                request.contactEmail(),
                request.address(),
                clock.instant());
        AuditEvent event = new AuditEvent(
                workspaceId,
                ids.next("aud"),
                customer.createdAt(),
                actor,
                "create_customer",
                customer.id(),
                "created",
                null);
        return customers.insert(customer).flatMap(created -> audit.append(event).thenReturn(created));
    }

    /** The request with every field checked and stripped; {@code INVALID_INPUT} naming the first bad one. */
    private static NewCustomer validated(NewCustomer request) {
        Customer.Address address =
                request.address() == null ? new Customer.Address(null, null, null, null, null) : request.address();
        return new NewCustomer(
                InputRules.required("company_name", request.companyName(), 200),
                InputRules.email("company_email", request.companyEmail()),
                InputRules.required("currency", request.currency(), 3),
                InputRules.required("contact_first_name", request.contactFirstName(), 100),
                InputRules.required("contact_last_name", request.contactLastName(), 100),
                InputRules.email("contact_email", request.contactEmail()),
                new Customer.Address(
                        InputRules.required("address", address.street(), 500),
                        InputRules.required("city", address.city(), 100),
                        InputRules.required("state", address.state(), 100),
                        InputRules.required("zip", address.zip(), 20),
                        InputRules.required("country", address.country(), 100)));
    }
}

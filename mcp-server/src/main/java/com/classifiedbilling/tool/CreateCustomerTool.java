package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Customer;
import com.classifiedbilling.billing.CustomerService;
import com.classifiedbilling.billing.NewCustomer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code create_customer}: adds a customer to a workspace, with an audit row. */
@Component
final class CreateCustomerTool implements BillingTool<CreateCustomerInput, CreateCustomerResult> {

    private final CustomerService customers;

    private final IdempotentWrites idempotent;

    CreateCustomerTool(CustomerService customers, IdempotentWrites idempotent) {
        this.customers = customers;
        this.idempotent = idempotent;
    }

    @Override
    public String name() {
        return "create_customer";
    }

    @Override
    public String title() {
        return "Create customer";
    }

    @Override
    public String description() {
        return "Creates a customer in a workspace from its company details, contact person and address (every field "
                + "is required) and returns the new customer with its ID. With an idempotency_key, a repeated call "
                + "returns the first call's customer instead of creating a second one.";
    }

    @Override
    public ToolHints hints() {
        return new ToolHints(
                false,
                false,
                false,
                false,
                "Not read-only: it adds a customer. Not destructive: it only adds and never changes or removes an"
                        + " existing record. Not idempotent: the same input sent twice without an idempotency_key makes"
                        + " two customers. Closed world: it touches only this server's data.");
    }

    @Override
    public Class<CreateCustomerInput> inputType() {
        return CreateCustomerInput.class;
    }

    @Override
    public Mono<CreateCustomerResult> call(ToolCall call, CreateCustomerInput input) {
        NewCustomer request = new NewCustomer(
                input.companyName(),
                input.companyEmail(),
                input.currency(),
                input.contactFirstName(),
                input.contactLastName(),
                input.contactEmail(),
                new Customer.Address(input.address(), input.city(), input.state(), input.zip(), input.country()));
        return idempotent.run(
                call,
                name(),
                input.workspaceId(),
                input.idempotencyKey(),
                input,
                CreateCustomerResult.class,
                () -> customers
                        .create(call.actor(), input.workspaceId(), request)
                        .map(created -> new CreateCustomerResult(CustomerView.of(created))));
    }
}

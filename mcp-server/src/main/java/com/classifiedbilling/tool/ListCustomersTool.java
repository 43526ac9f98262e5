package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Customer;
import com.classifiedbilling.billing.CustomerService;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code list_customers}: a workspace's customers by name, optionally searched. */
@Component
final class ListCustomersTool implements BillingTool<ListCustomersInput, ListCustomersResult> {

    private final CustomerService customers;

    ListCustomersTool(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public String name() {
        return "list_customers";
    }

    @Override
    public String title() {
        return "List customers";
    }

    @Override
    public String description() {
        return "Lists a workspace's customers in company-name order, up to 50 per page with a cursor for the next. "
                + "With search, only customers whose company name, company email, contact person's name or contact "
                + "email contains the text, ignoring case; with country, only customers in that country.";
    }

    @Override
    public ToolHints hints() {
        return ToolHints.READ_ONLY;
    }

    @Override
    public Class<ListCustomersInput> inputType() {
        return ListCustomersInput.class;
    }

    @Override
    public Mono<ListCustomersResult> call(ToolCall call, ListCustomersInput input) {
        return Mono.defer(() -> customers.search(
                        call.userId(),
                        input.workspaceId(),
                        input.search(),
                        input.country(),
                        Cursors.text(input.cursor())))
                .map(page -> {
                    List<Customer> items = page.items();
                    Customer last = items.isEmpty() ? null : items.get(items.size() - 1);
                    String next = page.hasMore() ? Cursors.ofText(last.companyName(), last.id()) : null;
                    return new ListCustomersResult(
                            items.stream().map(CustomerView::of).toList(), items.size(), next);
                });
    }
}

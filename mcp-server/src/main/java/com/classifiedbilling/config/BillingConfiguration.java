package com.classifiedbilling.config;

import com.classifiedbilling.auth.RandomIds;
import com.classifiedbilling.billing.AuditRepository;
import com.classifiedbilling.billing.Currencies;
import com.classifiedbilling.billing.CurrencyRepository;
import com.classifiedbilling.billing.CustomerRepository;
import com.classifiedbilling.billing.CustomerService;
import com.classifiedbilling.billing.InvoiceRepository;
import com.classifiedbilling.billing.InvoiceService;
import com.classifiedbilling.billing.Transactions;
import com.classifiedbilling.billing.WorkspaceRepository;
import com.classifiedbilling.billing.WorkspaceService;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The billing domain's services, which carry no framework annotations of their own. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RandomIds randomIds() {
        return new RandomIds(new SecureRandom());
    }

    @Bean
    Currencies currencies(CurrencyRepository repository) {
        return new Currencies(repository);
    }

    @Bean
    WorkspaceService workspaceService(
            WorkspaceRepository workspaces, Currencies currencies, RandomIds ids, Clock clock) {
        return new WorkspaceService(workspaces, currencies, ids, clock);
    }

    @Bean
    CustomerService customerService(
            WorkspaceService workspaces,
            CustomerRepository customers,
            AuditRepository audit,
            Currencies currencies,
            Transactions transactions,
            RandomIds ids,
            Clock clock) {
        return new CustomerService(workspaces, customers, audit, currencies, transactions, ids, clock);
    }

    @Bean
    InvoiceService invoiceService(
            WorkspaceService workspaces,
            InvoiceRepository invoices,
            AuditRepository audit,
            Transactions transactions,
            RandomIds ids,
            Clock clock) {
        return new InvoiceService(workspaces, invoices, audit, transactions, ids, clock);
    }
}

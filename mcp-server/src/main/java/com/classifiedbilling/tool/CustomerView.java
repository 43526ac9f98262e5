package com.classifiedbilling.tool;

import com.classifiedbilling.billing.Customer;

/** A customer as {@code list_customers} and {@code create_customer} show it. */
public record CustomerView(
        String id,
        String companyName,
        String companyEmail,
        String companyCurrency,
        String companyCountry,
        String companyContactFirstName,
        String companyContactLastName,
        String companyContactPersonEmail) {

    static CustomerView of(Customer c) {
        return new CustomerView(
                c.id(),
                c.companyName(),
                c.companyEmail(),
                c.currency(),
                c.address().country(),
                c.contactFirstName(),
                c.contactLastName(),
                c.contactEmail());
    }
}

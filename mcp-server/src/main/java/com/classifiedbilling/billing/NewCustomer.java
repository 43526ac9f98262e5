package com.classifiedbilling.billing;

/** What is needed to create a customer: every field of {@code create_customer}. */
public record NewCustomer(
        String companyName,
        String companyEmail,
        String currency,
        String contactFirstName,
        String contactLastName,
        String contactEmail,
        Customer.Address address) {

    NewCustomer withCurrency(String code) {
        return new NewCustomer(
                companyName, companyEmail, code, contactFirstName, contactLastName, contactEmail, address);
    }
}

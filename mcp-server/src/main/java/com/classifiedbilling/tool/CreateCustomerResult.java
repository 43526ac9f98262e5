package com.classifiedbilling.tool;

/** The customer just created, in the shape {@code list_customers} uses. */
public record CreateCustomerResult(CustomerView customer) {}

package com.classifiedbilling.billing;

/**
 * The result of marking an invoice paid.
 *
 * @param invoice the invoice as it now stands
 * @param alreadyPaid {@code true} when it had been paid before and no new payment was recorded
 */
public record PaymentOutcome(Invoice invoice, boolean alreadyPaid) {}

package com.classifiedbilling.billing;

import java.util.Optional;

/** Whether an invoice still waits for payment. Labels are as the API page spells them. */
public enum InvoiceStatus {
    DUE("Due"),
    PAID("Paid");

    /** Looked up on every call: {@code values()} would copy the array each time. */
    private static final InvoiceStatus[] VALUES = values();

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<InvoiceStatus> fromLabel(String label) {
        for (InvoiceStatus status : VALUES) {
            if (status.label.equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

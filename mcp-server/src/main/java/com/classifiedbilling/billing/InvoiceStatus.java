package com.classifiedbilling.billing;

import java.util.Arrays;
import java.util.Optional;

/** Whether an invoice still waits for payment. Labels are as the API page spells them. */
public enum InvoiceStatus {
    DUE("Due"),
    PAID("Paid");

    private final String label;

    InvoiceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<InvoiceStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}

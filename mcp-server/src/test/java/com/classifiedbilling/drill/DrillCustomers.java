package com.classifiedbilling.drill;

/** The input of a {@code create_customer} call the drills make: a valid customer of this name. */
final class DrillCustomers {

    private DrillCustomers() {}

    /** @param idempotencyKey {@code null} for a call without one */
    static String input(String workspace, String name, String idempotencyKey) {
        return "{\"workspace_id\":\"" + workspace + "\",\"company_name\":\"" + name + "\",\"company_email\":"
                + "\"c@drill.example\",\"currency\":\"USD\",\"contact_first_name\":\"D\",\"contact_last_name\":\"R\","
                + "\"contact_email\":\"r@drill.example\",\"address\":\"1 Way\",\"city\":\"C\",\"state\":\"S\","
                + "\"zip\":\"1\",\"country\":\"US\""
                + (idempotencyKey == null ? "" : ",\"idempotency_key\":\"" + idempotencyKey + "\"") + "}";
    }
}

package com.classifiedbilling.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Who this MCP server says it is, the same in every era and on every door: the identity a 2025
 * {@code initialize} answers with, the {@code serverInfo} of a 2026 {@code server/discover} and of
 * every 2026 result's {@code _meta}, and the instructions for the model.
 */
final class McpIdentity {

    private McpIdentity() {}

    static final String NAME = "classifiedbilling";

    static final String VERSION = "0.2.0";

    static final String INSTRUCTIONS = "ClassifiedBilling holds the user's billing data: workspaces, their customers "
            + "and invoices. Start with list_workspaces: it gives the workspace IDs that every other tool needs as "
            + "workspace_id. Amounts are exact and belong to their currency; never add amounts of different "
            + "currencies. The two write tools change real billing records: confirm with the user first, and pass "
            + "an idempotency_key if you might retry.";

    /** A 64-pixel square mark in the brand's colours, small enough to travel in every answer. */
    private static final String ICON_SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">"
            + "<rect width=\"64\" height=\"64\" rx=\"14\" fill=\"#1f3a5f\"/>"
            + "<path d=\"M18 16h22l8 8v24H18z\" fill=\"#fff\"/>"
            + "<path d=\"M24 30h16M24 37h16M24 44h10\" stroke=\"#1f3a5f\" stroke-width=\"3\"/></svg>";

    static final McpSchema.Implementation SERVER_INFO = new McpSchema.Implementation(
            NAME,
            "ClassifiedBilling",
            VERSION,
            "Read and manage invoices, customers and workspaces: overdue invoices, revenue, payments.",
            List.of(new McpSchema.Icon(
                    "data:image/svg+xml;base64,"
                            + Base64.getEncoder().encodeToString(ICON_SVG.getBytes(StandardCharsets.UTF_8)),
                    "image/svg+xml",
                    List.of("any"),
                    null)),
            "https://app.classifiedbilling.com");
}

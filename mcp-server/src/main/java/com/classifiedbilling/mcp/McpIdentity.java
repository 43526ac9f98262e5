package com.classifiedbilling.mcp;

import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.site.SitePages;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Who this MCP server says it is, the same in every era and on every door: the identity a 2025
 * {@code initialize} answers with, the {@code serverInfo} of a 2026 {@code server/discover} and of
 * every 2026 result's {@code _meta}, and the instructions for the model. Its icons are served by
 * this server ({@link SitePages}) under its public URL; with no public URL and no fixed port (a
 * test's random port) there is no URL to name, and the SVG travels inline as a {@code data:} URI.
 */
@Component
final class McpIdentity {

    static final String NAME = "classifiedbilling";

    static final String VERSION = "0.2.0";

    static final String INSTRUCTIONS = "ClassifiedBilling holds the user's billing data: workspaces, their customers "
            + "and invoices. Every tool but list_workspaces takes a workspace_id, which list_workspaces returns. "
            + "Amounts are exact decimal strings in their invoice's currency; amounts in different currencies are "
            + "not summed. create_customer and mark_invoice_paid change billing records; both take an optional "
            + "idempotency_key that makes a retried call return the first call's result.";

    static final String DESCRIPTION =
            "Read and manage invoices, customers and workspaces: overdue invoices, revenue, payments.";

    private final McpSchema.Implementation serverInfo;

    private final List<McpSchema.Icon> icons;

    McpIdentity(PublicUrls urls, McpProperties properties, @Value("${server.port:8080}") int port) {
        String base = urls.fixedBase().orElse(port > 0 ? "http://localhost:" + port : null);
        this.icons = base == null
                ? List.of(new McpSchema.Icon(
                        "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg()),
                        "image/svg+xml",
                        List.of("any"),
                        null))
                : SitePages.ICONS.stream()
                        .map(icon ->
                                new McpSchema.Icon(base + icon.path(), icon.mimeType(), List.of(icon.sizes()), null))
                        .toList();
        this.serverInfo = new McpSchema.Implementation(
                NAME,
                "ClassifiedBilling",
                VERSION,
                DESCRIPTION,
                icons,
                properties.websiteUrl().toString());
    }

    McpSchema.Implementation serverInfo() {
        return serverInfo;
    }

    /** The server's icons, which its tools carry too. */
    List<McpSchema.Icon> icons() {
        return icons;
    }

    private static byte[] svg() {
        try (InputStream in = new ClassPathResource(SitePages.ICONS.get(0).resource()).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The server's icon is missing from the jar", e);
        }
    }
}

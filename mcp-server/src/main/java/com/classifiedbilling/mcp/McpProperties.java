package com.classifiedbilling.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP doors.
 *
 * @param allowedOrigins browser origins allowed to call the MCP doors (e.g.
 *     {@code https://claude.ai}); a request with any other {@code Origin} gets 403, one without an
 *     {@code Origin} header is allowed (it does not come from a web page)
 * @param sseKeepAlive how often an open SSE stream gets a ping
 * @param sseIdleTimeout an SSE session with no message for this long is closed
 * @param sseSessionsPerUser how many SSE streams one user may hold open at once
 * @param websiteUrl the product's website, given as {@code serverInfo.websiteUrl}
 */
@ConfigurationProperties("billing.mcp")
public record McpProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("20s") Duration sseKeepAlive,
        @DefaultValue("30m") Duration sseIdleTimeout,
        @DefaultValue("20") int sseSessionsPerUser,
        @DefaultValue("https://app.classifiedbilling.com") URI websiteUrl) {}

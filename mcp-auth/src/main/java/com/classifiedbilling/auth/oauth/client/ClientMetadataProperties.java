package com.classifiedbilling.auth.oauth.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How client metadata documents are fetched and kept (draft-ietf-oauth-client-id-metadata-document).
 *
 * @param cacheFloor the least time a fetched document is kept, whatever its cache headers say
 * @param cacheCeiling the most time a fetched document is kept
 * @param failureRetry how long a document that could not be fetched at all (no answer, a 5xx) is
 *     refused before it is tried again
 * @param connectTimeout how long connecting to the document's host may take
 * @param readTimeout how long the document's answer may take
 * @param maxBytes the largest document taken
 * @param allowLoopbackForTests lets documents be fetched from loopback addresses, with any
 *     certificate. Off by default; only tests, whose document server runs on 127.0.0.1, turn it
 *     on. Nothing else weakens the rules.
 */
@ConfigurationProperties("billing.oauth.client-metadata")
public record ClientMetadataProperties(
        @DefaultValue("5m") Duration cacheFloor,
        @DefaultValue("24h") Duration cacheCeiling,
        @DefaultValue("30s") Duration failureRetry,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration readTimeout,
        @DefaultValue("16384") int maxBytes,
        @DefaultValue("false") boolean allowLoopbackForTests) {}

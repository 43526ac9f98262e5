package com.classifiedbilling.auth.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OAuth 2.0 authorization server's settings.
 *
 * @param publicUrl the server's public base URL, e.g. {@code https://app.classifiedbilling.com};
 *     it is the issuer and the root of every advertised URL. Empty: taken from each request (its
 *     Host, or the forwarded headers when {@code server.forward-headers-strategy} is set). Set it
 *     behind TLS termination so that {@code https://} URLs are advertised.
 * @param accessTokenTtl how long an access token lives (the API page: 90 days)
 * @param refreshTokenTtl how long a refresh token lives
 * @param codeTtl how long an authorization code may wait to be redeemed
 * @param refreshReuseGrace how long after a refresh token was rotated a retry with it still gets
 *     fresh tokens instead of revoking the grant
 * @param unusedClientTtl how long a registered client that no user approved is kept
 * @param allowedRedirectUris the redirect URIs taken without a {@code client_id} (the API page's
 *     flow); by default Claude's callbacks
 * @param grantCacheTtl how long a grant's liveness is trusted without asking the database; bounds
 *     how long a revoked grant or API key keeps working on another instance
 * @param keyRefresh how often each instance reloads the signing keys
 * @param consentFailures wrong API keys taken from one address on the consent page per window
 * @param consentFailureWindow the window for {@code consentFailures}
 * @param allowedHosts without a {@code publicUrl}, the hosts (besides loopback ones) whose {@code
 *     Host} header may name the issuer; a request with any other gets 400 from the OAuth endpoints
 *     and metadata, so that nobody can make this server advertise their host
 * @param policyUri the privacy policy the metadata links to ({@code op_policy_uri}, {@code
 *     resource_policy_uri}): a URL, or a path on this server
 * @param serviceDocumentation the page for people who use or build against the server ({@code
 *     service_documentation}, {@code resource_documentation}): a URL, or a path on this server
 */
@ConfigurationProperties("billing.oauth")
public record OAuthProperties(
        URI publicUrl,
        @DefaultValue("90d") Duration accessTokenTtl,
        @DefaultValue("180d") Duration refreshTokenTtl,
        @DefaultValue("60s") Duration codeTtl,
        @DefaultValue("10s") Duration refreshReuseGrace,
        @DefaultValue("24h") Duration unusedClientTtl,

        @DefaultValue({"https://claude.ai/api/mcp/auth_callback", "https://claude.com/api/mcp/auth_callback"})
        List<String> allowedRedirectUris,

        @DefaultValue("500ms") Duration grantCacheTtl,
        @DefaultValue("60s") Duration keyRefresh,
        @DefaultValue("5") int consentFailures,
        @DefaultValue("15m") Duration consentFailureWindow,
        @DefaultValue({}) List<String> allowedHosts,
        @DefaultValue("/privacy") String policyUri,
        @DefaultValue("/support") String serviceDocumentation) {

    public OAuthProperties {
        for (String link : new String[] {policyUri, serviceDocumentation}) {
            if (!link.startsWith("/") && !link.startsWith("https://")) {
                throw new IllegalArgumentException(
                        "billing.oauth.policy-uri and service-documentation are https URLs or paths on this server: "
                                + link);
            }
        }
        allowedRedirectUris = List.copyOf(allowedRedirectUris);
        allowedHosts = allowedHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (publicUrl != null && publicUrl.toString().isBlank()) {
            publicUrl = null;
        }
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null)) {
            throw new IllegalArgumentException("billing.oauth.public-url must be an absolute URL, e.g. https://host");
        }
    }

    /** A link setting as an absolute URL: itself, or a path on the server at this base URL. */
    public static String resolve(String link, String base) {
        return link.startsWith("/") ? base + link : link;
    }
}

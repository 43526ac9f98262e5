package com.classifiedbilling.auth.oauth.grant;

import com.classifiedbilling.auth.oauth.GrantType;
import com.classifiedbilling.auth.oauth.OAuthException;
import com.classifiedbilling.auth.oauth.client.ClientCredentials;
import com.classifiedbilling.auth.oauth.client.OAuthClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Turns a token request's form (and its {@code Authorization} header) into the typed request of
 * its grant. Each {@link GrantType} has exactly one {@link TokenGrant}; the server does not start
 * otherwise.
 */
@Component
final class TokenRequestConverter {

    private final Map<GrantType, TokenGrant<?>> grants = new EnumMap<>(GrantType.class);

    TokenRequestConverter(List<TokenGrant<?>> grants) {
        for (TokenGrant<?> grant : grants) {
            if (this.grants.put(grant.type(), grant) != null) {
                throw new IllegalStateException("Two token grants for " + grant.type());
            }
        }
        for (GrantType type : GrantType.values()) {
            if (!this.grants.containsKey(type)) {
                throw new IllegalStateException("No token grant for " + type);
            }
        }
    }

    /** A request ready to run: its grant and its typed form. */
    record Converted<R extends TokenRequest>(TokenGrant<R> grant, R request) {

        Mono<TokenResponse> issue(Optional<OAuthClient> client, String base) {
            return grant.issue(request, client, base);
        }

        GrantType type() {
            return grant.type();
        }
    }

    /** The typed request, or {@code invalid_request}, {@code unsupported_grant_type}, {@code invalid_client}. */
    Converted<?> convert(MultiValueMap<String, String> form, String authorization) {
        String value = form.getFirst("grant_type");
        if (value == null || value.isEmpty()) {
            throw OAuthException.invalidRequest("grant_type is required.");
        }
        GrantType type = GrantType.fromValue(value)
                .orElseThrow(() -> new OAuthException(
                        HttpStatus.BAD_REQUEST,
                        "unsupported_grant_type",
                        "grant_type must be one of: " + String.join(", ", GrantType.supported()) + "."));
        return converted(grants.get(type), form, ClientCredentials.from(form, authorization));
    }

    private static <R extends TokenRequest> Converted<R> converted(
            TokenGrant<R> grant, MultiValueMap<String, String> form, ClientCredentials client) {
        return new Converted<>(grant, grant.read(form, client));
    }
}

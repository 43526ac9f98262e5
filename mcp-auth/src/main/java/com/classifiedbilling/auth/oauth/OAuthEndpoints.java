package com.classifiedbilling.auth.oauth;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths of the authorization server's endpoints: the one place they are written. The first
 * path of each is the one advertised (the API page's where it names one); the others are aliases
 * that clients guessing root paths find.
 */
public final class OAuthEndpoints {

    private OAuthEndpoints() {}

    /** The authorization endpoint: the consent page. */
    public static final List<String> AUTHORIZATION = List.of("/mcp-connect", "/authorize");

    /** The token endpoint. */
    public static final List<String> TOKEN = List.of("/api/mcp-token", "/token");

    /** Token revocation (RFC 7009). */
    public static final List<String> REVOCATION = List.of("/oauth/revoke");

    /** Dynamic client registration (RFC 7591). */
    public static final List<String> REGISTRATION = List.of("/oauth/register", "/register");

    /** The public signing keys. */
    public static final List<String> JWKS = List.of("/oauth/jwks");

    /** Authorization server metadata (RFC 8414), and the same as OpenID discovery. */
    public static final List<String> METADATA =
            List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration");

    private static final List<PathPattern> FORMS = patterns(
            Stream.of(AUTHORIZATION, TOKEN, REVOCATION).flatMap(List::stream).toList());

    private static final List<PathPattern> ALL = patterns(
            Stream.of(AUTHORIZATION, TOKEN, REVOCATION, REGISTRATION, JWKS, METADATA, List.of("/.well-known/**"))
                    .flatMap(List::stream)
                    .toList());

    /** A route predicate for this method on any of these paths. */
    public static RequestPredicate at(HttpMethod method, List<String> paths) {
        RequestPredicate predicate = RequestPredicates.method(method).and(RequestPredicates.path(paths.get(0)));
        for (String alias : paths.subList(1, paths.size())) {
            predicate = predicate.or(RequestPredicates.method(method).and(RequestPredicates.path(alias)));
        }
        return predicate;
    }

    /** Whether the request is to an endpoint that takes a form body (authorization, token, revocation). */
    public static boolean takesForm(ServerWebExchange exchange) {
        return matches(FORMS, exchange);
    }

    /** Whether the request is to any endpoint of the authorization server or to a well-known document. */
    public static boolean isOAuth(ServerWebExchange exchange) {
        return matches(ALL, exchange);
    }

    private static boolean matches(List<PathPattern> patterns, ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}

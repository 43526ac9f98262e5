package com.classifiedbilling.config;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.grant.AccessTokenAuthenticator;
import com.classifiedbilling.auth.web.BearerAuthenticationManager;
import com.classifiedbilling.auth.web.BearerChallenge;
import com.classifiedbilling.auth.web.BearerTokenConverter;
import com.classifiedbilling.auth.web.FailedAuthenticationThrottle;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.door.EarlyAnswers;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.observability.CountedBearerChallenge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. Every door that reaches billing data (as the front door recognised it) and
 * the rest of {@code /api/} need {@code Authorization: Bearer} with an API key or an access token,
 * checked on every request (no sessions); health, discovery and the OAuth endpoints are open. The consent page has a chain of its own: CSRF protection with a
 * double-submit cookie (no server-side session, so any instance can take the form's POST) and
 * security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** Besides the doors, the paths that need a caller: the rest of the JSON API. */
    static final String API = "/api/**";

    /** Under {@code /api/} but open: the token endpoint authenticates clients itself. */
    static final String TOKEN_ENDPOINT = OAuthEndpoints.TOKEN.get(0);

    /** The consent page and its alias. */
    static final String[] CONSENT = OAuthEndpoints.AUTHORIZATION.toArray(String[]::new);

    /**
     * No observation of each security filter: no metrics are exported, and the observing wrappers
     * cost CPU on every request and memory for as long as an SSE stream is open (docs/performance.md).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    BearerAuthenticationManager bearerAuthenticationManager(
            ApiKeyAuthenticator apiKeys,
            AccessTokenAuthenticator accessTokens,
            FailedAuthenticationThrottle failedAuthentications) {
        return new BearerAuthenticationManager(apiKeys, accessTokens, failedAuthentications);
    }

    @Bean
    BearerChallenge bearerChallenge(EarlyAnswers answers, PublicUrls urls) {
        return new BearerChallenge(answers, urls);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consentFilterChain(ServerHttpSecurity http, EarlyAnswers answers) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(CONSENT))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .accessDeniedHandler(
                                (exchange, denied) -> answers.refuseText(exchange, HttpStatus.FORBIDDEN, CSRF_REFUSED)))
                .headers(headers ->
                        headers.frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /** The double-submit cookie: HttpOnly (the page carries the token in its form), same-site only. */
    private static CookieServerCsrfTokenRepository csrfCookie() {
        CookieServerCsrfTokenRepository repository = new CookieServerCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    static final String CSRF_REFUSED =
            "This form has expired or did not come from this site. Go back to the app and connect again.";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            BearerAuthenticationManager authenticationManager,
            BearerChallenge bearerChallenge,
            MeterRegistry meters,
            PublicUrls urls,
            EarlyAnswers answers) {
        CountedBearerChallenge challenge = new CountedBearerChallenge(bearerChallenge, meters);
        ServerWebExchangeMatcher doors =
                exchange -> RecognisedRequest.of(exchange).door() != null
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
        ServerWebExchangeMatcher protectedPaths = new OrServerWebExchangeMatcher(
                doors,
                new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(API),
                        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(TOKEN_ENDPOINT))));
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager);
        bearer.setServerAuthenticationConverter(new BearerTokenConverter(urls));
        bearer.setAuthenticationFailureHandler(challenge);
        bearer.setAuthenticationSuccessHandler(new PrincipalAttribute());
        bearer.setRequiresAuthenticationMatcher(protectedPaths);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(challenge)
                        .accessDeniedHandler((exchange, denied) -> answers.refuse(
                                exchange, HttpStatus.FORBIDDEN, "This credential does not allow that request.")))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(protectedPaths)
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }
}

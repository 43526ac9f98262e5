package com.classifiedbilling.config;

import com.classifiedbilling.auth.apikey.ApiKeyAuthenticator;
import com.classifiedbilling.auth.web.BearerAuthenticationManager;
import com.classifiedbilling.auth.web.BearerChallenge;
import com.classifiedbilling.auth.web.BearerTokenConverter;
import com.classifiedbilling.auth.web.JsonErrors;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Every door that reaches billing data needs {@code Authorization: Bearer} with
 * an API key or an access token, checked on every request (no sessions, no cookies); health is open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** The paths that need a caller: the JSON API and the MCP doors. */
    static final String[] PROTECTED = {"/api/**", "/mcp", "/mcp/**", "/sse", "/message"};

    @Bean
    JsonErrors jsonErrors(JsonMapper json) {
        return new JsonErrors(json);
    }

    @Bean
    BearerAuthenticationManager bearerAuthenticationManager(ApiKeyAuthenticator apiKeys) {
        return new BearerAuthenticationManager(apiKeys);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, BearerAuthenticationManager authenticationManager, JsonErrors errors) {
        BearerChallenge challenge = new BearerChallenge(errors);
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager);
        bearer.setServerAuthenticationConverter(new BearerTokenConverter());
        bearer.setAuthenticationFailureHandler(challenge);
        bearer.setAuthenticationSuccessHandler(new PrincipalAttribute());
        bearer.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(PROTECTED));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(challenge)
                        .accessDeniedHandler((exchange, denied) -> errors.write(
                                exchange.getResponse(),
                                HttpStatus.FORBIDDEN,
                                "This credential does not allow that request.")))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PROTECTED)
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }
}

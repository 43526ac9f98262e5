package com.classifiedbilling.auth.oauth.grant;

import static com.classifiedbilling.auth.oauth.OAuthEndpoints.AUTHORIZATION;
import static com.classifiedbilling.auth.oauth.OAuthEndpoints.REVOCATION;
import static com.classifiedbilling.auth.oauth.OAuthEndpoints.TOKEN;
import static com.classifiedbilling.auth.oauth.OAuthEndpoints.at;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The authorization, token and revocation endpoints, at the API page's paths and their root aliases. */
@Configuration(proxyBeanMethods = false)
class GrantRoutes {

    @Bean
    RouterFunction<ServerResponse> grantRouter(ConsentHandler consent, TokenHandler tokens) {
        return RouterFunctions.route(at(HttpMethod.GET, AUTHORIZATION), consent::show)
                .andRoute(at(HttpMethod.POST, AUTHORIZATION), consent::decide)
                .andRoute(at(HttpMethod.POST, TOKEN), tokens::token)
                .andRoute(at(HttpMethod.POST, REVOCATION), tokens::revoke);
    }
}

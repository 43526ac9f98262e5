package com.classifiedbilling.auth.oauth.grant;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The authorization, token and revocation endpoints, at the API page's paths and their root aliases. */
@Configuration(proxyBeanMethods = false)
class GrantRoutes {

    @Bean
    RouterFunction<ServerResponse> grantRouter(ConsentHandler consent, TokenHandler tokens) {
        return RouterFunctions.route(GET("/mcp-connect").or(GET("/authorize")), consent::show)
                .andRoute(POST("/mcp-connect").or(POST("/authorize")), consent::decide)
                .andRoute(POST("/api/mcp-token").or(POST("/token")), tokens::token)
                .andRoute(POST("/oauth/revoke"), tokens::revoke);
    }
}

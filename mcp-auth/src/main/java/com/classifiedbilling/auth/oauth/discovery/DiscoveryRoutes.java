package com.classifiedbilling.auth.oauth.discovery;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The well-known metadata documents and the JWKS. */
@Configuration(proxyBeanMethods = false)
class DiscoveryRoutes {

    static final String PROTECTED_RESOURCE = "/.well-known/oauth-protected-resource";

    @Bean
    RouterFunction<ServerResponse> discoveryRouter(DiscoveryHandler discovery) {
        return RouterFunctions.route(GET(PROTECTED_RESOURCE), request -> discovery.protectedResource(request, ""))
                .andRoute(GET(PROTECTED_RESOURCE + "/mcp"), request -> discovery.protectedResource(request, "/mcp"))
                .andRoute(GET(PROTECTED_RESOURCE + "/sse"), request -> discovery.protectedResource(request, "/sse"))
                .andRoute(
                        GET("/.well-known/oauth-authorization-server").or(GET("/.well-known/openid-configuration")),
                        discovery::authorizationServer)
                .andRoute(GET("/oauth/jwks"), discovery::jwks);
    }
}

package com.classifiedbilling.auth.oauth.discovery;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import com.classifiedbilling.auth.oauth.PublicUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The well-known metadata documents and the JWKS: protected resource metadata for each door. */
@Configuration(proxyBeanMethods = false)
class DiscoveryRoutes {

    @Bean
    RouterFunction<ServerResponse> discoveryRouter(DiscoveryHandler discovery, PublicUrls urls) {
        RouterFunction<ServerResponse> routes = RouterFunctions.route(
                GET(PublicUrls.RESOURCE_METADATA), request -> discovery.protectedResource(request, ""));
        for (String door : urls.resourcePaths()) {
            routes = routes.andRoute(
                    GET(PublicUrls.RESOURCE_METADATA + door), request -> discovery.protectedResource(request, door));
        }
        return routes.andRoute(
                        OAuthEndpoints.at(HttpMethod.GET, OAuthEndpoints.METADATA), discovery::authorizationServer)
                .andRoute(OAuthEndpoints.at(HttpMethod.GET, OAuthEndpoints.JWKS), discovery::jwks);
    }
}

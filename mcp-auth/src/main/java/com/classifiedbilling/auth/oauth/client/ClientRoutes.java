package com.classifiedbilling.auth.oauth.client;

import com.classifiedbilling.auth.oauth.OAuthEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Client registration, at its advertised path and the root alias some clients assume. */
@Configuration(proxyBeanMethods = false)
class ClientRoutes {

    @Bean
    RouterFunction<ServerResponse> clientRegistrationRouter(ClientRegistrationHandler registration) {
        return RouterFunctions.route(
                OAuthEndpoints.at(HttpMethod.POST, OAuthEndpoints.REGISTRATION), registration::register);
    }
}

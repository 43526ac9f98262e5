package com.classifiedbilling.auth.oauth.client;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Client registration, at its advertised path and the root alias some clients assume. */
@Configuration(proxyBeanMethods = false)
class ClientRoutes {

    @Bean
    RouterFunction<ServerResponse> clientRegistrationRouter(ClientRegistrationHandler registration) {
        return RouterFunctions.route(POST("/oauth/register").or(POST("/register")), registration::register);
    }
}

package com.classifiedbilling.rest;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import com.classifiedbilling.door.Door;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the JSON API. */
@Configuration(proxyBeanMethods = false)
class RestRoutes {

    @Bean
    RouterFunction<ServerResponse> legacyToolRoutes(LegacyToolHandler handler) {
        return RouterFunctions.route(POST(Door.LEGACY.path()), handler::call)
                .andRoute(
                        path(Door.LEGACY.path()),
                        request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                                .header(HttpHeaders.ALLOW, HttpMethod.POST.name())
                                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                                .bodyValue(
                                        Map.of("error", "Method not allowed: use POST " + Door.LEGACY.path() + ".")));
    }
}

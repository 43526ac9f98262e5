package com.classifiedbilling.door;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps the management port ({@code MANAGEMENT_PORT}) to the actuator: anything else sent there
 * gets 404. Spring's dispatcher on that port also finds the application's routes (it looks in the
 * parent context, and these filters run there too), so without this the doors would answer on a
 * port meant for scrapers and probes. With no management port of its own, this does nothing.
 */
@Component
@Order(FilterOrder.KEEP_MANAGEMENT_PORT)
final class ManagementPortFilter implements WebFilter, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT = "management";

    private final String base;

    private final EarlyAnswers answers;

    /** The management server's port once it listens; 0 while there is none. */
    private volatile int managementPort;

    ManagementPortFilter(@Value("${management.endpoints.web.base-path:/actuator}") String base, EarlyAnswers answers) {
        this.base = base;
        this.answers = answers;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        int port = managementPort;
        if (port == 0 || !onPort(exchange, port)) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(base) || path.startsWith(base + "/")) {
            return chain.filter(exchange);
        }
        return answers.refuse(exchange, HttpStatus.NOT_FOUND, "Not found.");
    }

    private static boolean onPort(ServerWebExchange exchange, int port) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return local != null && local.getPort() == port;
    }
}

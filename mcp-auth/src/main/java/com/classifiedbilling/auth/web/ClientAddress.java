package com.classifiedbilling.auth.web;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, which per-address limits count against: the connection's peer,
 * or the client's behind a proxy when {@code server.forward-headers-strategy} is set.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        return peer == null || peer.getAddress() == null
                ? "unknown"
                : peer.getAddress().getHostAddress();
    }
}

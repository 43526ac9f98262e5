package com.classifiedbilling.auth.oauth.client;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fetches a client metadata document without letting a {@code client_id} point this server at
 * anything internal (draft-ietf-oauth-client-id-metadata-document §6.5, SSRF): the host's
 * addresses are resolved once, every one of them must be public ({@link PublicAddresses}), and
 * the connection goes to the address that was checked, so DNS that changes between check and
 * connect changes nothing. TLS is verified against the host's name. Redirects are not followed, the
 * connection and the answer have short timeouts, and the body is cut off past its cap. No cookie
 * or credential is ever sent.
 */
@Component
final class ClientMetadataFetcher {

    /** A document as served: its bytes and how long its cache headers allow it to be kept. */
    record Fetched(byte[] body, Duration maxAge) {}

    /** How names are resolved; the real DNS, or a stand-in in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final ClientMetadataProperties properties;

    private final Resolver resolver;

    private final HttpClient base;

    private volatile HttpClient verified;

    private final HttpClient loopbackForTests;

    @Autowired
    ClientMetadataFetcher(ClientMetadataProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    ClientMetadataFetcher(ClientMetadataProperties properties, Resolver resolver) {
        this.properties = properties;
        this.resolver = resolver;
        HttpClient base = HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout())
                .followRedirect(false)
                .compress(false)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, "ClassifiedBilling-ClientMetadata/1"));
        this.base = base;
        // only a test server's document is fetched with any certificate, and only when its setting is on
        this.loopbackForTests = properties.allowLoopbackForTests()
                ? base.secure(ssl -> ssl.sslContext(Http11SslContextSpec.forClient()
                        .configure(builder -> builder.trustManager(InsecureTrustManagerFactory.INSTANCE))))
                : null;
    }

    /** The verifying TLS client, made on first use: building TLS contexts is not work for the server's start. */
    private HttpClient verified() {
        HttpClient client = verified;
        if (client == null) {
            synchronized (this) {
                if (verified == null) {
                    verified = base.secure();
                }
                client = verified;
            }
        }
        return client;
    }

    /** The document at this URL (which passed {@link ClientIdUrls#problem}), or a {@link ClientMetadataException}. */
    Mono<Fetched> fetch(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return Mono.fromCallable(() -> checkedAddress(host))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(address -> {
                    // a loopback address got past the check only with the test setting on
                    HttpClient client = address.isLoopbackAddress() ? loopbackForTests : verified();
                    // the checked address, carrying the host's name for SNI and certificate checks: no second lookup
                    InetSocketAddress target = new InetSocketAddress(withName(host, address), port);
                    String authority = uri.getPort() < 0 ? host : host + ":" + port;
                    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    // a relative URI: an absolute one would make the client resolve its host anew
                    return client.remoteAddress(() -> target)
                            .headers(headers -> headers.set(HttpHeaderNames.HOST, authority))
                            .get()
                            .uri(path)
                            .response((response, content) -> content.asByteArray()
                                    .reduce(new ByteArrayOutputStream(), (body, chunk) -> {
                                        if (body.size() + chunk.length > properties.maxBytes()) {
                                            // stops reading: the connection is dropped, the rest never arrives
                                            throw tooLarge();
                                        }
                                        body.writeBytes(chunk);
                                        return body;
                                    })
                                    .map(body -> fetched(response, body.toByteArray())))
                            .single()
                            .onErrorMap(e -> !(e instanceof ClientMetadataException), this::unreachable);
                });
    }

    private InetAddress checkedAddress(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw ClientMetadataException.unreachable("The client_id's host does not resolve.");
        }
        if (addresses.length == 0) {
            throw ClientMetadataException.unreachable("The client_id's host does not resolve.");
        }
        boolean allowed = Arrays.stream(addresses)
                .allMatch(a ->
                        PublicAddresses.isPublic(a) || properties.allowLoopbackForTests() && a.isLoopbackAddress());
        if (!allowed) {
            throw ClientMetadataException.refused("The client_id's host resolves to an address that is not public.");
        }
        return addresses[0];
    }

    private Fetched fetched(HttpClientResponse response, byte[] body) {
        int status = response.status().code();
        if (status >= 300 && status < 400) {
            throw ClientMetadataException.refused("The client_id URL answered a redirect (" + status
                    + "); the document must be served at the URL itself.");
        }
        if (status != 200) {
            throw status >= 500
                    ? ClientMetadataException.unreachable("The client_id URL answered " + status + ".")
                    : ClientMetadataException.refused("The client_id URL answered " + status + ", not the document.");
        }
        String type = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE, "");
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw ClientMetadataException.refused("The client metadata document must be served as application/json.");
        }
        return new Fetched(body, maxAge(response.responseHeaders().getAll(HttpHeaderNames.CACHE_CONTROL)));
    }

    /** {@code max-age} of the answer's Cache-Control (0 for no-store / no-cache, or none given). */
    private static Duration maxAge(List<String> cacheControl) {
        long seconds = 0;
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Duration.ZERO;
                }
                if (d.startsWith("max-age=")) {
                    try {
                        seconds = Math.max(
                                0,
                                Long.parseLong(d.substring("max-age=".length()).replace("\"", "")));
                    } catch (NumberFormatException ignored) {
                        // a malformed max-age counts as none
                    }
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    private ClientMetadataException tooLarge() {
        return ClientMetadataException.refused(
                "The client metadata document is larger than " + properties.maxBytes() + " bytes.");
    }

    private ClientMetadataException unreachable(Throwable e) {
        String what = e instanceof TimeoutException || e.getCause() instanceof TimeoutException
                ? "did not answer in time"
                : "could not be fetched";
        return ClientMetadataException.unreachable("The client metadata document " + what + ".");
    }

    private static InetAddress withName(String host, InetAddress address) {
        try {
            return InetAddress.getByAddress(host, address.getAddress());
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

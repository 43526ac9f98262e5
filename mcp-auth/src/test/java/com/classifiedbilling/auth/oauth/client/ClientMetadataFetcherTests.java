package com.classifiedbilling.auth.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.auth.testing.DocumentServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** The fetch rules, against a real HTTPS server on loopback and stand-in DNS answers. */
class ClientMetadataFetcherTests {

    static DocumentServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new DocumentServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientMetadataProperties properties(boolean loopback) {
        return new ClientMetadataProperties(
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                16384,
                loopback);
    }

    @Test
    void byDefaultALoopbackDocumentIsRefused() {
        server.serve("/client.json", DocumentServer.Answer.json("{}", null));

        StepVerifier.create(new ClientMetadataFetcher(properties(false)).fetch(server.url("/client.json")))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(ClientMetadataException.class)
                        .hasMessageContaining("not public"))
                .verify();
        assertThat(server.requests("/client.json"))
                .as("refused before connecting")
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.5",
                "169.254.169.254",
                "fd00::1",
                "::ffff:10.0.0.1",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "fe80::1"
            })
    void whenTheHostResolvesToAnInternalAddressThenRefusedEvenWithTheTestSetting(String internal) throws Exception {
        InetAddress address = InetAddress.getByName(internal);
        ClientMetadataFetcher fetcher =
                new ClientMetadataFetcher(properties(true), host -> new InetAddress[] {address});

        StepVerifier.create(fetcher.fetch("https://docs.example/client.json"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("not public"))
                .verify();
    }

    @Test
    void whenAnyOfTheHostsAddressesIsInternalThenRefused() throws Exception {
        InetAddress[] mixed = {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.2.3")};
        ClientMetadataFetcher fetcher = new ClientMetadataFetcher(properties(false), host -> mixed);

        StepVerifier.create(fetcher.fetch("https://docs.example/client.json"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("not public"))
                .verify();
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedWithoutASecondLookup() {
        server.serve("/pinned.json", DocumentServer.Answer.json("{\"client_id\":\"x\"}", "max-age=600"));
        AtomicInteger lookups = new AtomicInteger();
        // doc.test resolves nowhere but here: the fetch can only succeed on the address the check saw
        ClientMetadataFetcher fetcher = new ClientMetadataFetcher(properties(true), host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        });

        StepVerifier.create(fetcher.fetch("https://doc.test:" + server.port() + "/pinned.json"))
                .assertNext(fetched -> {
                    assertThat(new String(fetched.body(), StandardCharsets.UTF_8))
                            .isEqualTo("{\"client_id\":\"x\"}");
                    assertThat(fetched.maxAge()).isEqualTo(Duration.ofMinutes(10));
                })
                .verifyComplete();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void redirectsErrorsWrongTypesAndLargeBodiesAreRefused() {
        Map<String, DocumentServer.Answer> answers = Map.of(
                "/moved.json", new DocumentServer.Answer(302, Map.of("Location", "https://127.0.0.1/x"), new byte[0]),
                "/missing.json", new DocumentServer.Answer(404, Map.of(), new byte[0]),
                "/html.json", new DocumentServer.Answer(200, Map.of("Content-Type", "text/html"), "<p>".getBytes()),
                "/large.json", DocumentServer.Answer.json("{\"pad\":\"" + "x".repeat(20_000) + "\"}", null));
        answers.forEach(server::serve);
        Map<String, String> expected = Map.of(
                "/moved.json", "redirect",
                "/missing.json", "404",
                "/html.json", "application/json",
                "/large.json", "larger than 16384 bytes");
        ClientMetadataFetcher fetcher = new ClientMetadataFetcher(properties(true));

        expected.forEach((path, message) -> StepVerifier.create(fetcher.fetch(server.url(path)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .as(path)
                        .isInstanceOf(ClientMetadataException.class)
                        .hasMessageContaining(message))
                .verify());
    }

    @Test
    void whenTheServerFailsOrIsAbsentThenUnreachable() {
        server.serve("/broken.json", new DocumentServer.Answer(503, Map.of(), new byte[0]));
        ClientMetadataFetcher fetcher = new ClientMetadataFetcher(properties(true));

        for (String url : List.of(server.url("/broken.json"), "https://localhost:1/client.json")) {
            StepVerifier.create(fetcher.fetch(url))
                    .expectErrorSatisfies(e -> assertThat(((ClientMetadataException) e).unreachable())
                            .as(url)
                            .isTrue())
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void noStoreMeansNoTimeAndMaxAgeIsRead() {
        server.serve("/nostore.json", DocumentServer.Answer.json("{}", "no-store, max-age=600"));
        server.serve("/plain.json", DocumentServer.Answer.json("{}", null));
        ClientMetadataFetcher fetcher = new ClientMetadataFetcher(properties(true));

        StepVerifier.create(fetcher.fetch(server.url("/nostore.json")))
                .assertNext(fetched -> assertThat(fetched.maxAge()).isZero())
                .verifyComplete();
        StepVerifier.create(fetcher.fetch(server.url("/plain.json")))
                .assertNext(fetched -> assertThat(fetched.maxAge()).isZero())
                .verifyComplete();
    }
}

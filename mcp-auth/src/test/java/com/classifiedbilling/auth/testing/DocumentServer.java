package com.classifiedbilling.auth.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on 127.0.0.1 that serves what a test tells it to, as a client's metadata
 * document host would, with a self-signed certificate made at start by the JDK's {@code keytool}.
 * It counts the requests to each path, so a test can see whether a document was fetched again.
 */
public final class DocumentServer implements AutoCloseable {

    /** What a path answers. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public static Answer json(String body, String cacheControl) {
            return new Answer(
                    200,
                    cacheControl == null
                            ? Map.of("Content-Type", "application/json")
                            : Map.of("Content-Type", "application/json", "Cache-Control", cacheControl),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpsServer server;

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public DocumentServer() throws Exception {
        char[] password = "changeit".toCharArray();
        Path keystore = Files.createTempDirectory("cb-docs").resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "docs",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        new String(password),
                        "-keypass",
                        new String(password))
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().readAllBytes();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the test certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        } finally {
            // loaded: the file is not needed again, and a test run leaves nothing in /tmp
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(keystore.getParent());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.getOrDefault(path, new Answer(404, Map.of(), new byte[0]));
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            } catch (IOException clientLeft) {
                // the fetcher may stop reading a body that is too large
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The https URL of a path on this server, by the name {@code localhost}. */
    public String url(String path) {
        return "https://localhost:" + port() + path;
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** How many requests this path has had. */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

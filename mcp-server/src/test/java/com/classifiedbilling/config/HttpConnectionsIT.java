package com.classifiedbilling.config;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.PostgresIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A keep-alive connection left open after its last answer is closed by the server when it stops,
 * so that no request sent on it later is served by a server whose pool is closing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HttpConnectionsIT extends PostgresIntegrationTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @LocalServerPort
    int port;

    @Autowired
    HttpConnections connections;

    @Test
    void anIdleKeepAliveConnectionShouldBeClosedWhenTheServerStops() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            Matcher length = CONTENT_LENGTH.matcher(head);
            assertThat(length.find()).as(head).isTrue();
            assertThat(in.readNBytes(Integer.parseInt(length.group(1)))).isNotEmpty();
            assertThat(connections.size()).as("connections open").isPositive();

            connections.stop();

            assertThat(in.read()).as("what the server sends after it stops").isEqualTo(-1);
            assertThat(connections.size()).isZero();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the answer's head, cut short: %s", head).isNotNegative();
            head.write(next);
        }
        return head.toString(US_ASCII);
    }
}

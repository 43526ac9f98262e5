package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Drill: 1,000 connections that send their headers a line a second, oversized bodies, and 10,000
 * malformed JSON-RPC messages, all at once. Meanwhile well-formed calls keep being answered (p99
 * under 10 times its value without the flood), no bad input gets a 5xx, and the heap after GC stays
 * bounded. Prints what it saw.
 */
class FloodDrillIT {

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final int SLOW_CONNECTIONS = 1_000;

    static final int MALFORMED = 10_000;

    @Test
    void shouldKeepServingWellFormedCallsThroughFloodsOfBadAndSlowClients() throws Exception {
        TestDatabase database = TestDatabase.create();
        try (ServerProcess server = ServerProcess.start(
                "flood-drill",
                TempFolders.create("cb-flood"),
                ServerProcess.demoWithoutLimits(Map.of("BILLING_DATABASE_URL", database.url())))) {
            String key = server.demoKey();
            String workspace = server.post("/api/mcp-server", key, "{\"tool\":\"list_workspaces\",\"input\":{}}")
                    .body()
                    .replaceAll(".*\"id\":\"(ws_[0-9a-z]+)\".*", "$1");
            String wellFormed =
                    "{\"tool\":\"list_invoices\",\"input\":{\"workspace_id\":\"" + workspace + "\",\"limit\":5}}";

            for (int i = 0; i < 300; i++) {
                server.post("/api/mcp-server", key, wellFormed);
            }
            long heapBefore = server.heapUsedAfterGc();
            double normalP99 = p99(measure(server, key, wellFormed, 300));

            AtomicBoolean flooding = new AtomicBoolean(true);
            List<Socket> slow = openSlowConnections(server.port());
            ExecutorService floods = Executors.newFixedThreadPool(5);
            ConcurrentLinkedQueue<Integer> badStatuses = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Integer> oversizedStatuses = new ConcurrentLinkedQueue<>();
            CountDownLatch finite = new CountDownLatch(4);
            floods.submit(() -> trickle(slow, flooding));
            for (int t = 0; t < 3; t++) {
                int seed = t;
                floods.submit(() -> {
                    malformed(server, key, MALFORMED / 3 + (seed == 0 ? MALFORMED % 3 : 0), seed, badStatuses);
                    finite.countDown();
                });
            }
            floods.submit(() -> {
                oversized(server, key, oversizedStatuses);
                finite.countDown();
            });
            List<Long> duringFlood = new ArrayList<>();
            while (finite.getCount() > 0) {
                duringFlood.add(timed(server, key, wellFormed));
            }
            flooding.set(false);
            floods.shutdown();
            assertThat(floods.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            int stillOpen =
                    (int) slow.stream().filter(socket -> !socket.isClosed()).count();
            for (Socket socket : slow) {
                socket.close();
            }
            long heapAfter = server.heapUsedAfterGc();
            double floodP99 = p99(duringFlood);
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            badStatuses.forEach(status -> statuses.merge(status, 1L, Long::sum));
            Map<Integer, Long> oversizedCounts = new java.util.TreeMap<>();
            oversizedStatuses.forEach(status -> oversizedCounts.merge(status, 1L, Long::sum));

            System.out.printf(
                    "FloodDrillIT: %d slow connections (%d open to the end); %d malformed JSON-RPC "
                            + "messages %s; %d oversized bodies %s; well-formed p99 %.1f ms normal, %.1f ms during the "
                            + "flood (%d calls); heap after GC %.1f MB before, %.1f MB after%n",
                    slow.size(),
                    stillOpen,
                    badStatuses.size(),
                    statuses,
                    oversizedStatuses.size(),
                    oversizedCounts,
                    normalP99,
                    floodP99,
                    duringFlood.size(),
                    heapBefore / 1048576.0,
                    heapAfter / 1048576.0);
            assertThat(slow).hasSize(SLOW_CONNECTIONS);
            // a JSON-RPC request for an unknown method is answered 200 with a JSON-RPC error, and a message
            // without an id is taken as a notification (202), as the protocol says; never a 5xx
            assertThat(statuses.keySet())
                    .as("4xx, a JSON-RPC error or 202, never 5xx, for bad input")
                    .allMatch(status -> status == 200 || status == 202 || (status >= 400 && status < 500));
            assertThat(badStatuses).hasSize(MALFORMED);
            // a server refusing a 2 MiB body may close the connection before the client has sent it all
            assertThat(oversizedCounts.keySet()).contains(413).allMatch(status -> status == 413 || status == -1);
            assertThat(duringFlood).isNotEmpty();
            assertThat(floodP99).isLessThan(Math.max(10 * normalP99, 50));
            assertThat(heapAfter - heapBefore).as("heap stays bounded").isLessThan(64L * 1024 * 1024);
            assertThat(server.post("/api/mcp-server", key, wellFormed).statusCode())
                    .isEqualTo(200);
        }
    }

    private static List<Long> measure(ServerProcess server, String key, String body, int count) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            millis.add(timed(server, key, body));
        }
        return millis;
    }

    /** One well-formed call, which must succeed; its time in milliseconds. */
    private static long timed(ServerProcess server, String key, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = server.post("/api/mcp-server", key, body);
        assertThat(response.statusCode()).isEqualTo(200);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static double p99(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }

    private static List<Socket> openSlowConnections(int port) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.getOutputStream()
                    .write(("POST /api/mcp-server HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            sockets.add(socket);
        }
        return sockets;
    }

    /** One more header line a second on every slow connection, never finishing the request. */
    private static void trickle(List<Socket> sockets, AtomicBoolean flooding) {
        int line = 0;
        while (flooding.get()) {
            line++;
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(("X-Slow-" + line + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                } catch (Exception closedByServer) {
                    // the server may close a stalled connection; that is allowed
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void malformed(
            ServerProcess server, String key, int count, int seed, ConcurrentLinkedQueue<Integer> statuses) {
        Random random = new Random(seed);
        String[] shapes = {
            "{\"jsonrpc\":",
            "[]",
            "[1,2,3]",
            "{}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":42}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":null}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such/method\"}",
            "null",
            "\"text\"",
            "\u0000\u0001"
        };
        for (int i = 0; i < count; i++) {
            String body = shapes[random.nextInt(shapes.length)];
            try {
                HttpResponse<String> response = server.post("/mcp", key, body);
                statuses.add(response.statusCode());
            } catch (Exception e) {
                statuses.add(-1);
            }
        }
    }

    private static void oversized(ServerProcess server, String key, ConcurrentLinkedQueue<Integer> statuses) {
        String huge = "{\"tool\":\"list_workspaces\",\"input\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        for (int i = 0; i < 20; i++) {
            for (String path : new String[] {"/api/mcp-server", "/mcp"}) {
                try {
                    statuses.add(server.post(path, key, huge).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        }
    }
}

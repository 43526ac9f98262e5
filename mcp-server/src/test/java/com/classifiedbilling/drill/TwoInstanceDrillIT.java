package com.classifiedbilling.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ServerProcess;
import com.classifiedbilling.support.TempFolders;
import com.classifiedbilling.support.TestDatabase;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Drills with two packaged servers on one PostgreSQL: concurrent writes through both, and one of
 * them killed with SIGKILL under load. Prints what it saw.
 */
class TwoInstanceDrillIT {

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void whenHundredsOfWritesRaceAcrossTwoInstancesThenEachLandsExactlyOnce() throws Exception {
        TestDatabase database = TestDatabase.create();
        try (Pair pair = Pair.start(database, "writes")) {
            String workspace = workspace(pair.a, pair.key);
            List<String> invoices = dueInvoices(pair.a, pair.key, workspace, 10);
            ExecutorService pool = Executors.newFixedThreadPool(100);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ServerProcess server = i % 2 == 0 ? pair.a : pair.b;
                String invoice = invoices.get(i % invoices.size());
                String payKey = i % 4 < 2 ? ",\"idempotency_key\":\"pay-" + invoice + "\"" : "";
                String pay = "{\"workspace_id\":\"" + workspace + "\",\"invoice_id\":\"" + invoice
                        + "\",\"payment_method\":\"Card\"" + payKey + "}";
                // 100 creates: 50 share 5 idempotency keys, 50 have none (50 distinct customers)
                int n = i;
                String create = DrillCustomers.input(
                        workspace,
                        n % 2 == 0 ? "Keyed " + (n % 10) : "Plain " + n,
                        n % 2 == 0 ? "create-" + (n % 10) : null);
                calls.add(
                        CompletableFuture.supplyAsync(() -> status(server, pair.key, "mark_invoice_paid", pay), pool));
                calls.add(
                        CompletableFuture.supplyAsync(() -> status(server, pair.key, "create_customer", create), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            pool.shutdown();

            long payments = database.count("SELECT COUNT(*) FROM audit_events WHERE action = 'mark_invoice_paid' "
                    + "AND workspace_id = '" + workspace + "'");
            long paid = database.count("SELECT COUNT(*) FROM invoices WHERE workspace_id = '" + workspace
                    + "' AND status = 'Paid' AND payment_method = 'Card'");
            long keyed = database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + workspace
                    + "' AND company_name LIKE 'Keyed %'");
            long plain = database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + workspace
                    + "' AND company_name LIKE 'Plain %'");
            long customerAudits = database.count("SELECT COUNT(*) FROM audit_events WHERE action = 'create_customer' "
                    + "AND workspace_id = '" + workspace + "'");
            System.out.printf(
                    "TwoInstanceDrillIT writes: statuses %s; %d payment audit rows for %d invoices paid; "
                            + "%d keyed customers, %d plain customers, %d customer audit rows%n",
                    counts(statuses), payments, paid, keyed, plain, customerAudits);

            assertThat(statuses).allMatch(s -> s == 200 || s == 409);
            assertThat(paid).isEqualTo(invoices.size());
            assertThat(payments).as("one payment per invoice").isEqualTo(invoices.size());
            assertThat(keyed).as("one customer per idempotency key").isEqualTo(5);
            assertThat(plain).isEqualTo(50);
            assertThat(customerAudits).as("one audit row per customer").isEqualTo(keyed + plain);
        }
    }

    @Test
    void whenOneInstanceIsKilledThenTheOtherServesAndNothingAcknowledgedIsLost() throws Exception {
        TestDatabase database = TestDatabase.create();
        try (Pair pair = Pair.start(database, "kill")) {
            String workspace = workspace(pair.a, pair.key);
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger failedOver = new AtomicInteger();
            AtomicInteger counter = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.submit(() -> {
                    while (running.get()) {
                        String name = "Kill " + counter.incrementAndGet();
                        String create = DrillCustomers.input(workspace, name, "kill-" + name);
                        ServerProcess first = client % 2 == 0 ? pair.a : pair.b;
                        int status = status(first, pair.key, "create_customer", create);
                        if (status < 0) {
                            // connection failed: a client retries elsewhere, as behind a load balancer
                            failedOver.incrementAndGet();
                            status = status(first == pair.a ? pair.b : pair.a, pair.key, "create_customer", create);
                        }
                        if (status == 200) {
                            acknowledged.add(name);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2000);
            long before = acknowledged.size();
            new ProcessBuilder("kill", "-9", Long.toString(pair.a.pid()))
                    .start()
                    .waitFor();
            Thread.sleep(3000);
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            long afterKill = acknowledged.size() - before;

            long stored = database.count("SELECT COUNT(*) FROM customers WHERE workspace_id = '" + workspace
                    + "' AND company_name IN ("
                    + String.join(
                            ",", acknowledged.stream().map(n -> "'" + n + "'").toList())
                    + ")");
            System.out.printf(
                    "TwoInstanceDrillIT kill -9: %d creates acknowledged (%d after the kill), %d retried on "
                            + "the other instance, %d of the acknowledged found in the database%n",
                    acknowledged.size(), afterKill, failedOver.get(), stored);
            assertThat(afterKill).as("the surviving instance keeps serving").isPositive();
            assertThat(stored).as("nothing acknowledged is lost").isEqualTo(acknowledged.size());
            assertThat(pair.b.get("/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
        }
    }

    /** Two servers on one database; the first makes the demo user, whose key both accept. */
    record Pair(ServerProcess a, ServerProcess b, String key) implements AutoCloseable {

        static Pair start(TestDatabase database, String name) throws Exception {
            Path dir = TempFolders.create("cb-two-" + name);
            Map<String, String> env = new HashMap<>(Map.of(
                    "BILLING_DATABASE_URL", database.url(),
                    "BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE", "1000000",
                    "BILLING_RATELIMITS_PLANS_STANDARD_PERDAY", "1000000"));
            Map<String, String> first = ServerProcess.demoWithoutLimits(env);
            ServerProcess a = ServerProcess.start(name + "-a", dir, first);
            ServerProcess b = ServerProcess.start(name + "-b", dir, env);
            return new Pair(a, b, a.demoKey());
        }

        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    static String workspace(ServerProcess server, String key) throws Exception {
        return server.callTool(key, "list_workspaces", "{}").body().replaceAll(".*\"id\":\"(ws_[0-9a-z]+)\".*", "$1");
    }

    static List<String> dueInvoices(ServerProcess server, String key, String workspace, int count) throws Exception {
        String body = server.callTool(
                        key,
                        "list_invoices",
                        "{\"workspace_id\":\"" + workspace + "\",\"status\":\"Due\",\"limit\":" + count + "}")
                .body();
        List<String> ids = new ArrayList<>();
        Matcher id = Pattern.compile("\"id\":\"(inv_[0-9a-z]+)\"").matcher(body);
        while (id.find()) {
            ids.add(id.group(1));
        }
        assertThat(ids).hasSize(count);
        return ids;
    }

    static int status(ServerProcess server, String key, String tool, String input) {
        try {
            return server.callTool(key, tool, input).statusCode();
        } catch (Exception connectionFailed) {
            return -1;
        }
    }

    private static String counts(List<Integer> statuses) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts.toString();
    }
}

package com.classifiedbilling.support;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh, empty databases on the real PostgreSQL named by the system property {@code it.postgres.url}
 * (default {@code postgresql://postgres@127.0.0.1:5432/test}), one per test class. Each name carries
 * the second its run started ({@code cb_it_<epoch>_<random>}): a run drops its own databases when its
 * JVM ends, and on first use drops only those of runs that started more than {@link #ABANDONED} ago
 * (a run killed before it could clean up), so two runs on one PostgreSQL leave each other alone.
 */
public final class TestDatabase {

    private static final String PREFIX = "cb_it_";

    private static final AtomicBoolean swept = new AtomicBoolean();

    /** Longer than any run may take (CI allows 90 minutes). */
    static final Duration ABANDONED = Duration.ofHours(3);

    /** This run: the second its test JVM started. */
    private static final long RUN = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000;

    private static final List<String> OWN = new CopyOnWriteArrayList<>();

    private static volatile URI ownServer;

    private final String url;

    private final String name;

    private TestDatabase(String url, String name) {
        this.url = url;
        this.name = name;
    }

    /** Creates an empty database. */
    public static TestDatabase create() {
        URI base = URI.create(System.getProperty("it.postgres.url", "postgresql://postgres@127.0.0.1:5432/test"));
        String name = PREFIX + RUN + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = admin(base);
                Statement statement = admin.createStatement()) {
            if (swept.compareAndSet(false, true)) {
                dropLeftovers(admin);
            }
            statement.execute("CREATE DATABASE " + name);
            remember(base, name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed for integration tests at " + base.getHost() + ":" + base.getPort()
                            + " (start it: pg_ctlcluster --skip-systemctl-redirect <version> main start)",
                    e);
        }
        String auth = base.getRawUserInfo();
        String url = "postgresql://" + auth + "@" + base.getHost() + ":" + port(base) + "/" + name;
        return new TestDatabase(url, name);
    }

    /** The URL to hand the server as {@code BILLING_DATABASE_URL}. */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /** A JDBC connection to this database, for tests to read what was stored. */
    public Connection connect() throws SQLException {
        URI uri = URI.create(url);
        String[] auth = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + uri.getHost() + ":" + port(uri) + "/" + name,
                auth[0],
                auth.length > 1 ? auth[1] : null);
    }

    /** The first column of the first row of a query, as a long. */
    public long count(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A fingerprint of all billing data (every row of every table but the keys' last-use times):
     * equal fingerprints mean nothing was written in between.
     */
    public String snapshot() {
        StringBuilder snapshot = new StringBuilder();
        for (String table : new String[] {
            "users",
            "workspaces",
            "workspace_members",
            "customers",
            "service_items",
            "invoices",
            "audit_events",
            "idempotency_records"
        }) {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*), md5(COALESCE(string_agg(t::text, '|' "
                            + "ORDER BY t::text), '')) FROM " + table + " t")) {
                rows.next();
                snapshot.append(table)
                        .append('=')
                        .append(rows.getLong(1))
                        .append(':')
                        .append(rows.getString(2))
                        .append(' ');
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return snapshot.toString();
    }

    private static Connection admin(URI base) throws SQLException {
        String[] auth = base.getUserInfo().split(":", 2);
        return DriverManager.getConnection(
                "jdbc:postgresql://" + base.getHost() + ":" + port(base) + "/postgres",
                auth[0],
                auth.length > 1 ? auth[1] : null);
    }

    private static synchronized void remember(URI base, String name) {
        if (ownServer == null) {
            ownServer = base;
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropOwn, "drop-test-databases"));
        }
        OWN.add(name);
    }

    /** At the end of the run: its databases go, connections or not. */
    private static void dropOwn() {
        try (Connection admin = admin(ownServer)) {
            for (String name : OWN) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            System.err.println("TestDatabase: could not drop this run's databases: " + e.getMessage());
        }
    }

    /** Whether a test database belongs to a run that is long over (or to a layout without the run's time). */
    static boolean abandoned(String name, long nowSeconds) {
        String[] parts = name.substring(PREFIX.length()).split("_", 2);
        if (parts.length < 2 || !parts[0].matches("[0-9]{9,11}")) {
            return true;
        }
        return Long.parseLong(parts[0]) < nowSeconds - ABANDONED.toSeconds();
    }

    private static void dropLeftovers(Connection admin) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'cb\\_it\\_%'")) {
            long now = System.currentTimeMillis() / 1000;
            while (rows.next()) {
                if (abandoned(rows.getString(1), now)) {
                    leftovers.add(rows.getString(1));
                }
            }
        }
        for (String leftover : leftovers) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + leftover + " WITH (FORCE)");
            }
        }
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 5432 : uri.getPort();
    }
}

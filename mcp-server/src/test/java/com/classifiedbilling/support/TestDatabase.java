package com.classifiedbilling.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fresh, empty databases on the real PostgreSQL named by the system property {@code it.postgres.url}
 * (default {@code postgresql://postgres@127.0.0.1:5432/test}), one per test class. Databases left by
 * an earlier run are dropped on first use.
 */
public final class TestDatabase {

    private static final String PREFIX = "cb_it_";

    private static final AtomicBoolean swept = new AtomicBoolean();

    private final String url;

    private final String name;

    private TestDatabase(String url, String name) {
        this.url = url;
        this.name = name;
    }

    /** Creates an empty database. */
    public static TestDatabase create() {
        URI base = URI.create(System.getProperty("it.postgres.url", "postgresql://postgres@127.0.0.1:5432/test"));
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = admin(base);
                Statement statement = admin.createStatement()) {
            if (swept.compareAndSet(false, true)) {
                dropLeftovers(admin);
            }
            statement.execute("CREATE DATABASE " + name);
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

    private static void dropLeftovers(Connection admin) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'cb\\_it\\_%'")) {
            while (rows.next()) {
                leftovers.add(rows.getString(1));
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

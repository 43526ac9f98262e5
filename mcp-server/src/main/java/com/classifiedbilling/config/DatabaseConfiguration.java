package com.classifiedbilling.config;

import io.micrometer.observation.ObservationRegistry;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.observation.ObservationProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database: which one (from {@link DatabaseProperties}), its schema migrated by Flyway over
 * JDBC once at start, and a pool of R2DBC connections that every request uses.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Statements each PostgreSQL connection keeps prepared, the least recently used closed first. */
    static final int STATEMENTS_PREPARED = 256;

    @Bean
    DatabaseTarget databaseTarget(DatabaseProperties properties) {
        DatabaseTarget target = DatabaseTarget.of(properties);
        log.info("Database: {}", target);
        return target;
    }

    /** Brings the schema up to date before anything else touches the database. */
    @Bean
    SchemaMigration schemaMigration(DatabaseTarget target) {
        if (target instanceof DatabaseTarget.Embedded embedded) {
            embedded.keepPrivate();
        }
        Flyway flyway = Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                // the portable migrations, and those of this database (db/postgresql or db/h2)
                .locations("classpath:db/migration", "classpath:db/" + target.vendor())
                .load();
        int executed = flyway.migrate().migrationsExecuted;
        if (target instanceof DatabaseTarget.Embedded embedded) {
            embedded.keepPrivate();
        }
        return new SchemaMigration(executed);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(
            DatabaseTarget target,
            DatabaseProperties properties,
            SchemaMigration migrated,
            Environment environment,
            EventLoops eventLoops,
            ObjectProvider<ObservationRegistry> observations) {
        DatabaseProperties.Pool pool = properties.pool();
        ConnectionFactory driver = target instanceof DatabaseTarget.Postgres pg
                ? new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                        .host(pg.host())
                        .port(pg.port())
                        .database(pg.database())
                        .username(pg.user())
                        .password(pg.password())
                        .applicationName("classifiedbilling-mcp-server")
                        .connectTimeout(pool.connectTimeout())
                        .statementTimeout(pool.statementTimeout())
                        // binary results: timestamps and numbers decode without text parsing
                        .forceBinary(true)
                        // each connection keeps its most used statements prepared, and closes the rest:
                        // filters combine, and page sizes are written into statements (BoundSql.limit)
                        .preparedStatementCacheQueries(STATEMENTS_PREPARED)
                        // the HTTP server's event loops (WebServerConfiguration.eventLoops)
                        .loopResources(eventLoops.loops())
                        .build())
                : new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                        .url(((DatabaseTarget.Embedded) target).h2Url())
                        .username(target.user())
                        .password(target.password())
                        .build());
        ConnectionFactory connections = TracingConfiguration.exportsTraces(environment)
                ? traced(driver, target, observations.getObject())
                : driver;
        ConnectionPool pooled = new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .name("billing")
                .initialSize(Math.min(pool.initialSize(), pool.maxSize()))
                .maxSize(pool.maxSize())
                .maxAcquireTime(pool.acquireTimeout())
                // A pooled connection can die while it waits (a failover, a restart, a proxy's idle
                // timeout, pg_terminate_backend). The pool finds out when it validates the connection
                // at acquire, before anything is sent, and drops it; retrying then takes the next one,
                // or a new one, so a call meets a dead connection only when every retry (within the
                // acquire timeout) finds the database gone, and then gets a clean 503.
                .acquireRetry(Math.max(1, pool.maxSize()))
                .maxCreateConnectionTime(pool.connectTimeout())
                .maxIdleTime(pool.maxIdleTime())
                .build());
        // In a start profile the first query waited 244 ms for the first connection
        // (docs/performance.md, issue #18's target 6). Opened now, in the background, it overlaps
        // the beans still being made instead of holding up the first query. Should it fail,
        // nothing is lost: the first query opens a connection, and reports what stops it.
        pooled.warmup()
                .subscribe(
                        opened -> {},
                        failed -> log.info(
                                "Database: the pool's first connections were not opened at start ({}); queries open them",
                                failed.getClass().getSimpleName()));
        return pooled;
    }

    /**
     * The driver's connections, each statement observed as a child of the tool call it runs for
     * (from the subscriber's context); a statement outside a tool call is not observed.
     */
    private static ConnectionFactory traced(
            ConnectionFactory driver, DatabaseTarget target, ObservationRegistry registry) {
        ObservationProxyExecutionListener listener = target instanceof DatabaseTarget.Postgres pg
                ? new ObservationProxyExecutionListener(registry, driver, pg.host(), pg.port())
                : new ObservationProxyExecutionListener(registry, driver, "embedded", null);
        return ProxyConnectionFactory.builder(driver).listener(listener).build();
    }

    /** Proof that migrations ran; beans that need the schema depend on it. */
    record SchemaMigration(int migrationsExecuted) {}
}

package com.classifiedbilling.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param url {@code postgresql://user[:password]@host[:port]/database} (from {@code BILLING_DATABASE_URL});
 *     empty for the embedded database
 * @param dataDir the embedded database's folder (from {@code BILLING_DATA_DIR})
 * @param pool the connection pool
 */
@ConfigurationProperties("billing.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Pool pool) {

    /**
     * @param maxSize connections at most
     * @param acquireTimeout how long a request waits for a connection before it fails
     * @param connectTimeout how long opening a connection may take
     * @param statementTimeout how long one statement may run (PostgreSQL)
     * @param maxIdleTime how long an unused connection is kept
     */
    public record Pool(
            @DefaultValue("2") int initialSize,
            @DefaultValue("20") int maxSize,
            @DefaultValue("5s") Duration acquireTimeout,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration statementTimeout,
            @DefaultValue("10m") Duration maxIdleTime) {}
}

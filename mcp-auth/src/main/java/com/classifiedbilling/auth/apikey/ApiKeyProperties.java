package com.classifiedbilling.auth.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How API keys are resolved.
 *
 * @param cacheTtl how long a resolved key (or a miss) is trusted without asking the database again;
 *     this bounds how long a key revoked on another instance keeps working there
 * @param cacheSize how many keys are cached at most
 * @param touchInterval how often, at most, a key's "last used" time is written
 */
@ConfigurationProperties("billing.auth.api-keys")
public record ApiKeyProperties(
        @DefaultValue("1s") Duration cacheTtl,
        @DefaultValue("100000") long cacheSize,
        @DefaultValue("60s") Duration touchInterval) {}

package com.classifiedbilling.billing.r2dbc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How workspace access is cached.
 *
 * @param accessTtl how long "this user may reach this workspace" is trusted without asking the
 *     database again; bounds how long access taken away on another instance still works here
 * @param size how many user–workspace pairs are kept at most
 */
@ConfigurationProperties("billing.workspaces.cache")
public record WorkspaceCacheProperties(
        @DefaultValue("1s") Duration accessTtl,
        @DefaultValue("100000") long size) {}

package com.classifiedbilling.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the default privacy and support pages say about their operator.
 *
 * @param operator who runs this server, named on the pages
 * @param supportEmail where people write for help and about their data
 */
@ConfigurationProperties("billing.site")
public record SiteProperties(
        @DefaultValue("ClassifiedBilling") String operator,
        @DefaultValue("support@classifiedbilling.com") String supportEmail) {}

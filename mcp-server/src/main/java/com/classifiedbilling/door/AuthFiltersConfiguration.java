package com.classifiedbilling.door;

import com.classifiedbilling.auth.oauth.PublicUrls;
import com.classifiedbilling.auth.oauth.TrustedHostFilter;
import com.classifiedbilling.auth.web.ParametersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Puts two of mcp-auth's filters in their place in {@link FilterOrder}: the Host check of the OAuth
 * endpoints, and the strict reader of query strings and forms in front of everything that reads them.
 */
@Configuration(proxyBeanMethods = false)
class AuthFiltersConfiguration {

    @Bean
    @Order(FilterOrder.CHECK_HOST)
    TrustedHostFilter trustedHostFilter(PublicUrls urls, EarlyAnswers answers) {
        return new TrustedHostFilter(urls, answers);
    }

    @Bean
    @Order(FilterOrder.READ_PARAMETERS)
    ParametersFilter parametersFilter(EarlyAnswers answers) {
        return new ParametersFilter(answers);
    }
}

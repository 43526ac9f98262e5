package com.classifiedbilling.billing;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Checks currency codes against the database's list, read once and then kept (a failed read is
 * tried again on the next use).
 */
public final class Currencies {

    private final Mono<Set<String>> codes;

    public Currencies(CurrencyRepository repository) {
        this.codes = repository
                .codes()
                .collect(Collectors.toUnmodifiableSet())
                .cache(loaded -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * The code, in upper case, if it is a known ISO 4217 currency; an {@code INVALID_INPUT} error
     * otherwise.
     */
    public Mono<String> require(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return codes.flatMap(known -> known.contains(upper)
                ? Mono.just(upper)
                : Mono.error(BillingException.invalidInput(
                        "Unknown currency code '" + code + "'. Use an ISO 4217 code such as USD, EUR or GBP.")));
    }
}

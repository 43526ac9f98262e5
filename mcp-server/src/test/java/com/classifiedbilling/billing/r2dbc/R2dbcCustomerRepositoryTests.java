package com.classifiedbilling.billing.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class R2dbcCustomerRepositoryTests {

    @Test
    void shouldMatchSearchTextAnywhereIgnoringCase() {
        assertThat(R2dbcCustomerRepository.containing("ACME")).isEqualTo("%acme%");
    }

    @Test
    void shouldTakeLikeWildcardsInSearchTextLiterally() {
        assertThat(R2dbcCustomerRepository.containing("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }
}

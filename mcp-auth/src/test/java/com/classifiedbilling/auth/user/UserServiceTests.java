package com.classifiedbilling.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserServiceTests {

    @Test
    void shouldLowerCaseEmails() {
        assertThat(UserService.normalizeEmail("Alice@Example.COM")).isEqualTo("alice@example.com");
    }

    @Test
    void whenEmailMalformedThenRefusedNamingIt() {
        for (String bad : new String[] {"", "alice", "alice@", "@example.com", "a b@example.com", "alice@example"}) {
            assertThatThrownBy(() -> UserService.normalizeEmail(bad))
                    .isInstanceOf(AccountException.class)
                    .hasMessageContaining("Invalid email address");
        }
    }

    @Test
    void shouldKnowThePlansByTheirLabels() {
        assertThat(Plan.fromLabel("Starter")).contains(Plan.STARTER);
        assertThat(Plan.fromLabel("Standard")).contains(Plan.STANDARD);
        assertThat(Plan.fromLabel("Advance")).contains(Plan.ADVANCE);
        assertThat(Plan.fromLabel("starter")).isEmpty();
        assertThat(Plan.fromLabel("Enterprise")).isEmpty();
    }
}

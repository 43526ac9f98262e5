package com.classifiedbilling.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which databases a run may drop: only those of runs long over, never a run still going. */
class TestDatabaseTests {

    static final long NOW = 1_796_000_000L;

    @Test
    void aRunThatStartedWithinTheLastHoursIsLeftAlone() {
        assertThat(TestDatabase.abandoned("cb_it_" + (NOW - 60) + "_0a1b2c3d", NOW))
                .isFalse();
        assertThat(TestDatabase.abandoned("cb_it_" + (NOW - 2 * 3600) + "_0a1b2c3d", NOW))
                .isFalse();
    }

    @Test
    void aRunLongOverAndTheFirstLayoutAreDropped() {
        assertThat(TestDatabase.abandoned("cb_it_" + (NOW - 4 * 3600) + "_0a1b2c3d", NOW))
                .isTrue();
        assertThat(TestDatabase.abandoned("cb_it_89c5fe15690d", NOW))
                .as("no run time in the name")
                .isTrue();
    }
}

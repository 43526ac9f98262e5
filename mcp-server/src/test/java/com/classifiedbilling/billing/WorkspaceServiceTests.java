package com.classifiedbilling.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkspaceServiceTests {

    @Test
    void shouldMakeSlugsFromTitles() {
        assertThat(WorkspaceService.slugOf("SaaS Clerk")).isEqualTo("saas-clerk");
        assertThat(WorkspaceService.slugOf("  Müller & Söhne GmbH!  ")).isEqualTo("m-ller-s-hne-gmbh");
        assertThat(WorkspaceService.slugOf("!!!")).isEqualTo("workspace");
        assertThat(WorkspaceService.slugOf("x".repeat(150))).hasSize(100);
    }
}

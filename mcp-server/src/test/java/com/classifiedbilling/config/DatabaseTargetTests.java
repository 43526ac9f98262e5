package com.classifiedbilling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTargetTests {

    @Test
    void whenEmbeddedThenItsFolderAndFilesArePrivateToTheUser(@TempDir Path parent) throws Exception {
        Path folder = parent.resolve("data");
        DatabaseTarget.Embedded target =
                (DatabaseTarget.Embedded) DatabaseTarget.of(properties(null, folder.toString()));
        target.keepPrivate();
        Path file = Files.createFile(folder.resolve("billing.mv.db"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        target.keepPrivate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void whenNoUrlThenEmbeddedInDataDir() {
        DatabaseTarget target = DatabaseTarget.of(properties(null, "/tmp/cb"));

        assertThat(target).isInstanceOf(DatabaseTarget.Embedded.class);
        assertThat(target.jdbcUrl()).startsWith("jdbc:h2:file:/tmp/cb/billing;MODE=PostgreSQL");
    }

    @Test
    void shouldReadEveryPartOfAPostgresUrl() {
        DatabaseTarget.Postgres pg = (DatabaseTarget.Postgres)
                DatabaseTarget.of(properties("postgresql://billing:s%40cret@db.internal:6543/ledger", "."));

        assertThat(pg.host()).isEqualTo("db.internal");
        assertThat(pg.port()).isEqualTo(6543);
        assertThat(pg.database()).isEqualTo("ledger");
        assertThat(pg.user()).isEqualTo("billing");
        assertThat(pg.password()).isEqualTo("s@cret");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/ledger");
    }

    @Test
    void whenNoPortOrPasswordThenDefaults() {
        DatabaseTarget.Postgres pg =
                (DatabaseTarget.Postgres) DatabaseTarget.of(properties("postgres://app@localhost/test", "."));

        assertThat(pg.port()).isEqualTo(5432);
        assertThat(pg.password()).isNull();
    }

    @Test
    void shouldNeverShowThePassword() {
        DatabaseTarget target = DatabaseTarget.of(properties("postgresql://u:topsecret@h:1/d", "."));

        assertThat(target.toString()).doesNotContain("topsecret").contains("u:***@h:1/d");
    }

    @Test
    void whenUrlUnusableThenMessageSaysWhyWithoutThePassword() {
        String[][] cases = {
            {"mysql://u:topsecret@h/d", "must start with postgresql://"},
            {"postgresql://u:topsecret@h", "names no database"},
            {"postgresql://h/d", "names no user"},
            {"postgresql://u:topsecret@h/d?ssl=true", "query parameters"},
            {"postgresql://u:top secret@h/d", "not a valid URL"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> DatabaseTarget.of(properties(c[0], ".")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1])
                    .hasMessageNotContaining("topsecret");
        }
    }

    private static DatabaseProperties properties(String url, String dataDir) {
        return new DatabaseProperties(url, Path.of(dataDir), null);
    }
}

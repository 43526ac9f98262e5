package com.classifiedbilling.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The database the server talks to: PostgreSQL named by one URL, or the embedded H2 default.
 * Messages and {@link #toString()} never contain a password.
 */
sealed interface DatabaseTarget {

    /** The JDBC URL Flyway migrates through. */
    String jdbcUrl();

    String user();

    String password();

    /** The database's kind, naming its own migrations: {@code postgresql} or {@code h2}. */
    String vendor();

    static DatabaseTarget of(DatabaseProperties properties) {
        String url = properties.url();
        if (url == null || url.isBlank()) {
            return new Embedded(
                    properties.dataDir().toAbsolutePath().normalize().resolve("billing"));
        }
        return Postgres.parse(url.strip());
    }

    /**
     * H2 in a file, in PostgreSQL mode so that the same SQL runs on both, with lower-case names,
     * and with AUTO_SERVER so that the admin CLI can work on it while the server runs.
     */
    record Embedded(Path file) implements DatabaseTarget {

        static final String OPTIONS =
                ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

        String h2Url() {
            return "file:" + file + OPTIONS;
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:h2:" + h2Url();
        }

        @Override
        public String vendor() {
            return "h2";
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        /**
         * Makes the database's folder readable by this user alone (0700), creating it if need be,
         * and its files too (0600): they hold the private keys that sign access tokens. Files H2
         * makes later (a lock or trace file) sit inside the closed folder. On a file system without
         * POSIX permissions nothing is changed.
         */
        void keepPrivate() {
            Path folder = file.getParent();
            try {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path each : files.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            } catch (UnsupportedOperationException notPosix) {
                // Windows and the like: the folder's ACLs are the operator's to set
            } catch (IOException e) {
                throw new UncheckedIOException("Could not make " + folder + " private to this user", e);
            }
        }
    }

    /** PostgreSQL. */
    record Postgres(String host, int port, String database, String user, String password) implements DatabaseTarget {

        static final String SHAPE = "postgresql://user[:password]@host[:port]/database";

        static Postgres parse(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw invalid("it is not a valid URL");
            }
            String scheme = uri.getScheme();
            if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
                throw invalid("it must start with postgresql://");
            }
            if (uri.getHost() == null) {
                throw invalid("it names no host");
            }
            String path = uri.getPath();
            if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
                throw invalid("it names no database");
            }
            if (uri.getRawQuery() != null) {
                throw invalid("query parameters are not supported");
            }
            String userInfo = uri.getRawUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                throw invalid("it names no user");
            }
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            return new Postgres(uri.getHost(), port, decode(path.substring(1)), user, password);
        }

        @Override
        public String vendor() {
            return "postgresql";
        }

        @Override
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
        }

        private static String decode(String part) {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        private static IllegalArgumentException invalid(String why) {
            return new IllegalArgumentException(
                    "BILLING_DATABASE_URL is not usable: " + why + ". Expected " + SHAPE + ".");
        }
    }
}

package com.classifiedbilling.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free loopback port, that a
 * fault drill may stop and start (the machine's shared server is never touched). Made with the
 * installed {@code initdb} and {@code pg_ctl}; as root, they run as the {@code postgres} user.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;

    private final Path data;

    private final int port;

    private OwnPostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    public static OwnPostgres start() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.max(Comparator.naturalOrder()).orElseThrow().resolve("bin");
        }
        Path data = TempFolders.create("cb-own-pg");
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", data.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OwnPostgres postgres = new OwnPostgres(bin, data.resolve("cluster"), port);
        postgres.asPostgres(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                postgres.data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync"));
        postgres.startServer();
        return postgres;
    }

    /** {@code BILLING_DATABASE_URL} for this server's {@code postgres} database. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        asPostgres(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-t",
                "30",
                "-l",
                data.resolveSibling("postgres.log").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data.getParent(),
                "start"));
    }

    /** Stops the server at once (fast shutdown: open connections are cut). */
    public void stopServer() throws IOException, InterruptedException {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopServer();
        } catch (IllegalStateException alreadyStopped) {
            // fine
        }
        run(List.of("rm", "-rf", data.getParent().toString()));
    }

    private void asPostgres(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}

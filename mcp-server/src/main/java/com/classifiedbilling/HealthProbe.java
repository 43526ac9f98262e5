package com.classifiedbilling;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container image's health check ({@code mcp-server/deploy/container/Containerfile}): asks this
 * container's server for {@code /readyz} and exits 0 when it answers 200, 1 otherwise. The image
 * has no shell and no curl; this runs on the image's own JVM, without Spring.
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/readyz").toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException | IllegalArgumentException e) {
            System.exit(1);
        }
    }
}

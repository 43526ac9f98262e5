package com.classifiedbilling.door;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/mcp-server}, as the API page's clients call it. */
final class LegacyCaller implements ToolCaller {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final URI uri;

    private final String key;

    LegacyCaller(int port, String key) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/api/mcp-server");
        this.key = key;
    }

    @Override
    public Answer call(String tool, String input) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(20))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"tool\":\"" + tool + "\",\"input\":" + input + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            return response.statusCode() == 200
                    ? new Answer(body.path("result"), null)
                    : new Answer(null, body.path("error").asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

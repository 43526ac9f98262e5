package com.classifiedbilling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tool catalog as tests read it: one tool per input schema in {@code schema/tools}, and each
 * tool's example inputs, declared once as its input schema's {@code examples}. Examples name the
 * API page's example ids ({@code clx1a2b3c4d5e6f7g8h9}, {@code inv_xyz789}, ...); a test puts in
 * real ones of its own data with {@link Ids}. No test lists the tools or their inputs by hand.
 */
public final class ToolExamples {

    private static final Path FOLDER = Path.of("..", "schema", "tools");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToolExamples() {}

    /** Real ids to put in the examples; a {@code null} leaves the example's own. */
    public record Ids(String workspaceId, String invoiceId, String invoiceNumber, String customerId) {

        public static Ids workspace(String workspaceId) {
            return new Ids(workspaceId, null, null, null);
        }

        Map<String, String> byField() {
            java.util.HashMap<String, String> fields = new java.util.HashMap<>();
            fields.put("workspace_id", workspaceId);
            fields.put("invoice_id", invoiceId);
            fields.put("invoice_number", invoiceNumber);
            fields.put("customer_id", customerId);
            fields.values().removeIf(java.util.Objects::isNull);
            return fields;
        }
    }

    /** Every tool's name, in name order. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".input.json"))
                    .map(name -> name.substring(0, name.length() - ".input.json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool's input schema, as its file has it. */
    public static JsonNode inputSchema(String tool) {
        return JSON.readTree(FOLDER.resolve(tool + ".input.json").toFile());
    }

    /** The tool's example inputs, as declared, with the page's ids. */
    public static List<ObjectNode> declared(String tool) {
        JsonNode examples = inputSchema(tool).path("examples");
        if (!examples.isArray() || examples.isEmpty()) {
            throw new IllegalStateException(tool + ".input.json declares no examples");
        }
        return examples.valueStream().map(example -> (ObjectNode) example).toList();
    }

    /** The tool's example inputs with these ids in them. */
    public static List<ObjectNode> inputs(String tool, Ids ids) {
        return declared(tool).stream()
                .map(example -> {
                    ObjectNode input = example.deepCopy();
                    ids.byField().forEach((field, value) -> {
                        if (input.has(field)) {
                            input.put(field, value);
                        }
                    });
                    return input;
                })
                .toList();
    }

    /** The tool's first example input with these ids in it, as JSON text. */
    public static String input(String tool, Ids ids) {
        return inputs(tool, ids).get(0).toString();
    }

    /** Whether the tool's input has this field (for example {@code idempotency_key}). */
    public static boolean takes(String tool, String field) {
        return inputSchema(tool).path("properties").has(field);
    }
}

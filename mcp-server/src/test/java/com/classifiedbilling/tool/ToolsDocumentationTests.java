package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ToolExamples;
import com.classifiedbilling.support.ToolResponses;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/tools.md} is made from the tool classes and {@code schema/tools}: this test renders it
 * and fails when the file differs. Its examples (real requests and answers) are kept as they are,
 * and must be valid against the schemas. To regenerate after changing a tool or schema:
 * {@code mvn -pl mcp-server test -Dtest=ToolsDocumentationTests -Dtools.docs.write=true}.
 */
class ToolsDocumentationTests {

    static final Path DOC = Path.of("..", "docs", "tools.md");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern EXAMPLE =
            Pattern.compile("<!-- example (\\w+ \\d+) -->\\n(.*?)<!-- /example -->", Pattern.DOTALL);

    /** The answer of an example: the second JSON block, after the request this test writes. */
    private static final Pattern ANSWER =
            Pattern.compile("```json\\n.*?```\\n\\n(```json\\n.*?```\\n)", Pattern.DOTALL);

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void docsShouldMatchTheSchemasAndTools() throws IOException {
        String current = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        String rendered = render(examples(current));
        if (Boolean.getBoolean("tools.docs.write")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(current)
                .as("docs/tools.md is out of date; regenerate it with "
                        + "mvn -pl mcp-server test -Dtest=ToolsDocumentationTests -Dtools.docs.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyExampleShouldBeAValidCallAndAnswer() throws IOException {
        Map<String, String> examples = examples(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> declared = new ArrayList<>();
        for (String tool : ToolExamples.names()) {
            for (int i = 1; i <= ToolExamples.declared(tool).size(); i++) {
                declared.add(tool + " " + i);
            }
        }
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(declared);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        examples.forEach((label, example) -> {
            String tool = label.substring(0, label.indexOf(' '));
            List<JsonNode> blocks = new ArrayList<>();
            Matcher block = JSON_BLOCK.matcher(example);
            while (block.find()) {
                blocks.add(JSON.readTree(block.group(1)));
            }
            assertThat(blocks).as(tool + " example: a request and an answer").hasSize(2);
            JsonNode request = blocks.get(0);
            assertThat(request.path("tool").asString()).isEqualTo(tool);
            JsonNode inputSchema = ToolSchemaContractTests.schema(tool + ".input.json");
            assertThat(registry.getSchema(SchemaLocation.of("classpath:tools/" + tool + ".input.json"), inputSchema)
                            .validate(request.path("input")))
                    .as(tool + " example input")
                    .isEmpty();
            ToolResponses.assertMatchesOutputSchema(tool, blocks.get(1).path("result"));
        });
    }

    static Map<String, String> examples(String doc) {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher matcher = EXAMPLE.matcher(doc);
        while (matcher.find()) {
            examples.put(matcher.group(1), matcher.group(2));
        }
        return examples;
    }

    static String render(Map<String, String> examples) {
        StringBuilder doc = new StringBuilder();
        doc.append("# Tools\n\n")
                .append(
                        "The tools of the [API page](../../shared/contract/classifiedbilling-api.txt) and their additions, the same on\n")
                .append("every door: `POST /api/mcp-server` with `{\"tool\": \"<name>\", \"input\": {...}}`, and MCP\n")
                .append("`tools/call` on `/mcp` and `/sse`. Inputs are checked against the tool's JSON schema before\n")
                .append(
                        "anything runs; an unknown field, a missing required one or a bad value gets 400 with a message\n")
                .append(
                        "naming the field. Timestamps are UTC with milliseconds (`2025-03-01T00:00:00.000Z`); amounts\n")
                .append("are JSON numbers with their currency's decimals. Amounts in different currencies are never\n")
                .append("added together.\n\n")
                .append("**Dates and periods.** `list_invoices`' ranges (`issued_from`/`issued_before`, and the same\n")
                .append(
                        "for `due_` and `paid_`) and `get_revenue_summary`'s period (`from`/`before`) are half-open: the\n")
                .append(
                        "start is included and the end is not, so from `2026-11-01` before `2026-12-01` is November. A\n")
                .append("date (`2026-11-01`) is the start of that day and a date-time without an offset\n")
                .append(
                        "(`2026-11-01T09:30`) is that moment, both in `time_zone` (an IANA name such as `Europe/Paris`;\n")
                .append("UTC when absent); a date-time with `Z` or an offset (`2026-11-01T09:30:00+01:00`) is that\n")
                .append(
                        "instant in any zone. Either end may be left out. An end before its start gets 400; equal ends\n")
                .append(
                        "make an empty range. A filtered list's next page is asked with the same filters and the cursor.\n\n")
                .append("This file is generated from `schema/tools/*.json` and the tool classes, and checked by\n")
                .append(
                        "`ToolsDocumentationTests`. The example requests are the `examples` of each tool's input schema\n")
                .append("(the one place they are declared); the answers are real answers from the demo data, its ids\n")
                .append("written as the page's example ids.\n")
                .append("Regenerate after a change: `mvn -pl mcp-server test -Dtest=ToolsDocumentationTests ")
                .append("-Dtools.docs.write=true`.\n\n");
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            doc.append("- [`")
                    .append(tool.name())
                    .append("`](#")
                    .append(tool.name())
                    .append(") — ")
                    .append(tool.title())
                    .append('\n');
        }
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            JsonNode input = ToolSchemaContractTests.schema(tool.name() + ".input.json");
            JsonNode output = ToolSchemaContractTests.schema(tool.name() + ".output.json");
            doc.append("\n## ")
                    .append(tool.name())
                    .append("\n\n")
                    .append("**")
                    .append(tool.title())
                    .append("** · ")
                    .append(hints(tool.hints()))
                    .append("\n\n")
                    .append(tool.description())
                    .append("\n\n*Hints* (MCP tool annotations): ")
                    .append(tool.hints().why())
                    .append("\n\n### Input\n\n");
            if (input.path("properties").isEmpty()) {
                doc.append("No input fields: pass `{}`.\n");
            } else {
                doc.append("| Field | Type | Required | Description |\n|---|---|---|---|\n");
                List<String> required = new ArrayList<>();
                input.path("required").forEach(r -> required.add(r.asString()));
                for (String field : input.path("properties").propertyNames()) {
                    JsonNode property = input.path("properties").path(field);
                    doc.append("| `")
                            .append(field)
                            .append("` | ")
                            .append(type(property))
                            .append(" | ")
                            .append(required.contains(field) ? "yes" : "no")
                            .append(" | ")
                            .append(describe(property))
                            .append(" |\n");
                }
            }
            doc.append("\n### Result\n\n| Field | Type | Description |\n|---|---|---|\n");
            resultRows(doc, "", output);
            doc.append("\n### Examples\n");
            List<ObjectNode> declared = ToolExamples.declared(tool.name());
            for (int i = 0; i < declared.size(); i++) {
                String label = tool.name() + " " + (i + 1);
                Matcher answer = ANSWER.matcher(examples.getOrDefault(label, ""));
                doc.append("\n<!-- example ")
                        .append(label)
                        .append(" -->\n```json\n")
                        .append(request(tool.name(), declared.get(i)))
                        .append("\n```\n\n")
                        .append(answer.find() ? answer.group(1) : "")
                        .append("<!-- /example -->\n");
            }
        }
        return doc.toString();
    }

    /** The JSON door's request for an example input, laid out as the API page lays out its own. */
    private static String request(String tool, JsonNode input) {
        StringBuilder json = new StringBuilder("{\n  \"tool\": \"").append(tool).append("\",\n  \"input\": ");
        if (input.isEmpty()) {
            json.append("{}");
        } else {
            json.append("{\n");
            List<String> fields = List.copyOf(input.propertyNames());
            for (int i = 0; i < fields.size(); i++) {
                json.append("    ")
                        .append(JSON.writeValueAsString(fields.get(i)))
                        .append(": ")
                        .append(JSON.writeValueAsString(input.get(fields.get(i))))
                        .append(i + 1 < fields.size() ? ",\n" : "\n");
            }
            json.append("  }");
        }
        return json.append("\n}").toString();
    }

    private static void resultRows(StringBuilder doc, String prefix, JsonNode schema) {
        for (String field : schema.path("properties").propertyNames()) {
            JsonNode property = schema.path("properties").path(field);
            String name = prefix + field;
            doc.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(type(property))
                    .append(" | ")
                    .append(property.path("description").asString(""))
                    .append(" |\n");
            if (property.has("properties")) {
                resultRows(doc, name + ".", property);
            } else if (property.path("items").has("properties")) {
                resultRows(doc, name + "[].", property.path("items"));
            }
        }
    }

    private static String type(JsonNode property) {
        if (property.has("anyOf")) {
            return String.join(
                    " or ",
                    property.path("anyOf")
                            .valueStream()
                            .map(ToolsDocumentationTests::type)
                            .toList());
        }
        String text = property.path("type").asString();
        return property.has("format") ? text + " (" + property.path("format").asString() + ")" : text;
    }

    private static String describe(JsonNode property) {
        StringBuilder text = new StringBuilder(property.path("description").asString(""));
        if (property.has("enum")) {
            text.append(" One of: ")
                    .append(String.join(
                            ", ",
                            property.path("enum")
                                    .valueStream()
                                    .map(v -> "`" + v.asString() + "`")
                                    .toList()))
                    .append('.');
        }
        if (property.has("minimum") && property.has("maximum")) {
            text.append(" From ")
                    .append(property.path("minimum").asLong())
                    .append(" to ")
                    .append(property.path("maximum").asLong())
                    .append('.');
        }
        if (property.has("maxLength") && !property.has("enum")) {
            text.append(" At most ").append(property.path("maxLength").asInt()).append(" characters.");
        }
        return text.toString();
    }

    private static String hints(ToolHints hints) {
        List<String> words = new ArrayList<>();
        words.add(hints.readOnly() ? "read-only" : "writes");
        if (hints.destructive()) {
            words.add("changes existing data");
        }
        if (hints.idempotent()) {
            words.add("idempotent");
        }
        return String.join(", ", words);
    }
}

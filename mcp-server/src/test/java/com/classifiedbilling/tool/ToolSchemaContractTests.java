package com.classifiedbilling.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.classifiedbilling.support.ToolExamples;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema files in {@code schema/tools} are the single source of every tool's contract; this
 * fails when a tool's input or result record and its schema disagree on a field, its JSON name or
 * its type, at any depth.
 */
class ToolSchemaContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The API page, the contract customers code against (beside the repository, in shared/). */
    private static final Path PAGE = Path.of("..", "..", "shared", "contract", "classifiedbilling-api.txt");

    /**
     * The page lists its tools in its MCP overview, each name on a line of its own followed by
     * "● Read only" or "◆ Write": the names and whether each writes, read from the page itself.
     */
    static Map<String, Boolean> pageTools() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        Map<String, Boolean> tools = new TreeMap<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String next = lines.get(i + 1).strip();
            if (lines.get(i).strip().matches("[a-z_]+") && (next.equals("● Read only") || next.equals("◆ Write"))) {
                tools.put(lines.get(i).strip(), next.equals("◆ Write"));
            }
        }
        return tools;
    }

    @Test
    void shouldOfferEveryToolOfTheApiPageAndASchemaForEachTool() throws IOException {
        Map<String, Boolean> page = pageTools();
        assertThat(page).as("tools found on the API page").hasSizeGreaterThan(1);
        assertThat(ToolCatalog.tools()).extracting(BillingTool::name).containsAll(page.keySet());
        assertThat(ToolExamples.names())
                .as("one input schema per tool class")
                .containsExactlyElementsOf(
                        ToolCatalog.tools().stream().map(BillingTool::name).toList());
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            if (page.containsKey(tool.name())) {
                assertThat(tool.hints().readOnly())
                        .as(tool.name() + " read-only hint, as the page marks it")
                        .isEqualTo(!page.get(tool.name()));
            }
        }
    }

    @Test
    void everyDeclaredExampleShouldBeAValidInput() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (String tool : ToolExamples.names()) {
            JsonNode schema = ToolExamples.inputSchema(tool);
            for (JsonNode example : ToolExamples.declared(tool)) {
                assertThat(registry.getSchema(SchemaLocation.of("classpath:tools/" + tool + ".input.json"), schema)
                                .validate(example))
                        .as(tool + " example " + example)
                        .isEmpty();
            }
        }
    }

    @Test
    void everyToolShouldDeclareATitleADescriptionAndHints() {
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            assertThat(tool.title()).as(tool.name()).isNotBlank();
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(40);
            assertThat(tool.hints()).as(tool.name()).isNotNull();
        }
    }

    @Test
    void everyInputRecordShouldMatchItsSchema() {
        List<String> mismatches = new ArrayList<>();
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            JsonNode schema = schema(tool.name() + ".input.json");
            assertThat(schema.path("additionalProperties").asBoolean(true))
                    .as(tool.name() + " input rejects unknown fields")
                    .isFalse();
            compare(tool.name() + " input", tool.inputType(), schema, mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyResultRecordShouldMatchItsSchema() {
        List<String> mismatches = new ArrayList<>();
        for (BillingTool<?, ?> tool : ToolCatalog.tools()) {
            compare(
                    tool.name() + " result",
                    ToolCatalog.resultType(tool),
                    schema(tool.name() + ".output.json"),
                    mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void shouldCatchARecordThatDisagreesWithItsSchema() {
        record Wrong(@JsonProperty("workspace_id") Integer workspaceId, String extra) {}
        List<String> mismatches = new ArrayList<>();

        compare("wrong", Wrong.class, schema("get_workspace_summary.input.json"), mismatches);

        assertThat(mismatches)
                .anyMatch(m -> m.contains("workspace_id") && m.contains("integer"))
                .anyMatch(m -> m.contains("extra"));
    }

    static JsonNode schema(String file) {
        try (InputStream in = ToolSchemaContractTests.class.getResourceAsStream("/tools/" + file)) {
            assertThat(in).as("schema file tools/" + file).isNotNull();
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compare(String where, Class<?> type, JsonNode schema, List<String> mismatches) {
        Map<String, RecordComponent> components = new TreeMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            components.put(renamed == null ? component.getName() : renamed.value(), component);
        }
        Set<String> properties =
                new java.util.TreeSet<>(schema.path("properties").propertyNames());
        for (String name : components.keySet()) {
            if (!properties.contains(name)) {
                mismatches.add(where + ": record field '" + name + "' is not in the schema");
            }
        }
        for (String name : properties) {
            RecordComponent component = components.get(name);
            if (component == null) {
                mismatches.add(where + ": schema field '" + name + "' is not in " + type.getSimpleName());
                continue;
            }
            compareType(
                    where + "." + name,
                    component.getGenericType(),
                    schema.path("properties").path(name),
                    mismatches);
        }
    }

    private static void compareType(String where, Type type, JsonNode schema, List<String> mismatches) {
        Set<String> types = new java.util.HashSet<>();
        // a nullable field is written {"anyOf": [{"type": X, …}, {"type": "null"}]}
        JsonNode branch = schema;
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.path("anyOf")) {
                types.add(option.path("type").asString());
                if (!option.path("type").asString().equals("null")) {
                    branch = option;
                }
            }
        } else {
            types.add(schema.path("type").asString());
        }
        types.remove("null");
        String expected = types.size() == 1 ? types.iterator().next() : types.toString();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String actual = jsonType(raw);
        if (!expected.equals(actual)) {
            mismatches.add(
                    where + ": schema says " + expected + ", record has " + raw.getSimpleName() + " (" + actual + ")");
            return;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            compareType(where + "[]", element, branch.path("items"), mismatches);
        } else if (raw.isRecord()) {
            compare(where, raw, branch, mismatches);
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class) {
            return "string";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "integer";
        }
        if (raw == BigDecimal.class || raw == Double.class) {
            return "number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == List.class) {
            return "array";
        }
        if (raw.isRecord()) {
            return "object";
        }
        return raw.getName();
    }
}

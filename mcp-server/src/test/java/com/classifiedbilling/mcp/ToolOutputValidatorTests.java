package com.classifiedbilling.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The output check the SDK runs on each result, with schemas compiled once: it still refuses what breaks them. */
class ToolOutputValidatorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String WORKSPACE = "{\"id\":\"ws_1\",\"title\":\"Acme\",\"description\":null,"
            + "\"workspaceUrlSlug\":\"acme\",\"businessDetails\":{\"businessName\":null,\"businessEmail\":null}}";

    private final Map<String, Object> schema = schema("list_workspaces");

    private final ToolOutputValidator validator = new ToolOutputValidator(
            JSON,
            List.of(McpSchema.Tool.builder()
                    .name("list_workspaces")
                    .inputSchema(schema("list_workspaces", "input"))
                    .outputSchema(schema)
                    .build()));

    @Test
    void aResultThatKeepsToTheSchemaShouldPass() {
        ValidationResponse response =
                validator.validate(schema, tree("{\"workspaces\":[" + WORKSPACE + "],\"total\":1}"));

        assertThat(response.valid()).isTrue();
        assertThat(response.errorMessage()).isNull();
    }

    @Test
    void aResultThatBreaksTheSchemaShouldFailNamingWhatIsWrong() {
        List<String> broken = List.of(
                "{\"workspaces\":[" + WORKSPACE + "]}",
                "{\"workspaces\":[" + WORKSPACE + "],\"total\":-1}",
                "{\"workspaces\":[" + WORKSPACE + "],\"total\":\"1\"}",
                "{\"workspaces\":[" + WORKSPACE.replace("\"title\":\"Acme\",", "") + "],\"total\":1}",
                "{\"workspaces\":[],\"total\":0,\"extra\":true}");
        List<String> named = List.of("total", "total", "total", "title", "extra");
        for (int i = 0; i < broken.size(); i++) {
            ValidationResponse response = validator.validate(schema, tree(broken.get(i)));

            assertThat(response.valid()).as(broken.get(i)).isFalse();
            assertThat(response.errorMessage()).as(broken.get(i)).contains(named.get(i));
        }
    }

    @Test
    void aSchemaOtherThanAToolsOrContentOtherThanATreeShouldStillBeChecked() {
        Map<String, Object> equalButOther = schema("list_workspaces");
        Map<String, Object> asMap = Map.of("workspaces", List.of(), "total", -1);

        assertThat(validator
                        .validate(equalButOther, tree("{\"workspaces\":[],\"total\":0}"))
                        .valid())
                .isTrue();
        assertThat(validator
                        .validate(equalButOther, tree("{\"workspaces\":[],\"total\":-1}"))
                        .valid())
                .isFalse();
        assertThat(validator.validate(schema, asMap).valid()).isFalse();
        assertThat(validator
                        .validate(schema, Map.of("workspaces", List.of(), "total", 0))
                        .valid())
                .isTrue();
    }

    @Test
    void theSchemasThemselvesShouldStillBeChecked() {
        assertThat(validator.validateSchema(schema).valid()).isTrue();
        assertThat(validator.validateSchema(Map.of("type", 12)).valid()).isFalse();
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    private static Map<String, Object> schema(String tool) {
        return schema(tool, "output");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String tool, String side) {
        try (InputStream in =
                ToolOutputValidatorTests.class.getResourceAsStream("/tools/" + tool + "." + side + ".json")) {
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

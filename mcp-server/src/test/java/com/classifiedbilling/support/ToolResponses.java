package com.classifiedbilling.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a tool's answer against its output schema in {@code schema/tools}. */
public final class ToolResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ToolResponses() {}

    /** Fails unless {@code result} is valid against {@code tools/<tool>.output.json}. */
    public static void assertMatchesOutputSchema(String tool, JsonNode result) {
        List<Error> errors = outputSchema(tool).validate(result);
        assertThat(errors).as(tool + " result " + result).isEmpty();
    }

    public static Schema outputSchema(String tool) {
        try (InputStream in = ToolResponses.class.getResourceAsStream("/tools/" + tool + ".output.json")) {
            return REGISTRY.getSchema(SchemaLocation.of("classpath:tools/" + tool + ".output.json"), JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

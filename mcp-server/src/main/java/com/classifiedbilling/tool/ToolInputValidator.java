package com.classifiedbilling.tool;

import com.classifiedbilling.billing.BillingException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks a tool's input against its JSON schema (2020-12) and turns the first
 * violation into one message for the caller that names the field and what is allowed, e.g.
 * {@code Field 'limit' must be a whole number from 1 to 100.} The schema is compiled once.
 */
final class ToolInputValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    // formats (email) are annotations, as JSON Schema 2020-12 has them by default: the
                    // library's email check refuses valid addresses on private or reserved domains, so
                    // the billing domain checks emails itself, with the same message
                    SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(false)
                            .locale(Locale.ENGLISH)
                            .build()));

    /** Violations reported first are the ones a caller fixes first. */
    private static final List<String> PRECEDENCE =
            List.of("additionalProperties", "required", "type", "enum", "minLength", "maxLength");

    private final JsonNode schemaNode;

    private final Schema schema;

    ToolInputValidator(String toolName, JsonNode schemaNode) {
        this.schemaNode = schemaNode;
        this.schema = REGISTRY.getSchema(SchemaLocation.of("classpath:tools/" + toolName + ".input.json"), schemaNode);
    }

    /** Throws an {@code INVALID_INPUT} {@link BillingException} if the input breaks the schema. */
    void validate(JsonNode input) {
        rejectNulCharacters(input);
        List<Error> errors = schema.validate(input);
        if (!errors.isEmpty()) {
            Error first = errors.stream()
                    .min(Comparator.comparingInt(ToolInputValidator::rank))
                    .orElseThrow();
            throw BillingException.invalidInput(message(first));
        }
    }

    /**
     * NUL cannot be stored in a PostgreSQL text column and has no place in billing data; it is
     * refused here, naming the field, before it can reach the database.
     */
    private static void rejectNulCharacters(JsonNode input) {
        for (String field : input.propertyNames()) {
            if (containsNul(input.get(field))) {
                throw BillingException.invalidInput(
                        "Field '" + field + "' contains a NUL character (\\u0000), " + "which is not allowed.");
            }
        }
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isString()) {
            return node.asString().indexOf(0) >= 0;
        }
        return node.isContainer() && node.valueStream().anyMatch(ToolInputValidator::containsNul);
    }

    private static int rank(Error error) {
        int rank = PRECEDENCE.indexOf(error.getKeyword());
        return rank < 0 ? PRECEDENCE.size() : rank;
    }

    private String message(Error error) {
        String field = field(error);
        JsonNode property = field == null ? null : schemaNode.path("properties").path(field);
        return switch (error.getKeyword()) {
            case "required" -> "Missing required field '" + error.getProperty() + "'.";
            case "additionalProperties" ->
                "Unknown field '" + error.getProperty() + "'. Allowed fields: " + allowedFields() + ".";
            case "type", "minimum", "maximum" -> "Field '" + field + "' must be " + expected(property) + ".";
            case "enum" -> "Field '" + field + "' must be one of: " + values(property.path("enum")) + ".";
            case "minLength" ->
                property.path("minLength").asInt() <= 1
                        ? "Field '" + field + "' must not be empty."
                        : "Field '" + field + "' must be at least "
                                + property.path("minLength").asInt() + " characters.";
            case "maxLength" ->
                "Field '" + field + "' must be at most "
                        + property.path("maxLength").asInt() + " characters.";
            case "pattern" ->
                "Field '" + field + "' is not valid: "
                        + property.path("description").asString();
            default ->
                field == null
                        ? "Input does not match the tool's schema: " + error.getMessage()
                        : "Field '" + field + "' is not valid: "
                                + property.path("description").asString();
        };
    }

    /** The top-level field an error is about, or {@code null} for the input as a whole. */
    private static String field(Error error) {
        if (error.getInstanceLocation() == null || error.getInstanceLocation().getNameCount() == 0) {
            return error.getProperty();
        }
        return error.getInstanceLocation().getName(0);
    }

    private static String expected(JsonNode property) {
        String type = property.path("type").asString();
        return switch (type) {
            case "integer" ->
                property.has("minimum") && property.has("maximum")
                        ? "a whole number from " + property.path("minimum").asLong() + " to "
                                + property.path("maximum").asLong()
                        : "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "a list";
            default -> "a string";
        };
    }

    private String allowedFields() {
        return schemaNode.path("properties").propertyNames().stream().sorted().collect(Collectors.joining(", "));
    }

    private static String values(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
    }
}

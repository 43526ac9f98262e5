package com.classifiedbilling.tool;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.principal.CredentialKind;
import com.classifiedbilling.auth.principal.Scope;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.billing.r2dbc.DatabaseFailures;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every tool, by name, with its schemas: the one list that all doors publish and call. Calling a
 * tool here checks the caller's scope, validates the input against the tool's schema, binds it to
 * the tool's input record, runs the tool and hands back its result as JSON.
 */
@Component
public final class ToolRegistry {

    private final Map<String, Entry<?, ?>> tools;

    private final JsonMapper json;

    private final ToolProperties properties;

    private final ToolCallLimit limit;

    private final ObservationRegistry observations;

    /** The name of the span of a tool's own work, as an observation. */
    static final String TRACED_RUN = "billing.traced.tool.run";

    ToolRegistry(
            List<BillingTool<?, ?>> tools,
            JsonMapper json,
            ToolProperties properties,
            ToolCallLimit limit,
            ObservationRegistry observations) {
        this.json = json;
        this.observations = observations;
        this.properties = properties;
        this.limit = limit;
        this.tools = new LinkedHashMap<>();
        tools.stream()
                .sorted(Comparator.comparing(BillingTool::name))
                .forEach(tool -> this.tools.put(tool.name(), entry(tool)));
    }

    /** What a door needs to publish a tool. */
    public record Descriptor(
            String name,
            String title,
            String description,
            ToolHints hints,
            JsonNode inputSchema,
            JsonNode outputSchema) {}

    /** The scope a tool needs: {@code billing:read} for reading tools, {@code billing:write} for the rest. */
    public Optional<Scope> requiredScope(String name) {
        Entry<?, ?> entry = tools.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.scope);
    }

    /** Whether this caller's credential has the scope the tool needs (false for an unknown tool). */
    public boolean mayCall(BillingPrincipal principal, String name) {
        Entry<?, ?> entry = tools.get(name);
        return entry != null && principal.has(entry.scope);
    }

    /**
     * The refusal for a credential without the scope a tool needs, the same on every door. An API
     * key cannot gain a scope, so its refusal says the key is read-only; an access token can (the
     * client asks the user again), so its refusal names the scope to ask for.
     */
    public static BillingException missingScope(String tool, Scope scope, BillingPrincipal principal) {
        String message = principal.kind() == CredentialKind.API_KEY && !principal.has(Scope.WRITE)
                ? "This API key is read-only: it may not use " + tool + ", which needs the " + scope.value()
                        + " scope. Use a key with write access."
                : "This credential may not use " + tool + ": it needs the " + scope.value() + " scope.";
        return new BillingException(BillingException.Kind.FORBIDDEN, message);
    }

    /** The tools, by name. */
    public List<Descriptor> descriptors() {
        return tools.values().stream().map(Entry::descriptor).toList();
    }

    /**
     * Calls a tool. Fails with a {@link BillingException}: {@code RATE_LIMITED} when the call came
     * without an admission and the caller's plan is used up, {@code NOT_FOUND} for an unknown tool,
     * {@code FORBIDDEN} when the credential lacks the tool's scope, {@code INVALID_INPUT} when the
     * input breaks the schema, or whatever the tool itself reports.
     *
     * @param input the tool's input object; {@code null} counts as {@code {}}
     */
    public Mono<JsonNode> call(String name, ToolCall call, JsonNode input) {
        // every door counts its calls where they come in; one that did not (whatever brought the
        // call here) is counted now, so no way to the tools passes the plan's limit
        Mono<Void> counted = call.admitted() ? Mono.empty() : limit.count(call.principal());
        return counted.then(Mono.defer(() -> run(name, call, input)));
    }

    /** The refusal of a call of a tool the registry does not have, naming the tools it has. */
    public BillingException unknownTool(String name) {
        return new BillingException(
                BillingException.Kind.NOT_FOUND,
                "Unknown tool '" + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'. Available tools: "
                        + String.join(", ", tools.keySet()) + ".");
    }

    private Mono<JsonNode> run(String name, ToolCall call, JsonNode input) {
        Entry<?, ?> entry = tools.get(name);
        if (entry == null) {
            return Mono.error(unknownTool(name));
        }
        return Mono.defer(() ->
                        traced(name, entry.invoke(call, input == null ? JsonNodeFactory.instance.objectNode() : input)))
                .timeout(properties.callTimeout(), Mono.error(() -> unavailable("did not answer in time")))
                .onErrorMap(DatabaseFailures::isUnavailable, e -> unavailable("is unavailable"))
                .onErrorMap(
                        DatabaseFailures::isUnstorableValue,
                        e -> BillingException.invalidInput(DatabaseFailures.UNSTORABLE_VALUE));
    }

    /**
     * The tool's own work as a span under the call's (a no-op unless traces are exported; see
     * {@code config.TracingConfiguration}), the parent of its SQL statements' spans.
     */
    private Mono<JsonNode> traced(String name, Mono<JsonNode> work) {
        return Mono.deferContextual(context -> {
            Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            if (parent == null || parent.isNoop()) {
                return work;
            }
            Observation run = Observation.createNotStarted(TRACED_RUN, observations)
                    .contextualName("run " + name)
                    .lowCardinalityKeyValue("gen_ai.tool.name", name)
                    .parentObservation(parent)
                    .start();
            return work.contextWrite(inner -> inner.put(ObservationThreadLocalAccessor.KEY, run))
                    .doOnError(run::error)
                    .doFinally(signal -> run.stop());
        });
    }

    private static BillingException unavailable(String what) {
        return new BillingException(
                BillingException.Kind.UNAVAILABLE, "The billing database " + what + ". Try again in a few seconds.");
    }

    private <I, R> Entry<I, R> entry(BillingTool<I, R> tool) {
        JsonNode inputSchema = schema(tool.name() + ".input.json");
        JsonNode outputSchema = schema(tool.name() + ".output.json");
        return new Entry<>(tool, inputSchema, outputSchema, new ToolInputValidator(tool.name(), inputSchema));
    }

    private JsonNode schema(String file) {
        ClassPathResource resource = new ClassPathResource("tools/" + file);
        try (InputStream in = resource.getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing tool schema " + resource.getPath(), e);
        }
    }

    private final class Entry<I, R> {

        private final BillingTool<I, R> tool;

        private final Descriptor descriptor;

        private final ToolInputValidator validator;

        private final Scope scope;

        Entry(BillingTool<I, R> tool, JsonNode inputSchema, JsonNode outputSchema, ToolInputValidator validator) {
            this.tool = tool;
            this.descriptor = new Descriptor(
                    tool.name(), tool.title(), tool.description(), tool.hints(), inputSchema, outputSchema);
            this.validator = validator;
            this.scope = tool.hints().readOnly() ? Scope.READ : Scope.WRITE;
        }

        Descriptor descriptor() {
            return descriptor;
        }

        Mono<JsonNode> invoke(ToolCall call, JsonNode input) {
            if (!call.principal().has(scope)) {
                return Mono.error(missingScope(tool.name(), scope, call.principal()));
            }
            validator.validate(input);
            I value;
            try {
                value = json.treeToValue(input, tool.inputType());
            } catch (JacksonException e) {
                return Mono.error(BillingException.invalidInput(
                        "Input does not match the schema of " + tool.name() + "; check the field types."));
            }
            return tool.call(call, value)
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(tool.name() + " answered nothing")))
                    .map(result -> (JsonNode) json.valueToTree(result));
        }
    }

    @Override
    public String toString() {
        return tools.keySet().stream().collect(Collectors.joining(", ", "ToolRegistry[", "]"));
    }
}

package com.classifiedbilling.mcp;

import com.classifiedbilling.auth.principal.BillingPrincipal;
import com.classifiedbilling.auth.web.PrincipalAttribute;
import com.classifiedbilling.billing.BillingException;
import com.classifiedbilling.door.RecognisedRequest;
import com.classifiedbilling.observability.ToolCallObservation;
import com.classifiedbilling.observability.ToolCallOutcome;
import com.classifiedbilling.tool.Admission;
import com.classifiedbilling.tool.ToolCall;
import com.classifiedbilling.tool.ToolRegistry;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncListFilter;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's tools as MCP tools: name, title, description, annotations and both schemas from
 * {@code schema/tools}; a call runs through {@link ToolRegistry#call} exactly as on the JSON door.
 * A tool's failure becomes a result with {@code isError: true} and the same message the JSON door
 * gives; a result carries {@code structuredContent} and the same JSON as text.
 */
@Component
final class McpToolCalls {

    private static final Logger log = LoggerFactory.getLogger(McpToolCalls.class);

    static final String PRINCIPAL = "billing.principal";

    static final String REQUEST_ID = "billing.requestId";

    static final String ADMISSION = "billing.admission";

    static final String OBSERVATION = "billing.observation";

    private final ToolRegistry registry;

    private final JsonMapper json;

    private final List<McpSchema.Tool> tools;

    McpToolCalls(ToolRegistry registry, JsonMapper json, McpIdentity identity) {
        this.registry = registry;
        this.json = json;
        this.tools = describe(registry, json, identity.icons());
    }

    /**
     * What the transports hand to each call, read once per request: the principal, the request id,
     * the admission the rate limit gave a tool call, and the call's observation.
     */
    static McpTransportContext context(ServerRequest request) {
        Map<String, Object> values = new HashMap<>();
        BillingPrincipal principal = PrincipalAttribute.of(request.exchange());
        if (principal != null) {
            values.put(PRINCIPAL, principal);
        }
        Admission admission = RecognisedRequest.of(request.exchange()).admission();
        if (admission != null) {
            values.put(ADMISSION, admission);
        }
        ToolCallObservation observation = ToolCallObservation.of(request.exchange());
        if (observation != null) {
            values.put(OBSERVATION, observation);
        }
        values.put(REQUEST_ID, request.exchange().getRequest().getId());
        return McpTransportContext.create(values);
    }

    /** The tools for the stateless Streamable HTTP server. */
    List<McpStatelessServerFeatures.AsyncToolSpecification> stateless() {
        return tools().stream()
                .map(tool -> new McpStatelessServerFeatures.AsyncToolSpecification(tool, this::call))
                .toList();
    }

    /** The same tools for the session-based SSE server. */
    List<McpServerFeatures.AsyncToolSpecification> sessions() {
        return tools().stream()
                .map(tool -> new McpServerFeatures.AsyncToolSpecification(
                        tool, (exchange, request) -> call(exchange.transportContext(), request)))
                .toList();
    }

    /** The registry's tools as MCP tools, in the registry's (deterministic) order. */
    List<McpSchema.Tool> tools() {
        return tools;
    }

    /**
     * The tools this caller may call, in the same order: a read-only credential is not shown tools
     * it could only be refused. {@code tools/list} answers this on every MCP door.
     */
    List<McpSchema.Tool> visibleTo(BillingPrincipal caller) {
        return tools.stream()
                .filter(tool -> registry.mayCall(caller, tool.name()))
                .toList();
    }

    /** {@link #visibleTo} as the SDK's list filter, for the transports it serves. */
    McpAsyncListFilter<McpSchema.Tool> visibility() {
        return (context, tool) -> Mono.just(
                context.get(PRINCIPAL) instanceof BillingPrincipal caller && registry.mayCall(caller, tool.name()));
    }

    /** Whether the registry has a tool of this name. */
    boolean has(String name) {
        return registry.requiredScope(name).isPresent();
    }

    /** What to answer a call of a tool the registry does not have: the registry's own words. */
    String unknownTool(String name) {
        return registry.unknownTool(name).getMessage();
    }

    private static List<McpSchema.Tool> describe(ToolRegistry registry, JsonMapper json, List<McpSchema.Icon> icons) {
        return registry.descriptors().stream()
                .map(d -> McpSchema.Tool.builder()
                        .name(d.name())
                        .title(d.title())
                        .description(d.description())
                        .inputSchema(map(json, d.inputSchema()))
                        .outputSchema(map(json, d.outputSchema()))
                        .annotations(new McpSchema.ToolAnnotations(
                                d.title(),
                                d.hints().readOnly(),
                                d.hints().destructive(),
                                d.hints().idempotent(),
                                d.hints().openWorld(),
                                null))
                        .icons(icons)
                        .build())
                .toList();
    }

    Mono<CallToolResult> call(McpTransportContext context, CallToolRequest request) {
        Object principal = context.get(PRINCIPAL);
        if (!(principal instanceof BillingPrincipal caller)) {
            // the security filter lets no unauthenticated request this far; this is a guard
            return Mono.just(failure("Not authenticated."));
        }
        JsonNode arguments = request.arguments() == null ? null : json.valueToTree(request.arguments());
        Admission admission = context.get(ADMISSION) instanceof Admission counted ? counted : null;
        ToolCallObservation observation =
                context.get(OBSERVATION) instanceof ToolCallObservation observed ? observed : null;
        Mono<JsonNode> work = registry.call(request.name(), new ToolCall(caller, admission), arguments);
        return (observation == null ? work : observation.traced(work))
                .map(result -> {
                    finish(observation, ToolCallOutcome.OK);
                    return CallToolResult.builder()
                            .structuredContent(result)
                            .addTextContent(json.writeValueAsString(result))
                            .build();
                })
                .onErrorResume(BillingException.class, e -> {
                    finish(observation, ToolCallOutcome.of(e.kind()));
                    return Mono.just(failure(e.getMessage()));
                })
                .onErrorResume(e -> {
                    finish(observation, ToolCallOutcome.SERVER_ERROR);
                    Object requestId = context.get(REQUEST_ID);
                    log.error("Request {} failed unexpectedly in MCP tool {}", requestId, request.name(), e);
                    return Mono.just(failure("Unexpected server error. Try again; if it persists, contact support "
                            + "with request id " + requestId + "."));
                });
    }

    private static void finish(ToolCallObservation observation, ToolCallOutcome outcome) {
        if (observation != null) {
            observation.finish(outcome);
        }
    }

    private static CallToolResult failure(String message) {
        return CallToolResult.builder().isError(true).addTextContent(message).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonMapper json, JsonNode schema) {
        return json.convertValue(schema, Map.class);
    }
}

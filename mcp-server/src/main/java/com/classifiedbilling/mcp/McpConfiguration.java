package com.classifiedbilling.mcp;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import com.classifiedbilling.door.Door;
import com.classifiedbilling.door.JsonRpcErrors;
import com.classifiedbilling.door.RecognisedRequest;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxSseServerTransportProvider;
import org.springframework.ai.mcp.server.webflux.transport.WebFluxStatelessServerTransport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two MCP servers, one per transport, sharing the tool specifications: stateless Streamable
 * HTTP on {@link Door#STREAMABLE_HTTP} and HTTP+SSE on {@link Door#SSE} and {@link Door#SSE_MESSAGE}.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    @Bean
    McpJsonMapper mcpJsonMapper(JsonMapper json) {
        return new JacksonMcpJsonMapper(json);
    }

    @Bean
    ToolOutputValidator toolOutputValidator(JsonMapper json, McpToolCalls tools) {
        return new ToolOutputValidator(json, tools.tools());
    }

    @Bean
    WebFluxStatelessServerTransport streamableHttpTransport(McpJsonMapper mapper) {
        return WebFluxStatelessServerTransport.builder()
                .jsonMapper(mapper)
                .messageEndpoint(Door.STREAMABLE_HTTP.path())
                .contextExtractor(McpToolCalls::context)
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessAsyncServer streamableHttpServer(
            WebFluxStatelessServerTransport transport,
            McpJsonMapper mapper,
            McpToolCalls tools,
            McpIdentity identity,
            ToolOutputValidator outputs) {
        return McpServer.async(transport)
                .jsonMapper(mapper)
                .jsonSchemaValidator(outputs)
                .serverInfo(identity.serverInfo())
                .instructions(McpIdentity.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools.stateless())
                .addToolFilter(tools.visibility())
                .build();
    }

    @Bean
    @SuppressWarnings("removal") // the SDK keeps HTTP+SSE for clients of protocol 2024-11-05 only
    WebFluxSseServerTransportProvider sseTransport(McpJsonMapper mapper, McpProperties properties) {
        return WebFluxSseServerTransportProvider.builder()
                .jsonMapper(mapper)
                .sseEndpoint(Door.SSE.path())
                .messageEndpoint(Door.SSE_MESSAGE.path())
                .keepAliveInterval(properties.sseKeepAlive())
                .contextExtractor(McpToolCalls::context)
                .build();
    }

    @Bean(destroyMethod = "close")
    @SuppressWarnings("removal")
    McpAsyncServer sseServer(
            WebFluxSseServerTransportProvider transport,
            McpJsonMapper mapper,
            McpToolCalls tools,
            McpIdentity identity,
            ToolOutputValidator outputs) {
        return McpServer.async(transport)
                .jsonMapper(mapper)
                .jsonSchemaValidator(outputs)
                .serverInfo(identity.serverInfo())
                .instructions(McpIdentity.INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools.sessions())
                .addToolFilter(tools.visibility())
                .build();
    }

    /**
     * The routes of the MCP doors. On {@code /mcp} a 2026-07-28 message (as the front door
     * recognised it) goes to {@link ModernMcpHandler}, any other to the SDK's stateless transport
     * behind {@link LegacyEraRules}; {@code GET} and {@code DELETE} answer 405 with {@code Allow}.
     * {@link TransportErrorBodies} cleans only the SDK's own error answers.
     */
    @Bean
    @SuppressWarnings({"removal", "unchecked"})
    RouterFunction<ServerResponse> mcpRoutes(
            WebFluxStatelessServerTransport streamable,
            WebFluxSseServerTransportProvider sse,
            ModernMcpHandler modern,
            LegacyEraRules legacyRules) {
        String path = Door.STREAMABLE_HTTP.path();
        RouterFunction<ServerResponse> modernRoute = RouterFunctions.route(
                POST(path)
                        .and(request -> RecognisedRequest.of(request.exchange()).isModern()),
                modern::handle);
        RouterFunction<ServerResponse> notAllowed = RouterFunctions.route(
                GET(path).or(DELETE(path)),
                request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                        .header(HttpHeaders.ALLOW, "POST")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(JsonRpcErrors.body(
                                null,
                                JsonRpcErrors.INVALID_REQUEST,
                                "This server is stateless: POST JSON-RPC messages to " + path
                                        + "; there is no GET stream or DELETE.")));
        RouterFunction<ServerResponse> legacy = ((RouterFunction<ServerResponse>) streamable.getRouterFunction())
                .filter(new TransportErrorBodies())
                .filter(legacyRules);
        RouterFunction<ServerResponse> sseRoutes =
                ((RouterFunction<ServerResponse>) sse.getRouterFunction()).filter(new TransportErrorBodies());
        return modernRoute.and(notAllowed).and(legacy).and(sseRoutes);
    }
}

package com.classifiedbilling.mcp;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;

import com.classifiedbilling.door.Door;
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

    static final String NAME = "classifiedbilling";

    static final String VERSION = "0.1.0";

    static final String INSTRUCTIONS = "ClassifiedBilling holds the user's billing data: workspaces, their customers "
            + "and invoices. Start with list_workspaces: it gives the workspace IDs that every other tool needs as "
            + "workspace_id. Amounts are exact and belong to their currency; never add amounts of different "
            + "currencies. The two write tools change real billing records: confirm with the user first, and pass "
            + "an idempotency_key if you might retry.";

    @Bean
    McpJsonMapper mcpJsonMapper(JsonMapper json) {
        return new JacksonMcpJsonMapper(json);
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
            WebFluxStatelessServerTransport transport, McpJsonMapper mapper, McpToolCalls tools) {
        return McpServer.async(transport)
                .jsonMapper(mapper)
                .serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools.stateless())
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
    McpAsyncServer sseServer(WebFluxSseServerTransportProvider transport, McpJsonMapper mapper, McpToolCalls tools) {
        return McpServer.async(transport)
                .jsonMapper(mapper)
                .serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools.sessions())
                .build();
    }

    @Bean
    @SuppressWarnings({"removal", "unchecked"})
    RouterFunction<ServerResponse> mcpRoutes(
            WebFluxStatelessServerTransport streamable, WebFluxSseServerTransportProvider sse) {
        RouterFunction<ServerResponse> deleteMcp = RouterFunctions.route(
                DELETE(Door.STREAMABLE_HTTP.path()),
                request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                        .header(HttpHeaders.ALLOW, "POST")
                        .build());
        return ((RouterFunction<ServerResponse>) streamable.getRouterFunction())
                .and((RouterFunction<ServerResponse>) sse.getRouterFunction())
                .and(deleteMcp)
                .filter(new TransportErrorBodies());
    }
}

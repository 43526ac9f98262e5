/**
 * The MCP doors. Streamable HTTP at {@code /mcp}, stateless, in two eras told apart per request:
 * 2026-07-28 ({@link com.classifiedbilling.mcp.ModernMcpHandler}, per-request {@code _meta}) and
 * 2025-11-25 and before (the official MCP Java SDK's stateless transport, behind {@link
 * com.classifiedbilling.mcp.LegacyEraRules}); HTTP+SSE at {@code /sse} + {@code /message}
 * (protocol 2024-11-05, the SDK, sessions bound to the user who opened them). All publish the one
 * {@link com.classifiedbilling.tool.ToolRegistry} through {@link
 * com.classifiedbilling.mcp.McpToolCalls} and add nothing to a tool.
 */
package com.classifiedbilling.mcp;

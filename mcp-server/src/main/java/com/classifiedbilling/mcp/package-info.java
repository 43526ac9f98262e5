/**
 * The MCP doors, on the official MCP Java SDK: Streamable HTTP at {@code /mcp} (stateless, so any
 * instance answers any request) and HTTP+SSE at {@code /sse} + {@code /message} (protocol
 * 2024-11-05, sessions bound to the user who opened them). Both publish the one
 * {@link com.classifiedbilling.tool.ToolRegistry} and add nothing to a tool.
 */
package com.classifiedbilling.mcp;

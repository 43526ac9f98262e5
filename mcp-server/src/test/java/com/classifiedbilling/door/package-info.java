/** The same tool cases run through every door: the JSON door, MCP Streamable HTTP and MCP over SSE. */
package com.classifiedbilling.door;

// The official TypeScript MCP SDK 1.x client against a running server, over Streamable HTTP
// (/mcp, the 2025 era) and over HTTP+SSE (/sse): the checks of tool-checks.mjs on each. Prints
// one JSON report line per transport and exits non-zero on any failure.
//
// Usage: BASE_URL=http://127.0.0.1:8080 CB_KEY=cb_live_... node ts-sdk-client.mjs
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

import { exerciseTools } from "./tool-checks.mjs";

const base = process.env.BASE_URL;
const auth = { Authorization: `Bearer ${process.env.CB_KEY}` };

function transportFor(kind) {
  if (kind === "streamable-http") {
    return new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: auth } });
  }
  return new SSEClientTransport(new URL(`${base}/sse`), {
    requestInit: { headers: auth },
    eventSourceInit: { fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers ?? {}), ...auth } }) },
  });
}

async function exercise(kind) {
  const client = new Client({ name: "classifiedbilling-ts-check", version: "1.0.0" });
  await client.connect(transportFor(kind));
  try {
    return { transport: kind, ...(await exerciseTools(client, kind)) };
  } finally {
    await client.close();
  }
}

let failed = 0;
for (const kind of ["streamable-http", "sse"]) {
  try {
    const report = await exercise(kind);
    failed += report.failures.length;
    console.log(JSON.stringify(report));
  } catch (error) {
    failed += 1;
    console.log(JSON.stringify({ transport: kind, failures: [String(error?.stack ?? error)] }));
  }
}
process.exit(failed === 0 ? 0 : 1);

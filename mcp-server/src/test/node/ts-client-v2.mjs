// The official TypeScript MCP SDK 2.x client (@modelcontextprotocol/client, the stable line, which
// speaks 2026-07-28) against a running server's /mcp, in each of its negotiation modes: pinned to
// 2026-07-28, and automatic (probing server/discover first, falling back to the 2025 handshake only
// on a server that is not modern). Runs the checks of tool-checks.mjs, then asks for a tool that
// does not exist and expects a protocol error that names it. Prints one JSON report line per mode
// and exits non-zero on any failure.
//
// Usage: BASE_URL=http://127.0.0.1:8080 CB_KEY=cb_live_... node ts-client-v2.mjs
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

import { exerciseTools } from "./tool-checks.mjs";

const base = process.env.BASE_URL;
const auth = { Authorization: `Bearer ${process.env.CB_KEY}` };

const MODES = { modern: { pin: "2026-07-28" }, auto: "auto" };

async function exercise(label, mode) {
  const client = new Client(
    { name: "classifiedbilling-ts2-check", version: "1.0.0" },
    { versionNegotiation: { mode } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers: auth } }));
  try {
    const report = { mode: label, era: client.getProtocolEra(), version: client.getNegotiatedProtocolVersion() };
    const checked = await exerciseTools(client, `ts2-${label}`);
    const failures = [...checked.failures];
    const server = client.getServerVersion();
    if (report.era !== "modern" || report.version !== "2026-07-28") {
      failures.push(`negotiated ${report.era} ${report.version}`);
    }
    if (!server?.title || !server?.websiteUrl || !server?.icons?.length) {
      failures.push(`server identifies itself: ${JSON.stringify(server)}`);
    }
    if (!client.getInstructions()?.includes("list_workspaces")) {
      failures.push("instructions");
    }
    try {
      await client.callTool({ name: "drop_tables", arguments: {} });
      failures.push("an unknown tool was answered");
    } catch (error) {
      if (!String(error?.message).includes("Unknown tool 'drop_tables'")) {
        failures.push(`unknown tool error: ${error?.message}`);
      }
    }
    return { ...report, tools: checked.tools, calls: checked.calls, failures };
  } finally {
    await client.close();
  }
}

let failed = 0;
for (const [label, mode] of Object.entries(MODES)) {
  try {
    const report = await exercise(label, mode);
    failed += report.failures.length;
    console.log(JSON.stringify(report));
  } catch (error) {
    failed += 1;
    console.log(JSON.stringify({ mode: label, failures: [String(error?.stack ?? error)] }));
  }
}
process.exit(failed === 0 ? 0 : 1);

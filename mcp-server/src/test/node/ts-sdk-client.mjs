// The official TypeScript MCP SDK client against a running server, over Streamable HTTP (/mcp)
// and over HTTP+SSE (/sse). It lists the tools, checks what each declares, calls every tool and
// compares each result with the JSON door's answer to the same call. Prints one JSON report line
// per transport and exits non-zero on any failure.
//
// Usage: BASE_URL=http://127.0.0.1:8080 CB_KEY=cb_live_... node ts-sdk-client.mjs
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const base = process.env.BASE_URL;
const key = process.env.CB_KEY;
const auth = { Authorization: `Bearer ${key}` };
const TOOLS = ["create_customer", "get_overdue_invoices", "get_revenue_summary", "get_workspace_summary",
  "list_customers", "list_invoices", "list_workspaces", "mark_invoice_paid"];

async function legacy(tool, input) {
  const response = await fetch(`${base}/api/mcp-server`, {
    method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ tool, input }),
  });
  const body = await response.json();
  return response.ok ? { result: body.result } : { error: body.error };
}

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
  const failures = [];
  const check = (ok, what) => { if (!ok) failures.push(what); };
  const client = new Client({ name: "classifiedbilling-ts-check", version: "1.0.0" });
  await client.connect(transportFor(kind));

  const { tools } = await client.listTools();
  check(JSON.stringify(tools.map((t) => t.name).sort()) === JSON.stringify(TOOLS), `tools are ${tools.map((t) => t.name)}`);
  for (const tool of tools) {
    check(typeof tool.title === "string" && tool.title.length > 0, `${tool.name} has a title`);
    check(tool.inputSchema?.type === "object", `${tool.name} has an input schema`);
    check(tool.outputSchema?.type === "object", `${tool.name} has an output schema`);
    check(typeof tool.annotations?.readOnlyHint === "boolean", `${tool.name} has annotations`);
  }

  const workspaces = await client.callTool({ name: "list_workspaces", arguments: {} });
  const workspace = workspaces.structuredContent.workspaces[0].id;
  const due = (await legacy("list_invoices", { workspace_id: workspace, status: "Due", limit: 1 })).result.invoices[0].id;
  const suffix = `${kind}-${Date.now()}`;
  const calls = [
    ["list_workspaces", {}],
    ["get_workspace_summary", { workspace_id: workspace }],
    ["list_customers", { workspace_id: workspace, search: "acme" }],
    ["list_invoices", { workspace_id: workspace, status: "Due", limit: 5 }],
    ["get_overdue_invoices", { workspace_id: workspace, limit: 5 }],
    ["get_revenue_summary", { workspace_id: workspace }],
    ["create_customer", { workspace_id: workspace, company_name: `TS ${suffix}`, company_email: "ts@example.com",
      currency: "USD", contact_first_name: "Tess", contact_last_name: "Script", contact_email: "tess@example.com",
      address: "1 Node Way", city: "Austin", state: "TX", zip: "73301", country: "United States",
      idempotency_key: `ts-${suffix}` }],
    ["mark_invoice_paid", { workspace_id: workspace, invoice_id: due, payment_method: "Stripe" }],
    ["list_invoices", { workspace_id: workspace, limit: 0 }],
  ];
  const called = new Set();
  for (const [name, args] of calls) {
    const result = await client.callTool({ name, arguments: args });
    called.add(name);
    // Asked after the MCP call, so writes (idempotent here) show their settled state on both doors.
    const reference = await legacy(name, args);
    if (reference.error) {
      check(result.isError === true && result.content[0].text === reference.error, `${name} error matches: ${result.content[0].text}`);
    } else {
      check(!result.isError, `${name} succeeded: ${JSON.stringify(result.content)}`);
      if (name === "mark_invoice_paid") {
        // the MCP call paid it; the JSON door's second call finds it paid and changes nothing
        check(result.structuredContent.already_paid === false && reference.result.already_paid === true,
          `${name} pays once`);
        check(JSON.stringify(result.structuredContent.invoice) === JSON.stringify(reference.result.invoice),
          `${name} invoice equals the JSON door's`);
      } else {
        check(JSON.stringify(result.structuredContent) === JSON.stringify(reference.result), `${name} equals the JSON door`);
      }
      check(result.content[0].type === "text" && JSON.stringify(JSON.parse(result.content[0].text)) === JSON.stringify(result.structuredContent),
        `${name} text content is the same JSON`);
    }
  }
  check(called.size === TOOLS.length, `called ${called.size} tools`);
  await client.close();
  return { transport: kind, tools: tools.length, calls: calls.length, failures };
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

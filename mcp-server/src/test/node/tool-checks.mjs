// The tool checks every MCP client script runs: list the tools, check what each declares, call
// every tool and compare each result with the JSON door's answer to the same call. A tool error is
// an isError result with the JSON door's own message.

const base = process.env.BASE_URL;
const key = process.env.CB_KEY;
const auth = { Authorization: `Bearer ${key}` };
export const TOOLS = ["create_customer", "get_overdue_invoices", "get_revenue_summary", "get_workspace_summary",
  "list_customers", "list_invoices", "list_workspaces", "mark_invoice_paid"];

async function legacy(tool, input) {
  const response = await fetch(`${base}/api/mcp-server`, {
    method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ tool, input }),
  });
  const body = await response.json();
  return response.ok ? { result: body.result } : { error: body.error };
}

/**
 * Lists and calls every tool through a connected client. Returns the number of tools, of calls,
 * and what failed (empty when all is well).
 */
export async function exerciseTools(client, label) {
  const failures = [];
  const check = (ok, what) => { if (!ok) failures.push(what); };
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
  const suffix = `${label}-${Date.now()}`;
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
  return { tools: tools.length, calls: calls.length, failures };
}


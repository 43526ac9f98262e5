// The tool checks every MCP client script runs: list the tools, check what each declares, call
// every tool and compare each result with the JSON door's answer to the same call. A tool error is
// an isError result with the JSON door's own message.

import { readdirSync, readFileSync } from "node:fs";

const base = process.env.BASE_URL;
const key = process.env.CB_KEY;
const auth = { Authorization: `Bearer ${key}` };
// The tool catalog: one tool per input schema in schema/tools (CB_TOOL_SCHEMAS), and its example
// inputs, declared once in that schema's "examples" with the API page's ids.
const schemas = process.env.CB_TOOL_SCHEMAS;
const inputSchema = (tool) => JSON.parse(readFileSync(`${schemas}/${tool}.input.json`, "utf8"));
export const TOOLS = readdirSync(schemas)
  .filter((file) => file.endsWith(".input.json"))
  .map((file) => file.slice(0, -".input.json".length))
  .sort();

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
  const due = (await legacy("list_invoices", { workspace_id: workspace, status: "Due", limit: 1 })).result.invoices[0];
  const customer = (await legacy("list_customers", { workspace_id: workspace })).result.customers[0].id;
  // the examples' ids stand for these; a write is sent with an idempotency key, so that the JSON
  // door's repeat of it is answered as the MCP call was
  const ids = { workspace_id: workspace, invoice_id: due.id, invoice_number: due.number, customer_id: customer };
  const suffix = `${label}-${Date.now()}`;
  const calls = [];
  for (const name of TOOLS) {
    const schema = inputSchema(name);
    schema.examples.forEach((example, i) => {
      const args = Object.fromEntries(Object.entries(example).map(([field, value]) => [field, ids[field] ?? value]));
      if (schema.properties.idempotency_key) args.idempotency_key = `${suffix}-${name}-${i}`;
      calls.push([name, args]);
    });
  }
  calls.push(["list_invoices", { workspace_id: workspace, limit: 0 }]);
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
      check(JSON.stringify(result.structuredContent) === JSON.stringify(reference.result), `${name} equals the JSON door`);
      check(result.content[0].type === "text" && JSON.stringify(JSON.parse(result.content[0].text)) === JSON.stringify(result.structuredContent),
        `${name} text content is the same JSON`);
    }
  }
  check(called.size === TOOLS.length, `called ${called.size} tools`);
  return { tools: tools.length, calls: calls.length, failures };
}


// The peer of the cost comparison (../peer.sh): list_invoices as the official TypeScript MCP SDK
// serves it, stateless Streamable HTTP (a server and transport per request, the SDK's pattern for
// stateless servers), its rows from PostgreSQL through pg with a named prepared statement, the
// same SELECT as this project's server runs for list_invoices with status Due. No authentication:
// the peer does less than the server it is compared with, never more.
//
//   PORT=18200 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/db node server.mjs
import http from "node:http";
import pg from "pg";
import { z } from "zod";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 16 });
const SELECT = `SELECT i.workspace_id, i.id, i.number, i.customer_id,
  (SELECT c.company_name FROM customers c WHERE c.workspace_id = i.workspace_id AND c.id = i.customer_id) AS customer_name,
  i.amount, i.currency, i.status, i.issued_at, i.due_at, i.paid_at, i.payment_method
  FROM invoices i WHERE i.workspace_id = $1 AND i.status = $2 ORDER BY i.issued_at DESC, i.id DESC LIMIT $3`;

function billingServer() {
  const server = new McpServer({ name: "ts-peer", version: "1.0.0" });
  server.registerTool(
    "list_invoices",
    {
      title: "List invoices",
      description: "Lists a workspace's invoices, the most recently issued first.",
      inputSchema: { workspace_id: z.string(), status: z.enum(["Due", "Paid"]), limit: z.number().int().min(1).max(100) },
    },
    async ({ workspace_id, status, limit }) => {
      const rows = await pool.query({ name: "list_invoices", text: SELECT, values: [workspace_id, status, limit + 1] });
      const invoices = rows.rows.slice(0, limit).map((row) => ({
        id: row.id,
        number: row.number,
        client: row.customer_name,
        amount: Number(row.amount),
        currency: row.currency,
        status: row.status,
        issued: row.issued_at.toISOString(),
        due: row.due_at.toISOString(),
      }));
      const result = { invoices, total: invoices.length, next_cursor: rows.rows.length > limit ? "more" : null };
      return { content: [{ type: "text", text: JSON.stringify(result) }], structuredContent: result };
    },
  );
  return server;
}

http
  .createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const server = billingServer();
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        response.on("close", () => {
          transport.close();
          server.close();
        });
        await server.connect(transport);
        await transport.handleRequest(request, response, JSON.parse(Buffer.concat(chunks).toString()));
      } catch (error) {
        if (!response.headersSent) {
          response.writeHead(500).end();
        }
      }
    });
  })
  .listen(Number(process.env.PORT), "127.0.0.1");

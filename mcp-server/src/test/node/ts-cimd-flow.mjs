// The official TypeScript SDK 2.x client (@modelcontextprotocol/client) as a client known by its
// Client ID Metadata Document: its client_id is CLIENT_METADATA_URL, which the test serves over
// HTTPS on loopback. The SDK discovers the server, sees client_id_metadata_document_supported and
// starts authorization without registering; a person approves in Chromium; the SDK redeems the code
// and then lists and calls every tool (tool-checks.mjs). Prints one JSON report line and exits
// non-zero on any failure.
//
// Usage: BASE_URL=… CB_KEY=cb_live_… CLIENT_METADATA_URL=https://localhost:…/client.json
//        CALLBACK_PORT=… node ts-cimd-flow.mjs
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { chromium } from "playwright-core";
import { createServer } from "node:http";

import { exerciseTools } from "./tool-checks.mjs";

const { BASE_URL, CB_KEY, CLIENT_METADATA_URL, CALLBACK_PORT } = process.env;
const callbackUrl = `http://127.0.0.1:${CALLBACK_PORT}/callback`;
const report = { failures: [] };

// the client's own callback: the browser lands here with the code
const arrivals = [];
const callback = createServer((request, response) => {
  const url = new URL(request.url, "http://127.0.0.1");
  if (url.pathname === "/callback") {
    arrivals.push(url.searchParams);
  }
  response.writeHead(200, { "content-type": "text/plain" }).end("callback received");
});
await new Promise((resolve) => callback.listen(Number(CALLBACK_PORT), "127.0.0.1", resolve));

let clientInformation;
let tokens;
let codeVerifier;
let authorizationUrl;
const provider = {
  get redirectUrl() {
    return callbackUrl;
  },
  clientMetadataUrl: CLIENT_METADATA_URL,
  // this server requires state (docs/oauth.md); the SDK sends one when its provider makes it
  state: () => "cimd-" + Math.random().toString(36).slice(2),
  get clientMetadata() {
    return {
      client_name: "TypeScript SDK (CIMD check)",
      redirect_uris: [callbackUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  },
  clientInformation: () => clientInformation,
  saveClientInformation: (information) => {
    clientInformation = information;
  },
  tokens: () => tokens,
  saveTokens: (saved) => {
    tokens = saved;
  },
  redirectToAuthorization: (url) => {
    authorizationUrl = url;
  },
  saveCodeVerifier: (verifier) => {
    codeVerifier = verifier;
  },
  codeVerifier: () => codeVerifier,
};

const mcpUrl = new URL(`${BASE_URL}/mcp`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  try {
    await new Client({ name: "classifiedbilling-cimd-check", version: "1.0.0" }).connect(first);
    report.failures.push("connected without authorization");
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) {
      throw error;
    }
  }
  report.clientId = clientInformation?.client_id ?? null;
  report.authorizationPath = authorizationUrl ? new URL(authorizationUrl).pathname : null;
  report.authorizationClientId = authorizationUrl ? new URL(authorizationUrl).searchParams.get("client_id") : null;

  const page = await browser.newPage();
  await page.goto(authorizationUrl.toString());
  const shown = await page.textContent("main");
  report.showsName = shown.includes("TypeScript SDK (CIMD check)");
  report.showsHost = shown.includes("identified by localhost");
  if (!(await page.$("#api_key"))) {
    throw new Error(`no consent form: ${shown.slice(0, 400)}`);
  }
  await page.fill("#api_key", CB_KEY);
  await Promise.all([page.waitForURL(`${callbackUrl}**`), page.click("button[value=approve]")]);
  const arrived = arrivals.shift();
  report.iss = arrived?.get("iss") ?? null;
  await first.finishAuth(arrived.get("code"), arrived.get("iss") ?? undefined);
  report.tokenType = tokens?.token_type ?? null;
  report.refreshToken = typeof tokens?.refresh_token === "string";

  const client = new Client({ name: "classifiedbilling-cimd-check", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
  try {
    const checked = await exerciseTools(client, "cimd");
    report.tools = checked.tools;
    report.calls = checked.calls;
    report.failures.push(...checked.failures);
  } finally {
    await client.close();
  }
} catch (error) {
  report.failures.push(String(error?.stack ?? error));
} finally {
  await browser.close();
  callback.close();
}
console.log(JSON.stringify(report));
process.exit(report.failures.length === 0 ? 0 : 1);

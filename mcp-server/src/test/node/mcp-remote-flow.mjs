// mcp-remote, as a local MCP host would run it: started over stdio, it meets the server's 401,
// discovers and registers itself, and asks the user to open the authorization URL. This script plays
// the user (it reads the URL mcp-remote prints, posts the consent form with an API key and follows
// the redirect to mcp-remote's loopback callback), then runs the checks of tool-checks.mjs through
// the proxy: every tool listed and called, each answer compared with the JSON door's, tool errors
// as isError results. Prints one JSON report line.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consent } from './consent-form.mjs';
import { exerciseTools } from './tool-checks.mjs';

const { BASE_URL, CB_KEY, CALLBACK_PORT } = process.env;
const proxy = fileURLToPath(new URL('./node_modules/mcp-remote/dist/proxy.js', import.meta.url));
const report = {};

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [proxy, `${BASE_URL}/mcp`, CALLBACK_PORT, '--transport', 'http-only'],
  env: {
    ...process.env,
    MCP_REMOTE_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'mcp-remote-')),
    // no desktop here: the "browser" mcp-remote starts does nothing; this script is the user
    BROWSER: '/bin/true',
  },
  stderr: 'pipe',
});

let log = '';
let approving = null;
transport.stderr.on('data', (chunk) => {
  log += chunk.toString();
  const url = /Please authorize this client by visiting:\s*(\S+)/.exec(log)?.[1];
  if (url && !approving) {
    report.authorizationUrl = new URL(url).pathname;
    approving = consent(url, CB_KEY)
      .then((location) => {
        report.redirectedTo = new URL(location).pathname;
        return fetch(location); // the browser lands on mcp-remote's callback
      })
      .then((callback) => {
        report.callbackStatus = callback.status;
      })
      .catch((error) => {
        report.consentError = String(error);
      });
  }
});

const client = new Client({ name: 'mcp-remote-check', version: '1.0.0' });
const timeout = setTimeout(() => {
  console.log(JSON.stringify({ ...report, error: 'timed out', log }));
  process.exit(1);
}, 90_000);
try {
  await client.connect(transport);
  const checked = await exerciseTools(client, 'mcp-remote');
  report.tools = checked.tools;
  report.calls = checked.calls;
  report.failures = checked.failures;
  console.log(JSON.stringify(report));
  process.exitCode = checked.failures.length === 0 ? 0 : 1;
} catch (error) {
  console.log(JSON.stringify({ ...report, error: String(error), log }));
  process.exitCode = 1;
} finally {
  clearTimeout(timeout);
  await client.close().catch(() => {});
}

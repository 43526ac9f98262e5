// The consent page in a real browser (Debian's Chromium driven by playwright-core): a user pastes an
// API key and approves, denies, or pastes a wrong key. A loopback server plays the client's
// callback and records what arrives. Prints one JSON report line; SCREENSHOT_DIR, when set, gets a
// picture of the page.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';

const { BASE_URL, CB_KEY, SCREENSHOT_DIR } = process.env;
const report = {};

// the client's callback: records the query of each arrival (not the browser's favicon requests)
const arrivals = [];
const callback = createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/callback') {
    arrivals.push(Object.fromEntries(url.searchParams));
  }
  response.writeHead(200, { 'content-type': 'text/plain' }).end('callback received');
});
await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
const redirectUri = `http://127.0.0.1:${callback.address().port}/callback`;

const registration = await fetch(`${BASE_URL}/oauth/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    redirect_uris: [redirectUri],
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    client_name: 'Browser Check',
  }),
});
const client = await registration.json();

function authorizationUrl(state) {
  const url = new URL('/mcp-connect', BASE_URL);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: redirectUri,
    state,
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    scope: 'billing:read billing:write',
  }).toString();
  return url.toString();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage();

  // approve
  await page.goto(authorizationUrl('approve-state'));
  report.title = await page.title();
  report.showsClient = (await page.textContent('main')).includes('Browser Check');
  if (SCREENSHOT_DIR) {
    await page.screenshot({ path: `${SCREENSHOT_DIR}/consent-page.png`, fullPage: true });
  }
  await page.fill('#api_key', CB_KEY);
  await Promise.all([page.waitForURL(`${redirectUri}**`), page.click('button[value=approve]')]);
  const approved = arrivals.shift();
  report.approve = { code: typeof approved?.code === 'string' && approved.code.length > 20, state: approved?.state };

  // deny
  await page.goto(authorizationUrl('deny-state'));
  await Promise.all([page.waitForURL(`${redirectUri}**`), page.click('button[value=deny]')]);
  const denied = arrivals.shift();
  report.deny = { error: denied?.error, state: denied?.state, code: denied?.code ?? null };

  // a wrong key: the page again, with a message, and nothing reaches the callback
  await page.goto(authorizationUrl('wrong-state'));
  await page.fill('#api_key', 'cb_live_' + 'x'.repeat(43));
  await Promise.all([page.waitForLoadState('load'), page.click('button[value=approve]')]);
  await page.waitForSelector('.error');
  report.wrongKey = {
    message: (await page.textContent('.error')).trim(),
    stillOnServer: page.url().startsWith(BASE_URL),
    callbacks: arrivals.length,
  };
} finally {
  await browser.close();
  callback.close();
}
console.log(JSON.stringify(report));

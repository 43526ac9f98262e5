// The whole OAuth 2.0 flow with oauth4webapi, a strict client library: protected resource discovery
// (RFC 9728) from the MCP door's 401, authorization server discovery (RFC 8414), dynamic client
// registration (RFC 7591), authorization code with PKCE S256 (the consent form posted as a browser
// would), the token, RFC 9068 validation of the access token against the JWKS, tools/call on /mcp,
// a refresh, revocation (RFC 7009), and the revoked token refused. Prints one JSON report line.
import * as oauth from 'oauth4webapi';
import { consent } from './consent-form.mjs';

const { BASE_URL, CB_KEY } = process.env;
const insecure = { [oauth.allowInsecureRequests]: true }; // the test server is plain http on loopback
const report = {};

// 1. the MCP door says where its metadata is
const mcpUrl = new URL('/mcp', BASE_URL);
const unauthorized = await fetch(mcpUrl, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
});
report.unauthorizedStatus = unauthorized.status;
const challenge = unauthorized.headers.get('www-authenticate');
report.resourceMetadata = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];

// 2. discovery
const resource = await oauth.processResourceDiscoveryResponse(
  mcpUrl,
  await oauth.resourceDiscoveryRequest(mcpUrl, insecure),
);
const issuer = new URL(resource.authorization_servers[0]);
const as = await oauth.processDiscoveryResponse(
  issuer,
  await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
);
report.issuer = as.issuer;

// 3. registration, as Claude registers
const redirectUri = 'https://claude.ai/api/mcp/auth_callback';
const client = await oauth.processDynamicClientRegistrationResponse(
  await oauth.dynamicClientRegistrationRequest(
    as,
    {
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      client_name: 'oauth4webapi check',
    },
    insecure,
  ),
);
const clientAuth = oauth.ClientSecretPost(client.client_secret);
report.registered = client.client_id.startsWith('cli_');

// 4. authorization code with PKCE
const verifier = oauth.generateRandomCodeVerifier();
const state = oauth.generateRandomState();
const authorizationUrl = new URL(as.authorization_endpoint);
authorizationUrl.search = new URLSearchParams({
  response_type: 'code',
  client_id: client.client_id,
  redirect_uri: redirectUri,
  state,
  code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  scope: 'billing:read billing:write',
  resource: resource.resource,
}).toString();
const callback = new URL(await consent(authorizationUrl, CB_KEY));
const params = oauth.validateAuthResponse(as, client, callback, state);
const tokens = await oauth.processAuthorizationCodeResponse(
  as,
  client,
  await oauth.authorizationCodeGrantRequest(as, client, clientAuth, params, redirectUri, verifier, {
    additionalParameters: { resource: resource.resource },
    ...insecure,
  }),
);
report.tokenType = tokens.token_type;
report.expiresIn = tokens.expires_in;
report.scope = tokens.scope;

// 5. the access token is an RFC 9068 JWT for the MCP door
const claims = await oauth.validateJwtAccessToken(
  as,
  new Request(mcpUrl, { headers: { authorization: `Bearer ${tokens.access_token}` } }),
  resource.resource,
  insecure,
);
report.audience = claims.aud;
report.clientIdClaim = claims.client_id === client.client_id;

// 6. tools/call on the stateless MCP door
async function callTool(accessToken) {
  const response = await fetch(mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2025-11-25',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'list_workspaces', arguments: {} },
    }),
  });
  const text = await response.text();
  return { status: response.status, body: response.status === 200 ? parseMessage(text) : text };
}
function parseMessage(text) {
  const data = text.startsWith('{') ? text : text.split('\n').find((line) => line.startsWith('data:')).slice(5);
  return JSON.parse(data);
}
const call = await callTool(tokens.access_token);
report.toolStatus = call.status;
report.workspaces = call.body?.result?.structuredContent?.total;

// 7. refresh: a new pair, the new access token works
const refreshed = await oauth.processRefreshTokenResponse(
  as,
  client,
  await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token, insecure),
);
report.refreshRotated = refreshed.refresh_token !== tokens.refresh_token;
report.refreshedToolStatus = (await callTool(refreshed.access_token)).status;

// 8. revocation ends the grant: the access token is refused
await oauth.processRevocationResponse(
  await oauth.revocationRequest(as, client, clientAuth, refreshed.refresh_token, insecure),
);
report.afterRevocationStatus = (await callTool(refreshed.access_token)).status;

console.log(JSON.stringify(report));

// The browser's part of the OAuth dance without a browser: open the consent page, post the form with
// an API key and a decision, and answer where the server redirects. Used by the client checks that
// run headless; the real browser check is consent-playwright.mjs.

/** Opens the consent page at `url`, posts `decision` with `apiKey`; answers the redirect Location. */
export async function consent(url, apiKey, decision = 'approve') {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status !== 200) {
    throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  }
  const html = await page.text();
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(name, unescapeHtml(value));
  }
  form.append('api_key', apiKey);
  form.append('decision', decision);
  const action = new URL('/mcp-connect', url);
  const answer = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: form,
  });
  if (answer.status !== 303) {
    throw new Error(`consent form answered ${answer.status}: ${await answer.text()}`);
  }
  return answer.headers.get('location');
}

function unescapeHtml(text) {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

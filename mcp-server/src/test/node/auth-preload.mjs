// Loaded with `node --import` for tools that take no auth option (the conformance suite): every
// fetch to a loopback address gets the Authorization header from CB_KEY. Test harness only; the
// server's auth stays on.
const key = process.env.CB_KEY;
const original = globalThis.fetch;
const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

globalThis.fetch = (input, init = {}) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (key && loopback.test(url)) {
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has("authorization")) {
      headers.set("authorization", `Bearer ${key}`);
    }
    return original(input, { ...init, headers });
  }
  return original(input, init);
};

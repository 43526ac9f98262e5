// Loaded with `node --import` for tools that take no auth option (the conformance suite): every
// request to a loopback address, by fetch, by undici or by node:http, gets the Authorization header
// from CB_KEY. Test harness only; the server's auth stays on.
import http from "node:http";
import { Agent, setGlobalDispatcher } from "undici";

const key = process.env.CB_KEY;
const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;
const loopbackHost = /^(127\.0\.0\.1|localhost|\[::1\]|::1)$/;

const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (key && loopback.test(url)) {
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has("authorization")) {
      headers.set("authorization", `Bearer ${key}`);
    }
    return originalFetch(input, { ...init, headers });
  }
  return originalFetch(input, init);
};

const originalRequest = http.request;
http.request = (options, ...rest) => {
  if (key && options && typeof options === "object" && !(options instanceof URL)
      && loopbackHost.test(options.hostname ?? options.host ?? "")) {
    const headers = { ...(options.headers ?? {}) };
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "authorization")) {
      headers.authorization = `Bearer ${key}`;
    }
    return originalRequest({ ...options, headers }, ...rest);
  }
  return originalRequest(options, ...rest);
};

// undici's request() (and Node's fetch) go through the global dispatcher
const hasAuthorization = (headers) =>
  Array.isArray(headers)
    ? headers.some((value, i) => i % 2 === 0 && String(value).toLowerCase() === "authorization")
    : Object.keys(headers ?? {}).some((name) => name.toLowerCase() === "authorization");
setGlobalDispatcher(new Agent().compose((dispatch) => (options, handler) => {
  const origin = String(options.origin ?? "");
  if (!key || !loopback.test(origin.endsWith("/") ? origin : origin + "/") || hasAuthorization(options.headers)) {
    return dispatch(options, handler);
  }
  const headers = Array.isArray(options.headers)
    ? [...options.headers, "authorization", `Bearer ${key}`]
    : { ...(options.headers ?? {}), authorization: `Bearer ${key}` };
  return dispatch({ ...options, headers }, handler);
}));

// An open-loop load at a fixed rate, evenly paced: request i is due at start + i / rate, whatever
// became of the requests before it. A timer tick about every millisecond hands every request that
// has fallen due to a pool of keep-alive connections; latency runs from that hand-off to the whole
// answer, so a stalled server counts against every request queued behind it (no coordinated
// omission), while the sender's own lateness (due to handed off: the timer's granularity, the load
// generator's core) is reported apart.
//
//   node fixed_rate.mjs URL RATE SECONDS CONNECTIONS BODY AUTHORIZATION
//
// Prints the latency percentiles in one line; exits with 1 if any request failed or was not 2xx.
// autocannon -R is not used for this: it sends each second's share at once and then waits for the
// next second, which measures bursts at full speed, not a steady rate.
import http from "node:http";

const [url, rateArg, secondsArg, connectionsArg, body, authorization] = process.argv.slice(2);
const rate = Number(rateArg);
const total = Math.round(rate * Number(secondsArg));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsArg) });
const payload = Buffer.from(body);
const headers = {
  "Content-Type": "application/json",
  Accept: "application/json, text/event-stream",
  "Content-Length": payload.length,
  Authorization: authorization,
};

const latencies = new Float64Array(total);
const lateness = new Float64Array(total);
let sent = 0;
let done = 0;
let failed = 0;
const start = performance.now();

function send(due) {
  const index = sent++;
  const handedOff = performance.now();
  lateness[index] = handedOff - due;
  const request = http.request(
    { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers },
    (response) => {
      response.on("data", () => {});
      response.on("end", () => finish(index, handedOff, response.statusCode >= 200 && response.statusCode < 300));
    },
  );
  request.on("error", () => finish(index, handedOff, false));
  request.end(payload);
}

function finish(index, handedOff, ok) {
  latencies[index] = performance.now() - handedOff;
  if (!ok) failed++;
  if (++done === total) report();
}

// Every millisecond or so, send whatever has fallen due since the last tick.
function tick() {
  const now = performance.now();
  while (sent < total && start + (sent * 1000) / rate <= now) {
    send(start + (sent * 1000) / rate);
  }
  if (sent < total) setTimeout(tick, 1);
}

function percentile(values, q) {
  return values[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(1);
}

function report() {
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const late = Array.from(lateness).sort((a, b) => a - b);
  console.log(
    `p50 ${percentile(sorted, 0.5)} ms, p90 ${percentile(sorted, 0.9)} ms, p99 ${percentile(sorted, 0.99)} ms, ` +
      `p99.9 ${percentile(sorted, 0.999)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms; ` +
      `${total - failed} of ${total} requests 2xx; the sender handed requests off late by ` +
      `${percentile(late, 0.5)} ms at the median, ${percentile(late, 0.99)} ms at p99, ` +
      `${late[late.length - 1].toFixed(1)} ms at most`,
  );
  agent.destroy();
  process.exitCode = failed === 0 ? 0 : 1;
}

tick();

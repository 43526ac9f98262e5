// Latency of read calls on the JSON door, one call at a time over one keep-alive connection, as one
// client sees it: prints p50 and p95 in milliseconds for each line of calls given on standard input.
//
//   node scale.mjs URL AUTHORIZATION CALLS < lines        (a line: LABEL<TAB>TOOL<TAB>INPUT-JSON)
//
// Exits with 1 if any call is not 200.
import http from "node:http";
import readline from "node:readline";

const [url, authorization, callsArg] = process.argv.slice(2);
const calls = Number(callsArg);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        headers: { "Content-Type": "application/json", "Content-Length": body.length, Authorization: authorization },
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (response.statusCode !== 200) {
            reject(new Error(`${response.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          } else {
            resolve(ms);
          }
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const [label, tool, input] = line.split("\t");
  const body = Buffer.from(JSON.stringify({ tool, input: JSON.parse(input) }));
  const latencies = [];
  for (let i = 0; i < calls; i++) {
    latencies.push(await call(body));
  }
  latencies.sort((a, b) => a - b);
  console.log(`${label}\t${percentile(latencies, 50).toFixed(2)}\t${percentile(latencies, 95).toFixed(2)}`);
}
agent.destroy();

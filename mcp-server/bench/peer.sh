#!/usr/bin/env bash
# What a tool call costs beside its peers, in one run: list_invoices (status Due, limit 20) on the
# benchmark's 20,000-invoice dataset (dataset.sql), through
#   peer     the official TypeScript MCP SDK (ts-peer/server.mjs: Node, pg, stateless Streamable HTTP)
#   mcp      this server's /mcp, 2025-11-25 era
#   mcp2026  this server's /mcp, 2026-07-28 era (per-request _meta, mirrored headers)
#   json     this server's JSON door, POST /api/mcp-server
#   pgbench  pgbench -M prepared running the same SELECT: the floor
# interleaved, in that order, over ROUNDS rounds. The servers and PostgreSQL run on core 1 (the
# machine's PostgreSQL is pinned for the run and unpinned after), wrk and pgbench on core 0 with 32
# connections. For each run: requests/s, the server's CPU per call and PostgreSQL's CPU per call,
# from /proc (PostgreSQL's: its processes, and what its exited backends left to the postmaster).
# Prints each round and the medians, and the ratios of docs/performance.md's targets.
#
#   bash mcp-server/bench/peer.sh            # 60 s warm-up each, then until the server's JIT is
#                                            # quiet; 5 rounds of 15 s (about 10 to 20 minutes)
#   SHORT=1 bash mcp-server/bench/peer.sh    # a few seconds: only to see that it works
#
# Needs wrk, pgbench, node and npm (ts-peer's packages are installed on first use).
set -euo pipefail
cd "$(dirname "$0")/../.."

WARMUP=${WARMUP:-60}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
QUIET_PASSES=${QUIET_PASSES:-12}
PASS=${PASS:-10}
if [[ -n "${SHORT:-}" ]]; then WARMUP=2; DURATION=2; ROUNDS=1; QUIET_PASSES=1; PASS=1; fi
PORT=${PORT:-18300}
PEER_PORT=$((PORT + 1))
PG=${PG:-postgresql://postgres@127.0.0.1:5432}
DB=cb_peer_$$
JAR=mcp-server/target/classifiedbilling-mcp-server.jar
BENCH=mcp-server/bench
WORK=$(mktemp -d)
TICKS=$(getconf CLK_TCK)
JSTAT=$(dirname "$(readlink -f "$(command -v java)")")/jstat

command -v wrk >/dev/null || { echo "peer: wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "peer: pgbench is needed (apt-get install postgresql-client)" >&2; exit 1; }
[[ -f $JAR ]] || mvn -q -B -DskipTests package
if [[ ! -f $BENCH/ts-peer/node_modules/.installed-lock.json ]] \
    || ! cmp -s "$BENCH/ts-peer/package-lock.json" "$BENCH/ts-peer/node_modules/.installed-lock.json"; then
  (cd "$BENCH/ts-peer" && npm ci --no-audit --no-fund --loglevel=error --cache ../../.npm-cache >/dev/null)
  cp "$BENCH/ts-peer/package-lock.json" "$BENCH/ts-peer/node_modules/.installed-lock.json"
fi

POSTMASTER=$(head -1 "$(psql "$PG/postgres" -Atc "SHOW data_directory")/postmaster.pid")
pg_pids() { pgrep -u postgres || true; }
pin_postgres() { for pid in $(pg_pids); do taskset -apc "$1" "$pid" >/dev/null 2>&1 || true; done; }
psql "$PG/postgres" -qc "CREATE DATABASE $DB"
cleanup() {
  pin_postgres 0-$(( $(nproc) - 1 ))
  [[ -n "${PEER:-}" ]] && kill "$PEER" 2>/dev/null || true
  [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

. "$BENCH/server.sh"
start_billing_server
WS=$(psql "$PG/$DB" -Atc "SELECT id FROM workspaces LIMIT 1")
psql "$PG/$DB" -q -v ws="$WS" -f "$BENCH/dataset.sql"
(cd "$BENCH/ts-peer" && PORT=$PEER_PORT DATABASE_URL="$PG/$DB" exec taskset -c 1 node server.mjs) 2> "$WORK/peer.err" &
PEER=$!
until curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/"; do
  kill -0 $PEER 2>/dev/null || { echo "peer: the TypeScript peer did not start" >&2; cat "$WORK/peer.err" >&2; exit 1; }
  sleep 0.1
done
pin_postgres 1

ARGS="{\"workspace_id\":\"$WS\",\"status\":\"Due\",\"limit\":20}"
JSON_BODY="{\"tool\":\"list_invoices\",\"input\":$ARGS}"
MCP_BODY="{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_invoices\",\"arguments\":$ARGS}}"
MODERN_BODY="{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_invoices\",\"arguments\":$ARGS,\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}"
MODERN_HEADERS="MCP-Protocol-Version: 2026-07-28;Mcp-Method: tools/call;Mcp-Name: list_invoices"
# the statement the server runs for this call (R2dbcInvoiceRepository), for pgbench: the workspace
# and the status bound, the page size written in
cat > "$WORK/select.sql" <<SQL
SELECT i.workspace_id, i.id, i.number, i.customer_id, (SELECT c.company_name FROM customers c
  WHERE c.workspace_id = i.workspace_id AND c.id = i.customer_id) AS customer_name, i.amount, i.currency,
  i.status, i.issued_at, i.due_at, i.paid_at, i.payment_method FROM invoices i
WHERE i.workspace_id = :ws AND i.status = :status ORDER BY i.issued_at DESC, i.id DESC LIMIT 21;
SQL

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { # the live processes, and what exited backends left to the postmaster
  local sum=0 pid
  for pid in $(pg_pids); do sum=$(( sum + $(ticks "$pid" 2>/dev/null || echo 0) )); done
  echo $(( sum + $(awk '{print $16 + $17}' "/proc/$POSTMASTER/stat") ))
}
# measure NAME PID URL BODY SECONDS [HEADERS]: prints "req/s server_us pg_us"
measure() {
  local name=$1 pid=$2 url=$3 body=$4 seconds=$5 headers=${6:-} s0 p0 s1 p1 out requests rps
  s0=$(ticks "$pid"); p0=$(pg_ticks)
  out=$(BODY="$body" CB_KEY="$KEY" EXTRA_HEADERS="$headers" taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"$seconds"s \
        -s "$BENCH/post.lua" "$url")
  s1=$(ticks "$pid"); p1=$(pg_ticks)
  if echo "$out" | grep -q "Non-2xx"; then echo "peer: $name got errors:" >&2; echo "$out" >&2; exit 1; fi
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  awk -v r="$requests" -v rps="$rps" -v s=$(( s1 - s0 )) -v p=$(( p1 - p0 )) -v t="$TICKS" \
    'BEGIN {printf "%.0f %.0f %.0f\n", rps, s * 1e6 / t / r, p * 1e6 / t / r}'
}
pgbench_run() { # prints "tps - pg_us"
  local p0 p1 out tps transactions
  p0=$(pg_ticks)
  out=$(taskset -c 0 pgbench -n -M prepared -c "$CONNECTIONS" -j 1 -T "$1" -D ws="$WS" -D status=Due -f "$WORK/select.sql" "$PG/$DB" 2>/dev/null)
  p1=$(pg_ticks)
  tps=$(echo "$out" | awk '/^tps/ {print $3}')
  transactions=$(echo "$out" | awk '/number of transactions actually processed/ {print $NF}')
  awk -v tps="$tps" -v n="$transactions" -v p=$(( p1 - p0 )) -v t="$TICKS" 'BEGIN {printf "%.0f - %.0f\n", tps, p * 1e6 / t / n}'
}

echo "warming up for $WARMUP s each ..." >&2
measure warmup "$PEER" "http://127.0.0.1:$PEER_PORT/mcp" "$MCP_BODY" "$WARMUP" >/dev/null
# warm_server MCP_SECONDS OTHER_SECONDS: the server's three runs, /mcp first
warm_server() {
  measure warmup "$SERVER" "http://127.0.0.1:$PORT/mcp" "$MCP_BODY" "$1" >/dev/null
  measure warmup "$SERVER" "http://127.0.0.1:$PORT/mcp" "$MODERN_BODY" "$2" "$MODERN_HEADERS" >/dev/null
  measure warmup "$SERVER" "http://127.0.0.1:$PORT/api/mcp-server" "$JSON_BODY" "$2" >/dev/null
}
warm_server "$WARMUP" "$(( WARMUP / 2 + 1 ))"
# then until the server's JIT is quiet: passes over its three runs (PASS s each) until one in which
# it compiled for under 2 % of the pass, QUIET_PASSES at most. On the one core it shares with
# PostgreSQL, /mcp's longer path keeps the C2 compiler busy for minutes, and a run that pays for
# compilation is not a run of the server's cost.
jit_seconds() { "$JSTAT" -compiler "$SERVER" | awk 'NR == 2 {print $4}'; }
for pass in $(seq 1 "$QUIET_PASSES"); do
  jit0=$(jit_seconds)
  warm_server "$PASS" "$PASS"
  compiled=$(awk -v a="$jit0" -v b="$(jit_seconds)" 'BEGIN {printf "%.1f", b - a}')
  echo "JIT: $compiled s compiling in pass $pass of $(( 3 * PASS )) s" >&2
  awk -v c="$compiled" -v p="$PASS" 'BEGIN {exit !(c < 0.02 * 3 * p)}' && break
done

printf '%-6s %-8s %8s %10s %8s\n' round run "req/s" "server_us" "pg_us"
for round in $(seq 1 "$ROUNDS"); do
  for run in peer mcp mcp2026 json pgbench; do
    case $run in
      peer) line=$(measure peer "$PEER" "http://127.0.0.1:$PEER_PORT/mcp" "$MCP_BODY" "$DURATION") ;;
      mcp) line=$(measure mcp "$SERVER" "http://127.0.0.1:$PORT/mcp" "$MCP_BODY" "$DURATION") ;;
      mcp2026) line=$(measure mcp2026 "$SERVER" "http://127.0.0.1:$PORT/mcp" "$MODERN_BODY" "$DURATION" "$MODERN_HEADERS") ;;
      json) line=$(measure json "$SERVER" "http://127.0.0.1:$PORT/api/mcp-server" "$JSON_BODY" "$DURATION") ;;
      pgbench) line=$(pgbench_run "$DURATION") ;;
    esac
    echo "$round $run $line" >> "$WORK/results"
    printf '%-6s %-8s %8s %10s %8s\n' "$round" "$run" $line
  done
done

# the targets' ratios, per round and their medians
awk '
  { rps[$1, $2] = $3; cpu[$1, $2] = $4; pgcpu[$1, $2] = $5; if ($1 > rounds) rounds = $1 }
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    printf "\n%-6s %22s %22s %18s %18s %20s\n", "round", "server: mcp / peer", "server: mcp2026 / peer", "pg: mcp / pgbench", "pg: json / pgbench", "server: mcp / json"
    printf "%-6s %22s %22s %18s %18s %20s\n", "target", "<= 0.2", "<= 0.2", "<= 1.15", "<= 1.15", "<= 1.1"
    for (r = 1; r <= rounds; r++) {
      a[r] = cpu[r, "mcp"] / cpu[r, "peer"]; b[r] = cpu[r, "mcp2026"] / cpu[r, "peer"]
      c[r] = pgcpu[r, "mcp"] / pgcpu[r, "pgbench"]; d[r] = pgcpu[r, "json"] / pgcpu[r, "pgbench"]
      e[r] = cpu[r, "mcp"] / cpu[r, "json"]
      printf "%-6s %22.2f %22.2f %18.2f %18.2f %20.2f\n", r, a[r], b[r], c[r], d[r], e[r]
    }
    printf "%-6s %22.2f %22.2f %18.2f %18.2f %20.2f\n", "median", median(a, rounds), median(b, rounds), median(c, rounds), median(d, rounds), median(e, rounds)
  }' "$WORK/results"

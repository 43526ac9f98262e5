#!/usr/bin/env bash
# What a tool call costs on each door, against the raw database.
#
#   bash mcp-server/bench/benchmark.sh            # full: 30 s warm-up, 15 s a run
#   SHORT=1 bash mcp-server/bench/benchmark.sh    # a few seconds a run, to see that it works
#
# Starts the packaged server on a fresh PostgreSQL database (127.0.0.1:5432, trust auth) with a
# fixed dataset (one workspace, 200 customers, 20,000 invoices), pinned to core 1; drives
# list_invoices (limit 20), get_overdue_invoices and get_revenue_summary through the JSON door and
# /mcp with wrk pinned to core 0 (16 connections); measures the server's CPU time per call from
# /proc; runs the list_invoices SQL through pgbench -M prepared (16 clients, core 0) as the ceiling;
# prints a table. Needs wrk and pgbench (Debian packages wrk and postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/../.."

WARMUP=${WARMUP:-30}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
if [[ -n "${SHORT:-}" ]]; then WARMUP=3; DURATION=2; fi
PORT=${PORT:-18080}
PG=${PG:-postgresql://postgres@127.0.0.1:5432}
DB=cb_bench_$$
JAR=mcp-server/target/classifiedbilling-mcp-server.jar
BENCH=mcp-server/bench
WORK=$(mktemp -d)
TICKS=$(getconf CLK_TCK)

command -v wrk >/dev/null || { echo "benchmark: wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "benchmark: pgbench is needed (apt-get install postgresql-client)" >&2; exit 1; }
[[ -f $JAR ]] || mvn -q -B -DskipTests package

psql "$PG/postgres" -qc "CREATE DATABASE $DB"
cleanup() {
  [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

started=$(date +%s%N)
BILLING_DATABASE_URL="$PG/$DB" BILLING_DEMO=true PORT=$PORT \
  BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE=100000000 BILLING_RATELIMITS_PLANS_STANDARD_PERDAY=100000000 \
  taskset -c 1 java -jar "$JAR" > "$WORK/server.out" 2> "$WORK/server.err" &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { echo "benchmark: server did not start" >&2; cat "$WORK/server.err" >&2; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))

KEY=$(grep -o 'cb_live_[A-Za-z0-9_-]*' "$WORK/server.out" | head -1)
WS=$(psql "$PG/$DB" -Atc "SELECT id FROM workspaces LIMIT 1")
psql "$PG/$DB" -q -v ws="$WS" -f "$BENCH/dataset.sql"

legacy() { printf '{"tool":"%s","input":%s}' "$1" "$2"; }
mcp() { printf '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"%s","arguments":%s}}' "$1" "$2"; }
cpu_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }

# run NAME PATH BODY SECONDS: prints "requests/s p50 p99 cpu_us_per_call"
run() {
  local before after out requests
  before=$(cpu_ticks)
  out=$(BODY="$3" CB_KEY="$KEY" taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"$4"s --latency -s "$BENCH/post.lua" \
        "http://127.0.0.1:$PORT$2")
  after=$(cpu_ticks)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  if echo "$out" | grep -q "Non-2xx"; then echo "benchmark: $1 got errors:" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk -v req="$requests" -v cpu=$(( after - before )) -v ticks="$TICKS" '
    /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
    END {printf "%10.0f %9s %9s %10.0f\n", rps, p50, p99, cpu * 1e6 / ticks / req}'
}

ARGS_LIST="{\"workspace_id\":\"$WS\",\"limit\":20}"
ARGS_WS="{\"workspace_id\":\"$WS\"}"
echo "warming up for $WARMUP s ..." >&2
run warmup /api/mcp-server "$(legacy list_invoices "$ARGS_LIST")" "$WARMUP" >/dev/null

printf '%-22s %-16s %10s %9s %9s %10s\n' tool door "req/s" p50 p99 "cpu_us/call"
for tool in list_invoices get_overdue_invoices get_revenue_summary; do
  args=$ARGS_WS; [[ $tool == list_invoices ]] && args=$ARGS_LIST
  printf '%-22s %-16s %s\n' "$tool" "/api/mcp-server" "$(run "$tool" /api/mcp-server "$(legacy "$tool" "$args")" "$DURATION")"
  printf '%-22s %-16s %s\n' "$tool" "/mcp" "$(run "$tool" /mcp "$(mcp "$tool" "$args")" "$DURATION")"
done

tps=$(taskset -c 0 pgbench -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -D ws="$WS" -f "$BENCH/list_invoices.sql" \
      "$PG/$DB" 2>/dev/null | awk '/^tps/ {print $3}')
printf '%-22s %-16s %10.0f\n' "list_invoices SQL" "pgbench prepared" "$tps"
echo "start to first answered request: $ready_ms ms"

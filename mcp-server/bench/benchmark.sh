#!/usr/bin/env bash
# What a tool call costs on each door, against the raw database.
#
#   bash mcp-server/bench/benchmark.sh            # full: 180 s warm-up, 15 s a run (about 20 minutes)
#   SHORT=1 bash mcp-server/bench/benchmark.sh    # a few seconds a run, to see that it works (CI)
#
# Starts the packaged server on a fresh PostgreSQL database (127.0.0.1:5432, trust auth) with a
# fixed dataset (one workspace, 200 customers, 20,000 invoices), pinned to core 1. Drives
# list_invoices (limit 20), get_overdue_invoices and get_revenue_summary through each door — the
# JSON door, /mcp (and for list_invoices /mcp in the 2026-07-28 era too), and /sse + /message —
# with wrk pinned to core 0 (16 connections); measures the
# server's CPU time per call from /proc; runs the list_invoices SQL through pgbench -M prepared
# (16 clients, core 0) as the ceiling; measures p99 at half the JSON door's list_invoices rate with
# an evenly paced open-loop load (fixed_rate.mjs), three times; heap after GC before and after the runs and with
# 1,000 SSE streams open; CPU per call with metrics and the tool-call log off, and their share of JFR's
# execution samples; and the time from start to the first answered request: first start,
# restart, and restart with a class data sharing archive, on one core and on both. Prints a table.
# Needs wrk and pgbench (Debian packages wrk and postgresql-client), python3 and node.
set -euo pipefail
cd "$(dirname "$0")/../.."

# on one pinned core the JIT needs minutes: after 60 s a call still cost 1.7x what it costs after 180 s
WARMUP=${WARMUP:-180}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-16}
STREAMS=${STREAMS:-1000}
FIXED_RUNS=${FIXED_RUNS:-3}
if [[ -n "${SHORT:-}" ]]; then WARMUP=3; DURATION=2; STREAMS=100; FIXED_RUNS=1; fi
PORT=${PORT:-18080}
BASE=http://127.0.0.1:$PORT
PG=${PG:-postgresql://postgres@127.0.0.1:5432}
DB=cb_bench_$$
JAR=mcp-server/target/classifiedbilling-mcp-server.jar
BENCH=mcp-server/bench
WORK=$(mktemp -d)
TICKS=$(getconf CLK_TCK)
JCMD=$(dirname "$(readlink -f "$(command -v java)")")/jcmd

command -v wrk >/dev/null || { echo "benchmark: wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "benchmark: pgbench is needed (apt-get install postgresql-client)" >&2; exit 1; }
[[ -f $JAR ]] || mvn -q -B -DskipTests package

psql "$PG/postgres" -qc "CREATE DATABASE $DB"
cleanup() {
  [[ -n "${HOLDER:-}" ]] && kill "$HOLDER" 2>/dev/null || true
  [[ -n "${SERVER:-}" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# start [CORES]: launches the server from $JAR_DIR (default: here) pinned to core 1 or to CORES;
# sets STARTED_MS to the time until its first answered request
start() {
  local started=$(date +%s%N)
  (cd "${JAR_DIR:-.}" && BILLING_DATABASE_URL="$PG/$DB" BILLING_DEMO=true PORT=$PORT \
    BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE=100000000 BILLING_RATELIMITS_PLANS_STANDARD_PERDAY=100000000 \
    BILLING_MCP_SSESESSIONSPERUSER=$((STREAMS + 10)) \
    exec env ${EXTRA_ENV:-} taskset -c "${1:-1}" java ${JAVA_OPTS:-} -jar "$JAR" >> "$WORK/server.out" 2>> "$WORK/server.err") &
  SERVER=$!
  until curl -sf "$BASE/actuator/health/readiness" >/dev/null; do
    kill -0 $SERVER 2>/dev/null || { echo "benchmark: server did not start" >&2; cat "$WORK/server.err" >&2; exit 1; }
    sleep 0.02
  done
  STARTED_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; }

start; first_start_ms=$STARTED_MS
KEY=$(grep -o 'cb_live_[A-Za-z0-9_-]*' "$WORK/server.out" | head -1)
WS=$(psql "$PG/$DB" -Atc "SELECT id FROM workspaces LIMIT 1")
psql "$PG/$DB" -q -v ws="$WS" -f "$BENCH/dataset.sql"

legacy() { printf '{"tool":"%s","input":%s}' "$1" "$2"; }
mcp() { printf '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"%s","arguments":%s}}' "$1" "$2"; }
# the same call in the 2026-07-28 era: per-request _meta, and headers that mirror the body
modern() {
  printf '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"%s","arguments":%s,"_meta":{%s,%s}}}' "$1" "$2" \
    '"io.modelcontextprotocol/protocolVersion":"2026-07-28"' '"io.modelcontextprotocol/clientCapabilities":{}'
}
modern_headers() { printf 'MCP-Protocol-Version: 2026-07-28;Mcp-Method: tools/call;Mcp-Name: %s' "$1"; }
cpu_ticks() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
# heap in use after a full GC, in KB: the sum over the heap's generations (G1 reports one line, the
# serial collector a JVM picks on one core reports two), not the metaspace
heap_kb() {
  "$JCMD" $SERVER GC.run >/dev/null
  "$JCMD" $SERVER GC.heap_info | grep -v -i 'space' | grep -o 'used [0-9]*K' | tr -dc '0-9\n' | awk '{sum += $1} END {print sum}'
}

# run NAME PATH BODY SECONDS [HEADERS]: prints "requests/s p50 p99 cpu_us_per_call"
run() {
  local before after out requests
  before=$(cpu_ticks)
  out=$(BODY="$3" CB_KEY="$KEY" EXTRA_HEADERS="${5:-}" taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"$4"s --latency -s "$BENCH/post.lua" \
        "$BASE$2")
  # /message answers 202 at once and the call goes on: let the last ones finish before reading the CPU
  [[ $2 == /message* ]] && sleep 1
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
run warmup /mcp "$(mcp list_invoices "$ARGS_LIST")" "$(( WARMUP / 4 + 1 ))" >/dev/null
run warmup /mcp "$(modern list_invoices "$ARGS_LIST")" "$(( WARMUP / 4 + 1 ))" "$(modern_headers list_invoices)" >/dev/null
heap_before=$(heap_kb)

# one initialised MCP session on the SSE door, its stream read and dropped while wrk posts to it
coproc SSE { python3 "$BENCH/sse.py" session "$BASE" "$KEY"; }
read -r MESSAGE <&"${SSE[0]}"

printf '%-22s %-16s %10s %9s %9s %10s\n' tool door "req/s" p50 p99 "cpu_us/call"
for tool in list_invoices get_overdue_invoices get_revenue_summary; do
  args=$ARGS_WS; [[ $tool == list_invoices ]] && args=$ARGS_LIST
  line=$(run "$tool" /api/mcp-server "$(legacy "$tool" "$args")" "$DURATION")
  printf '%-22s %-16s %s\n' "$tool" "/api/mcp-server" "$line"
  [[ $tool == list_invoices ]] && max_rps=$(echo "$line" | awk '{print $1}') && on_cpu=$(echo "$line" | awk '{print $4}')
  printf '%-22s %-16s %s\n' "$tool" "/mcp" "$(run "$tool" /mcp "$(mcp "$tool" "$args")" "$DURATION")"
  if [[ $tool == list_invoices ]]; then
    printf '%-22s %-16s %s\n' "$tool" "/mcp 2026-07-28" \
      "$(run "$tool" /mcp "$(modern "$tool" "$args")" "$DURATION" "$(modern_headers "$tool")")"
  fi
  printf '%-22s %-16s %s\n' "$tool" "/sse+/message" "$(run "$tool" "$MESSAGE" "$(mcp "$tool" "$args")" "$DURATION")"
done
exec {SSE[1]}>&-
wait "$SSE_PID" 2>/dev/null || true

tps=$(taskset -c 0 pgbench -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" -D ws="$WS" -f "$BENCH/list_invoices.sql" \
      "$PG/$DB" 2>/dev/null | awk '/^tps/ {print $3}')
printf '%-22s %-16s %10.0f\n' "list_invoices SQL" "pgbench prepared" "$tps"

# p99 at half the measured maximum, at a fixed rate, evenly paced: FIXED_RUNS runs one after another
rate=$(( ${max_rps%.*} / 2 )); (( rate > 0 )) || rate=1
for fixed_run in $(seq 1 "$FIXED_RUNS"); do
  fixed=$(taskset -c 0 node "$BENCH/fixed_rate.mjs" "$BASE/api/mcp-server" "$rate" "$DURATION" "$CONNECTIONS" \
          "$(legacy list_invoices "$ARGS_LIST")" "Bearer $KEY") \
    || { echo "benchmark: fixed-rate requests failed: $fixed" >&2; exit 1; }
  echo "list_invoices at a fixed $rate req/s (half the maximum), run $fixed_run of $FIXED_RUNS: $fixed"
done

heap_after=$(heap_kb)
coproc HOLD { python3 "$BENCH/sse.py" hold "$BASE" "$KEY" "$STREAMS"; }
HOLDER=$HOLD_PID
read -r _ opened <&"${HOLD[0]}"
heap_streams=$(heap_kb)
exec {HOLD[1]}>&-
wait "$HOLDER" 2>/dev/null || true; HOLDER=
echo "heap after GC: $(( heap_before / 1024 )) MB after warm-up, $(( heap_after / 1024 )) MB after every run"
echo "heap after GC with $opened SSE streams open: +$(( (heap_streams - heap_after) / 1024 )) MB," \
     "$(( (heap_streams - heap_after) * 1024 / opened )) bytes per stream"

# what the tool-call timer and its log line take of a call, measured inside one server (so without
# the spread between servers): the share of JFR's execution samples, over one more run, whose stack
# is in ToolCallRecorder.record. Last on this server, because starting a recording sends the JVM
# back to compiling: measured on 2026-12-04, 7,100 compilations and 89 s of compile time in the
# 85 s after JFR.start, on the server's one core, and the fixed-rate runs that followed fell
# seconds behind (docs/performance.md, target 4)
"$JCMD" $SERVER JFR.start name=share filename="$WORK/share.jfr" >/dev/null
run share /api/mcp-server "$(legacy list_invoices "$ARGS_LIST")" "$DURATION" >/dev/null
"$JCMD" $SERVER JFR.stop name=share >/dev/null
"$(dirname "$JCMD")/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$WORK/share.jfr" > "$WORK/samples.txt"
recorder_share=$(awk '/jdk.ExecutionSample/ {n++; if (hit) c++; hit=0} /ToolCallRecorder.record/ {hit=1}
  END {if (hit) c++; printf "%d of %d samples (%.1f %%)", c, n, c * 100 / (n ? n : 1)}' "$WORK/samples.txt")

# what the tool-call timer and its log line cost: the JSON door's list_invoices on a server with both
# off, then on a fresh server with both on again, each after the same warm-up; the two servers with
# both on (the table's and this one) show how far apart two runs of the same build fall
lap() { # EXTRA_ENV: a fresh server, warmed up, one run; sets LAP_CPU to its CPU per call
  stop; start
  run warmup /api/mcp-server "$(legacy list_invoices "$ARGS_LIST")" "$WARMUP" >/dev/null
  LAP_CPU=$(run list_invoices /api/mcp-server "$(legacy list_invoices "$ARGS_LIST")" "$DURATION" | awk '{print $4}')
}
EXTRA_ENV="MANAGEMENT_METRICS_ENABLE_ALL=false LOGGING_LEVEL_COM_CLASSIFIEDBILLING_OBSERVABILITY=warn"
lap; off_cpu=$LAP_CPU
EXTRA_ENV=
lap; again_cpu=$LAP_CPU
echo "list_invoices on /api/mcp-server, cpu_us/call: $on_cpu and $again_cpu with metrics and the call log" \
     "(two servers), $off_cpu with neither; in the timer and the log line: $recorder_share"

stop
start; restart_ms=$STARTED_MS
stop
start 0,1; restart2_ms=$STARTED_MS
stop
# the same restart from the extracted jar with a class data sharing archive made by a training run
# (docs/operations.md, "Faster start"). The archive names the jar as it was started, so every run
# starts in the extracted folder; -Xshare:on refuses to start rather than run without the archive.
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
(cd "$WORK/app" && BILLING_DATABASE_URL="$PG/$DB" PORT=$PORT java -XX:ArchiveClassesAtExit=app.jsa \
   -Dspring.context.exit=onRefresh -jar classifiedbilling-mcp-server.jar >/dev/null 2>&1)
JAR_DIR="$WORK/app" JAR=classifiedbilling-mcp-server.jar JAVA_OPTS="-XX:SharedArchiveFile=app.jsa -Xshare:on"
start; cds_ms=$STARTED_MS
stop
start 0,1; cds2_ms=$STARTED_MS
echo "start to first answered request, one core: $first_start_ms ms on the first start (migrations, demo data)," \
     "$restart_ms ms on a restart, $cds_ms ms on a restart with the class data sharing archive"
echo "start to first answered request, both cores: $restart2_ms ms on a restart," \
     "$cds2_ms ms on a restart with the class data sharing archive"

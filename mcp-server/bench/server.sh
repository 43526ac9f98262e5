# Sourced by scale.sh and peer.sh. start_billing_server starts the packaged server ($JAR) on the
# database $PG/$DB at port $PORT, pinned to core 1, with the demo user and no rate limit worth the
# name, its output in $WORK; it waits for /readyz and sets SERVER (its pid) and KEY (the demo key).
start_billing_server() {
  BILLING_DATABASE_URL="$PG/$DB" BILLING_DEMO=true PORT=$PORT \
    BILLING_RATELIMITS_PLANS_STANDARD_PERMINUTE=100000000 BILLING_RATELIMITS_PLANS_STANDARD_PERDAY=100000000 \
    taskset -c 1 java -jar "$JAR" > "$WORK/server.out" 2> "$WORK/server.err" &
  SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { echo "$(basename "$0"): the server did not start" >&2; cat "$WORK/server.err" >&2; exit 1; }
    sleep 0.1
  done
  # the whole key, from the banner: the log line names only its first characters
  KEY=$(grep -o 'cb_live_[A-Za-z0-9_-]*' "$WORK/server.out" | awk '{ if (length($0) > length(k)) k = $0 } END { print k }')
}

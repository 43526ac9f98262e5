#!/usr/bin/env bash
# Builds the server's container image without a Docker daemon (buildah), from the packaged jar:
#
#   bash mcp-server/deploy/container/build.sh            # image classifiedbilling-mcp-server:latest
#   bash mcp-server/deploy/container/build.sh --check    # and run it with podman, and check it answers
#
# Needs buildah (and podman, runc for --check: Debian packages), a JDK 25 or later for the image's
# runtime (jlink), and mcp-server/target/classifiedbilling-mcp-server.jar (mvn -B package). The
# runtime is a jlink'd JRE with the build machine's glibc: build on the Debian release the image
# should carry.
set -euo pipefail
cd "$(dirname "$0")/../../.."

IMAGE=${IMAGE:-classifiedbilling-mcp-server:latest}
JAR=mcp-server/target/classifiedbilling-mcp-server.jar
HERE=mcp-server/deploy/container
# The image's JRE is Java 25 or later, whatever JDK built the jar (its classes are Java 17's): from 25
# the JVM keeps an ahead-of-time cache (JEP 483, 514, 515) of the classes loaded and linked and the
# methods' profiles, which starts the server in about 0.8 of the time Java 17's class data sharing
# archive does (docs/performance.md, issue #18's target 6). RUNTIME_JDK names the JDK; by default,
# the one on PATH if it is 25 or later, else the first such under /usr/lib/jvm.
feature() { local v; v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null); echo "${v:-0}"; }
if [[ -z ${RUNTIME_JDK:-} ]]; then
  for jdk in "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/*; do
    if [[ $(feature "$jdk") -ge 25 ]]; then RUNTIME_JDK=$jdk; break; fi
  done
fi
if [[ -z ${RUNTIME_JDK:-} || $(feature "$RUNTIME_JDK") -lt 25 ]]; then
  echo "image: a JDK 25 or later is needed for the runtime: set RUNTIME_JDK (found: ${RUNTIME_JDK:-none})" >&2; exit 1
fi
# this machine's podman needs: no default ulimits (setrlimit is refused here), cgroupfs, runc
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/$HERE/containers.conf}

for tool in buildah "$RUNTIME_JDK/bin/jlink"; do
  command -v "$tool" >/dev/null || { echo "image: $tool is needed" >&2; exit 1; }
done
[[ -f $JAR ]] || { echo "image: $JAR is missing: run mvn -B package first" >&2; exit 1; }

CONTEXT=$(mktemp -d)
trap 'rm -rf "$CONTEXT"' EXIT
mkdir -p "$CONTEXT/runtime/opt" "$CONTEXT/runtime/etc" "$CONTEXT/runtime/tmp" "$CONTEXT/data"
chmod 1777 "$CONTEXT/runtime/tmp"

# the JRE: the modules the server and its libraries use (the JDK's own, checked by --check's run)
"$RUNTIME_JDK/bin/jlink" --output "$CONTEXT/runtime/opt/java" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# the trusted certificates (Debian's JDK links them from /etc): outbound TLS fetches client metadata documents
cp -L "$RUNTIME_JDK/lib/security/cacerts" "$CONTEXT/runtime/opt/java/lib/security/cacerts"

# the shared libraries the JRE loads, and the resolver's (host names for PostgreSQL, Redis, OTLP)
libs=$(find "$CONTEXT/runtime/opt/java" -name '*.so' -o -path '*/bin/java' | xargs ldd 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\/(usr\/)?lib/ {print $3} $1 ~ /^\/(usr\/)?lib/ {print $1}' | sort -u)
for lib in $libs /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 \
           /lib/x86_64-linux-gnu/libresolv.so.2; do
  mkdir -p "$CONTEXT/runtime$(dirname "$lib")"
  cp -L "$lib" "$CONTEXT/runtime$lib"
done
printf 'root:x:0:0::/:/nonexistent\nbilling:x:10001:10001::/app:/nonexistent\n' > "$CONTEXT/runtime/etc/passwd"
printf 'root:x:0:\nbilling:x:10001:\n' > "$CONTEXT/runtime/etc/group"
printf 'hosts: files dns\n' > "$CONTEXT/runtime/etc/nsswitch.conf"

# the application as Spring Boot extracts it: a thin jar and its libraries beside it
"$RUNTIME_JDK/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$CONTEXT/app" >/dev/null

previous=$(buildah images --quiet "$IMAGE" 2>/dev/null || true)
buildah bud --quiet --isolation chroot --format docker --layers -f "$HERE/Containerfile" -t "$IMAGE" "$CONTEXT" \
  > "$CONTEXT/build.log" 2>&1 || { cat "$CONTEXT/build.log" >&2; exit 1; }
current=$(buildah images --quiet "$IMAGE")
# the image this tag named before, now untagged, is not kept
[[ -n $previous && $previous != "$current" ]] && buildah rmi "$previous" >/dev/null 2>&1 || true
echo "image: built $IMAGE ($current)"

[[ "${1:-}" == "--check" ]] || exit 0

# --check: the image's shape, then the server in it, called like a client would
user=$(buildah inspect --type image --format '{{.Docker.Config.User}}' "$IMAGE")
health=$(buildah inspect --type image --format '{{.Docker.Config.Healthcheck.Test}}' "$IMAGE")
layers=$(buildah inspect --type image --format '{{len .Docker.RootFS.DiffIDs}}' "$IMAGE")
entry=$(buildah inspect --type image --format '{{.Docker.Config.Entrypoint}}' "$IMAGE")
echo "image: user $user, $layers layers, entrypoint $entry, health check $health"
[[ $user == 10001:10001 ]] || { echo "image: runs as '$user', not the unprivileged 10001" >&2; exit 1; }
[[ $health == *HealthProbe* ]] || { echo "image: no health check" >&2; exit 1; }
(( layers >= 5 )) || { echo "image: $layers layers; expected runtime, data, dependencies, application, AOT cache" >&2; exit 1; }
[[ $entry == *AOTCache=/app/app.aot* ]] || { echo "image: the entrypoint does not use the AOT cache" >&2; exit 1; }
# nothing of the training run but the AOT cache: no database (it would hold signing keys), no temporary files
container=$(buildah from "$IMAGE")
root=$(buildah mount "$container")
leftovers=$(find "$root/data" "$root/tmp" -mindepth 1 2>/dev/null | wc -l)
[[ -d $root/tmp && -f $root/app/app.aot ]] || { echo "image: /tmp or the AOT cache is missing" >&2; exit 1; }
buildah umount "$container" >/dev/null; buildah rm "$container" >/dev/null
(( leftovers == 0 )) || { echo "image: the training run left $leftovers files in /data or /tmp" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
name=cb-image-check-$$
# ready: waits (60 s at most) for the first answered readiness probe and prints the seconds since $1
ready() {
  local started=$1
  for i in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && { echo "$(date +%s.%N) $started" | awk '{printf "%.1f", $1 - $2}'; return; }
    # once a second: each podman inspect takes tens of milliseconds of CPU from the starting server
    (( i % 20 )) || podman inspect --format '{{.State.Running}}' "$name" | grep -q true || { podman logs "$name" >&2; exit 1; }
    sleep 0.05
  done
  echo "image: the server was not ready within 60 s" >&2; podman logs "$name" >&2; exit 1
}
# -XX:AOTMode=on: the server refuses to start rather than run without its AOT cache; the health check is
# run once below instead of by podman's timer (which needs systemd)
started=$(date +%s.%N)
podman run -d --name "$name" --network host -e PORT="$PORT" -e BILLING_DEMO=true --health-interval disable \
  -e JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$IMAGE" >/dev/null 2>"$CONTEXT/run.log" || { cat "$CONTEXT/run.log" >&2; exit 1; }
cleanup() { podman rm -f "$name" >/dev/null 2>&1 || true; rm -rf "$CONTEXT"; }
trap cleanup EXIT
first=$(ready "$started")
# a restart: the same container, its database made by the first start
# (podman's complaints that it has no systemd to time health checks with go to run.log)
podman stop --time 20 "$name" >/dev/null 2>>"$CONTEXT/run.log" || { cat "$CONTEXT/run.log" >&2; exit 1; }
started=$(date +%s.%N)
podman start "$name" >/dev/null 2>>"$CONTEXT/run.log" || { cat "$CONTEXT/run.log" >&2; exit 1; }
again=$(ready "$started")
echo "image: start to the first answered readiness probe, on $(nproc) cores: ${first} s the first start (schema, demo data), ${again} s a restart"
key=$(podman logs "$name" 2>/dev/null | grep -o 'cb_live_[A-Za-z0-9_-]*' | head -1)
answer=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/mcp-server" \
  -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"tool":"list_workspaces","input":{}}')
[[ $answer == 200 ]] || { echo "image: list_workspaces answered $answer" >&2; podman logs "$name" >&2; exit 1; }
podman healthcheck run "$name" >/dev/null || { echo "image: the health check failed" >&2; exit 1; }
echo "image: the server in it answered list_workspaces (200), its health check passed, and it runs as $(podman top "$name" user | tail -1)"

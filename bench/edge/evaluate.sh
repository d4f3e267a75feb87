#!/usr/bin/env bash
# /evaluate throughput of one edge process with wrk (2 threads, 64 keep-alive connections, 30 s).
#
#   bench/edge/evaluate.sh
#   DURATION=30s CONNECTIONS=64 THREADS=2 WARMUP=10s FLAGS=1000 SEGMENTS=100 bench/edge/evaluate.sh
#   EDGE_JAVA_OPTS="-Dlogback.configurationFile=bench/edge/logback-no-access.xml" bench/edge/evaluate.sh
#
# 1. A control plane (dev.ff.edge.bench.EvaluateSeedBench, its own JVM) on a fresh database
#    ff_ebench_<ms> on PostgreSQL 127.0.0.1:5432 (user postgres, trust) seeds SEGMENTS segments and
#    FLAGS flags through the admin API, publishes and creates an SDK token.
# 2. One edge process, `java -Xmx512m -cp … dev.ff.edge.EdgeServer` (what `ff edge` runs), on
#    :$EDGE_PORT with the production logging (JSON access log on stderr, redirected to a file).
# 3. wrk --latency with evaluate.lua: a WARMUP run (not reported), then the DURATION run.
# Loopback only; every wrk run is time-bounded; the database is dropped and both JVMs stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/edge/common.sh

DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
FLAGS="${FLAGS:-1000}"
SEGMENTS="${SEGMENTS:-100}"
CP_PORT="${CP_PORT:-18081}"
EDGE_PORT="${EDGE_PORT:-18090}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

WORK="$(mktemp -d -t ebench-evaluate.XXXXXX)"
CP_PID=""
EDGE_PID=""
cleanup() {
  if [ -n "$EDGE_PID" ]; then kill "$EDGE_PID" 2>/dev/null || true; wait "$EDGE_PID" 2>/dev/null || true; fi
  if [ -n "$CP_PID" ]; then kill "$CP_PID" 2>/dev/null || true; wait "$CP_PID" 2>/dev/null || true; fi
  # The access log grows by ~450 MB per 40 s of load: keep the folder only with KEEP_LOGS=1.
  if [ "${KEEP_LOGS:-0}" != 1 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap cleanup EXIT

build_edge

echo "== control plane on :$CP_PORT, seeding $SEGMENTS segments and $FLAGS flags (logs: $WORK, removed at exit unless KEEP_LOGS=1)"
java -Xmx512m -cp "$CP" dev.ff.edge.bench.EvaluateSeedBench "$CP_PORT" "$WORK/seed.env" "$FLAGS" \
  "$SEGMENTS" >"$WORK/control.out" 2>"$WORK/control.log" &
CP_PID=$!
for _ in $(seq 1 180); do
  [ -s "$WORK/seed.env" ] && break
  kill -0 "$CP_PID" 2>/dev/null || break
  sleep 1
done
[ -s "$WORK/seed.env" ] || { echo "seeding failed, see $WORK/control.log" >&2; exit 1; }
cat "$WORK/control.out"
. "$WORK/seed.env"

echo "== edge on :$EDGE_PORT (java -Xmx512m ${EDGE_JAVA_OPTS:-})"
FF_CONTROL_URL="$CONTROL_URL" FF_EDGE_ENVIRONMENTS="prod=$SDK_TOKEN" FF_SIGNING_KEYS="$SIGNING_KEYS" \
  FF_HTTP_PORT="$EDGE_PORT" java -Xmx512m ${EDGE_JAVA_OPTS:-} -cp "$EDGE_CP" dev.ff.edge.EdgeServer \
  >"$WORK/edge.out" 2>"$WORK/edge.log" &
EDGE_PID=$!
URL="http://127.0.0.1:$EDGE_PORT"
for _ in $(seq 1 60); do curl -fsS "$URL/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$URL/ready" >/dev/null
echo "== sample: $(curl -fsS -H "Authorization: Bearer $SDK_TOKEN" -H 'Content-Type: application/json' \
  --data '{"envKey":"prod","flagKey":"flag-1","context":{"key":"u7","plan":"pro"}}' "$URL/evaluate")"

echo "== warm-up: wrk $WARMUP (not reported)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s -s bench/edge/evaluate.lua "$URL" \
  -- "$SDK_TOKEN" prod "$FLAGS" | grep -E 'Requests/sec|Non-2xx' || true

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/edge/evaluate.lua $URL"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s bench/edge/evaluate.lua \
  "$URL" -- "$SDK_TOKEN" prod "$FLAGS"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== edge evaluations by reason (warm-up included):"
curl -fsS "$URL/metrics" | grep '^edge_evaluations_total' || true
echo "== edge HTTP statuses:"
curl -fsS "$URL/metrics" | grep '^http_server_requests_seconds_count' | grep -v '/metrics' || true
echo "== edge log: $(wc -l <"$WORK/edge.log") lines, $(du -h "$WORK/edge.log" | cut -f1) (access log included)"

#!/usr/bin/env bash
# Load test of the control plane's /v1 API with wrk + Lua (ops.lua): seeds an environment with
# 10,000 flags, then measures get / list / update / create at a fixed rate and prints p95.
#
#   bench/control/run.sh                      # builds, starts a control plane on a fresh database
#   RATE=200 DURATION=30s bench/control/run.sh
#   BENCH_URL=http://127.0.0.1:8080 BENCH_TOKEN=<root or org admin token> bench/control/run.sh
#
# Needs: wrk (apt-get install wrk), curl, psql and PostgreSQL on 127.0.0.1:5432 (trust auth, as in
# CI) unless BENCH_URL points at a running control plane. Only loopback traffic; every wrk run is
# bounded by DURATION.
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE="${RATE:-200}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-20}"
FLAGS="${FLAGS:-10000}"
SEED_SECONDS="${SEED_SECONDS:-60}"
FF_TARGET="${FF_TARGET:-target}"
PORT="${PORT:-18080}"
SCRIPT=bench/control/ops.lua

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

SERVER_PID=""
DB=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$DB" ]; then psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true; fi
}
trap cleanup EXIT

if [ -z "${BENCH_URL:-}" ]; then
  echo "== building (ff.target=$FF_TARGET)"
  CP_FILE="$PWD/ff-server-control/$FF_TARGET/bench.classpath"
  ./mvnw -B -q -Dff.target="$FF_TARGET" -pl ff-server-control -am package dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -DskipTests -Djacoco.skip=true
  DB="ff_bench_$(date +%s)"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" >/dev/null
  DATA="$(mktemp -d)"
  BENCH_TOKEN="bench-root-token"
  echo "== starting the control plane on :$PORT (database $DB)"
  FF_HTTP_PORT="$PORT" FF_DATA_DIR="$DATA" FF_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    FF_DATABASE_USER=postgres FF_ADMIN_TOKEN="$BENCH_TOKEN" FF_RATE_LIMIT_RPS=100000 \
    FF_RATE_LIMIT_BURST=100000 FF_DATABASE_POOL_SIZE=16 \
    java -Xmx1g -cp "ff-server-control/$FF_TARGET/classes:$(cat "$CP_FILE")" \
    dev.ff.control.ControlPlaneServer > "$DATA/server.log" 2>&1 &
  SERVER_PID=$!
  BENCH_URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 60); do curl -fsS "$BENCH_URL/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "$BENCH_URL/ready" >/dev/null
fi

api() { # method path [body]
  curl -sS -o /dev/null -w '%{http_code}' -X "$1" -H "Authorization: Bearer $BENCH_TOKEN" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$BENCH_URL$2"
}
ORG="bench$(date +%s)"
ENV_PATH="/v1/orgs/$ORG/projects/load/environments/prod"
echo "== org $ORG: $(api POST /v1/orgs "{\"key\":\"$ORG\",\"name\":\"Bench\"}")" \
  "project: $(api POST "/v1/orgs/$ORG/projects" '{"key":"load","name":"Load"}')" \
  "env: $(api POST "/v1/orgs/$ORG/projects/load/environments" '{"key":"prod","name":"Prod"}')"

run() { # op rate duration connections
  wrk -t1 -c"$4" -d"$3" --timeout 10s -s "$SCRIPT" "$BENCH_URL" -- "$1" "$BENCH_TOKEN" "$ENV_PATH" "$2" "$4" "$FLAGS" \
    | grep '^RESULT' | sed "s/^RESULT /RESULT op=$1 /"
}

echo "== seeding $FLAGS flags (unthrottled, ${SEED_SECONDS}s at most)"
run seed 0 "${SEED_SECONDS}s" 8
test "$(api GET "$ENV_PATH/flags/bench-$((FLAGS - 1))")" = 200 || { echo "seeding incomplete" >&2; exit 1; }

echo "== measuring at $RATE req/s for $DURATION each ($CONNECTIONS connections)"
for op in get list update create; do
  run "$op" "$RATE" "$DURATION" "$CONNECTIONS"
done

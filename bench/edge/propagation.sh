#!/usr/bin/env bash
# Propagation delay: publish at the control plane → edge replicas → SDK streams of the edges.
#
#   bench/edge/propagation.sh                     # 200 publishes, 100 SSE clients, 3 edges, 5 rollbacks
#   PUBLISHES=50 CLIENTS=100 EDGES=3 ROLLBACKS=5 bench/edge/propagation.sh
#   FF_TARGET=target-x SKIP_BUILD=1 bench/edge/propagation.sh
#
# One JVM (dev.ff.edge.bench.PropagationBench, a main under ff-server-edge's test sources): a control
# plane on a fresh database ff_ebench_<ms> on PostgreSQL 127.0.0.1:5432 (user postgres, trust;
# -Dff.bench.pg.url=... to change), dropped at the end; the edges and the SSE clients in the same JVM.
# Loopback only; bounded (each publish waits at most 10 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/edge/common.sh

PUBLISHES="${PUBLISHES:-200}"
CLIENTS="${CLIENTS:-100}"
EDGES="${EDGES:-3}"
ROLLBACKS="${ROLLBACKS:-5}"

build_edge
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
LOG="$(mktemp -t ebench-propagation.XXXXXX.log)"
echo "== running PropagationBench (server logs: $LOG)"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.ff.edge.bench.PropagationBench \
  "$PUBLISHES" "$CLIENTS" "$EDGES" "$ROLLBACKS" 2>"$LOG"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

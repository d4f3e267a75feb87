#!/usr/bin/env bash
# Builds the benchmark jar, runs the full sanity check once for every peer, runs the JMH peer
# benchmarks and writes a Markdown table with one column per peer. Everything runs offline: each
# peer reads its flags from a file bundled in the jar.
#
# Usage:  jmh/run.sh [REGEX] [more JMH options]
#   REGEX     which benchmarks (JMH include pattern); default 'dev\.ff\.jmh\.peers\.' (every peer,
#             every scenario). Examples: 'peers\.(ff|launchdarkly)\.'  'S2Complex'
#   options   passed to JMH as they are, e.g. -prof gc
#
# Environment (the defaults give: -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff results.json):
#   FORKS=1  WARMUP_ITERATIONS=3  WARMUP_TIME=2s  ITERATIONS=5  ITERATION_TIME=2s
#   RESULTS=results.json   JMH's JSON; the table (.md) and this script's whole output (.log) go
#                          beside it, with the same name
#   SKIP_BUILD=1           reuse the jar that is there
#   SKIP_SANITY=1          skip the standalone check (every fork still checks its own peer)
#   FF_TARGET=target       build folder inside jmh/ (Maven property ff.target)
#   JAVA=java  MVN=../mvnw  MVN_FLAGS=   tools, and extra Maven flags such as -o
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA:-java}"
MVN="${MVN:-../mvnw}"
MVN_FLAGS="${MVN_FLAGS:-}"
FF_TARGET="${FF_TARGET:-target}"
FORKS="${FORKS:-1}"
WARMUP_ITERATIONS="${WARMUP_ITERATIONS:-3}"
WARMUP_TIME="${WARMUP_TIME:-2s}"
ITERATIONS="${ITERATIONS:-5}"
ITERATION_TIME="${ITERATION_TIME:-2s}"
RESULTS="${RESULTS:-results.json}"
BENCH='dev\.ff\.jmh\.peers\.'
if [[ $# -gt 0 && "$1" != -* ]]; then
  BENCH="$1"
  shift
fi
JAR="$FF_TARGET/benchmarks.jar"
LOG="${RESULTS%.json}.log"
TABLE="${RESULTS%.json}.md"

: > "$LOG"
exec > >(tee -a "$LOG") 2>&1

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f "$JAR" ]]; then
  echo "== build"
  # shellcheck disable=SC2086
  "$MVN" -B -q $MVN_FLAGS -f ../pom.xml -Dff.target="$FF_TARGET" -pl jmh -am package \
    -DskipTests -Djacoco.skip=true
fi

echo "== environment"
"$JAVA" -version 2>&1 | head -1
echo "cpus: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)  date: $(date -u +%FT%TZ)"
if command -v vmstat >/dev/null; then vmstat 1 3; fi

if [[ "${SKIP_SANITY:-0}" != "1" ]]; then
  echo "== sanity check (every peer, once, before measuring)"
  "$JAVA" -cp "$JAR" dev.ff.jmh.tools.SanityMain
fi

echo "== JMH"
set -x
"$JAVA" -jar "$JAR" \
  -f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$ITERATION_TIME" \
  -rf json -rff "$RESULTS" "$BENCH" "$@"
set +x

echo "== table (ns/op: lower is better; Mops/s summed over both threads: higher is better)"
"$JAVA" -cp "$JAR" dev.ff.jmh.tools.Report "$RESULTS" "$TABLE"

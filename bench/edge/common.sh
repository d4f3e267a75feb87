# Shared by bench/edge/*.sh (sourced): builds ff-server-edge (main + test classes, with the
# control plane it tests against) into $FF_TARGET and sets CP to the test-scope classpath.
FF_TARGET="${FF_TARGET:-target-ebench}"
EDGE_DIR="$PWD/ff-server-edge/$FF_TARGET"
CP_FILE="$EDGE_DIR/bench.classpath"

build_edge() {
  if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$CP_FILE" ]; then
    echo "== building ff-server-edge (ff.target=$FF_TARGET)"
    ./mvnw -B -q -Dff.target="$FF_TARGET" -pl ff-server-edge -am test-compile \
      dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test \
      -DskipTests -Djacoco.skip=true
  fi
  CP="$EDGE_DIR/test-classes:$EDGE_DIR/classes:$(cat "$CP_FILE")"
  # The edge process runs without test-classes (so with the production logback.xml).
  EDGE_CP="$EDGE_DIR/classes:$(cat "$CP_FILE")"
}

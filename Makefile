# Two commands do everything on a fresh machine:
#   make run    build, then run the platform on embedded defaults
#   make test   lint + every test + coverage gate (what CI runs)
MVN ?= ./mvnw -B
BUILD_FLAGS ?= -DskipTests -Djacoco.skip=true

.PHONY: all build test lint run demo bench fmt clean help

all: build

help:
	@echo "make build   compile and package (ff-cli/target/ff.jar, jmh/target/benchmarks.jar)"
	@echo "make test    lint, all tests, JaCoCo report and coverage gate"
	@echo "make lint    formatting check (google-java-format) and architecture rules"
	@echo "make run     build, then run the platform (bin/ff serve) on embedded defaults"
	@echo "make demo    build, then evaluate the demo config offline with bin/ff eval"
	@echo "make bench   JMH: ff beside LaunchDarkly, Unleash and flagd (about 15 minutes)"
	@echo "make fmt     reformat Java sources"

build:
	$(MVN) -q package $(BUILD_FLAGS)

test:
	$(MVN) spotless:check verify

lint:
	$(MVN) -q spotless:check
	$(MVN) -q -pl ff-core -am test -Dtest='dev.ff.core.arch.**' -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true

fmt:
	$(MVN) -q spotless:apply

# The whole platform on embedded defaults: embedded PostgreSQL under ./data, demo data on first start.
run: build
	bin/ff serve

# The shipped demo config evaluated offline with the CLI: one result per request line.
demo: build
	bin/ff validate examples/demo/config.json
	bin/ff eval --config examples/demo/config.json < examples/demo/requests.jsonl

bench: build
	SKIP_BUILD=1 jmh/run.sh

clean:
	$(MVN) -q clean

# Lattice: `make run` serves the sample graph, `make test` runs every test.
# Both start the project's own local Neo4j unless told to use another one.

SHELL := /bin/bash
NEO4J := bash neo4j/neo4j.sh
GO_TEST_FLAGS ?= -count=1 -timeout 30m
# The GraphQL-over-HTTP audit (graphql-http, pinned in its package.json).
AUDIT := test/http

.PHONY: run test neo4j neo4j-stop test-neo4j-stop generate bench bench-10x bench-peer ui

## run: serve GraphQL on :8080 with the sample graph (local Neo4j unless NEO4J_URI is set)
run:
	@if [ -z "$$NEO4J_URI" ]; then $(NEO4J) start dev; fi
	go run ./cmd/lattice serve -load-sample

## test: vet, unit and integration tests, on the test Neo4j instance unless
## LATTICE_TEST_NEO4J_URI names a throwaway database (the fault test, which
## stops and starts the instance, then needs LATTICE_TEST_NEO4J_CONTROL and
## LATTICE_TEST_NEO4J_INSTANCE too)
test: $(AUDIT)/node_modules/.package-lock.json
	@if [ "$$CI" = true ] && [ ! -d ../shared/data ]; then \
		echo "make test: ../shared/data is missing; CI needs it beside the checkout" >&2; exit 1; fi
	go vet ./...
	@set -e; \
	if [ -z "$$LATTICE_TEST_NEO4J_URI" ]; then \
		$(NEO4J) start test; \
		eval "$$($(NEO4J) env test | sed 's/^export NEO4J_/export LATTICE_TEST_NEO4J_/')"; \
		export LATTICE_TEST_NEO4J_CONTROL="$(NEO4J)" LATTICE_TEST_NEO4J_INSTANCE=test; \
	fi; \
	go test -p 1 $(GO_TEST_FLAGS) ./...

# npm ci writes node_modules/.package-lock.json: installed once, and again
# when package-lock.json changes.
$(AUDIT)/node_modules/.package-lock.json: $(AUDIT)/package-lock.json
	npm ci --prefix $(AUDIT) --no-audit --no-fund
	@touch $@

## neo4j: start (or reuse) the local Neo4j that `make run` and the CLI use
neo4j:
	@$(NEO4J) start dev

## neo4j-stop: stop the local Neo4j (its data stays in .neo4j/dev)
neo4j-stop:
	@$(NEO4J) stop dev

## test-neo4j-stop: stop the test instance
test-neo4j-stop:
	@$(NEO4J) stop test

## ui: the explorer's picture libraries (pinned in web/ui/package-lock.json),
## their own minified builds and licences copied to web/static/vendor/, which
## is committed and built into the binary; CI runs this and fails on a change
# (Chart.js's build bundles @kurkle/color, so its licence travels with it.)
UI_VENDOR := web/static/vendor
UI_MODULES := web/ui/node_modules
ui:
	npm ci --prefix web/ui --no-audit --no-fund
	rm -rf $(UI_VENDOR)
	mkdir -p $(UI_VENDOR)
	cp $(UI_MODULES)/cytoscape/dist/cytoscape.min.js $(UI_VENDOR)/cytoscape.min.js
	cp $(UI_MODULES)/cytoscape/LICENSE $(UI_VENDOR)/cytoscape.LICENSE
	cp $(UI_MODULES)/chart.js/dist/chart.umd.min.js $(UI_VENDOR)/chart.umd.min.js
	cp $(UI_MODULES)/chart.js/LICENSE.md $(UI_VENDOR)/chart.js.LICENSE.md
	cp $(UI_MODULES)/@kurkle/color/LICENSE.md $(UI_VENDOR)/kurkle-color.LICENSE.md

## generate: regenerate graph/ from schema.graphqls
generate:
	go generate ./...

## bench: the benchmarks, with their figures (the questions at O*NET scale
## with CIP's programs: resolvers' BenchmarkQuestions)
bench:
	@set -e; \
	if [ -z "$$LATTICE_TEST_NEO4J_URI" ]; then \
		$(NEO4J) start test; \
		eval "$$($(NEO4J) env test | sed 's/^export NEO4J_/export LATTICE_TEST_NEO4J_/')"; \
	fi; \
	go test -p 1 -run '^$$' -bench . -benchmem ./...

# The peer's npm packages (bench/peer), installed like the audit's.
PEER := bench/peer
$(PEER)/node_modules/.package-lock.json: $(PEER)/package-lock.json
	npm ci --prefix $(PEER) --no-audit --no-fund
	@touch $@

## bench-peer: Lattice side by side with @neo4j/graphql on the test Neo4j
## (makes it hold the sample graph and O*NET, -programs adds CIP; flags in
## BENCH_PEER_FLAGS, e.g. BENCH_PEER_FLAGS='-round 12s')
bench-peer: $(PEER)/node_modules/.package-lock.json
	@set -e; \
	if [ -z "$$LATTICE_TEST_NEO4J_URI" ]; then \
		$(NEO4J) start test; \
		eval "$$($(NEO4J) env test | sed 's/^export NEO4J_/export LATTICE_TEST_NEO4J_/')"; \
	fi; \
	go run ./cmd/benchpeer $(BENCH_PEER_FLAGS)

## bench-10x: the same question figures on a synthetic graph ten times O*NET,
## built once (lattice sample -scale 10: a second run finds it there) in the `bench` instance (3 GB heap,
## 2 GB page cache), or in LATTICE_TEST_NEO4J_URI's database when set; it
## reads ../shared/data (LATTICE_DATA). BENCH_REBUILD=1 builds it again.
bench-10x:
	@set -e; \
	if [ -z "$$LATTICE_TEST_NEO4J_URI" ]; then \
		$(NEO4J) start bench; \
		eval "$$($(NEO4J) env bench | sed 's/^export NEO4J_/export LATTICE_TEST_NEO4J_/')"; \
	fi; \
	export NEO4J_URI="$$LATTICE_TEST_NEO4J_URI" NEO4J_USERNAME="$$LATTICE_TEST_NEO4J_USERNAME" \
		NEO4J_PASSWORD="$$LATTICE_TEST_NEO4J_PASSWORD" NEO4J_DATABASE="$$LATTICE_TEST_NEO4J_DATABASE"; \
	go run ./cmd/lattice sample -scale 10 -seed 1 $${BENCH_REBUILD:+-replace}; \
	LATTICE_BENCH_GRAPH=10x go test -p 1 -run '^$$' -bench BenchmarkQuestions -benchmem -timeout 60m ./resolvers/

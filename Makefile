# orgtrust: build, test and release tasks. Every target works on a fresh clone.
SHELL          := /bin/bash
.SHELLFLAGS    := -eu -o pipefail -c
.DEFAULT_GOAL  := test

PULUMI_VERSION := v3.250.0
VERSION        ?= 0.1.0-dev
MODULE         := github.com/orgtrust/pulumi-orgtrust
BIN            := $(CURDIR)/bin
PULUMI         := $(BIN)/pulumi
PROVIDER       := $(BIN)/pulumi-resource-orgtrust
GO_TEST_FLAGS  ?= -timeout 30m

.PHONY: tools provider schema test test-unit lint install bench clean plan sdks test-sdks python-env maven-repo dist

## tools: build the Pulumi CLI $(PULUMI_VERSION) and the YAML, Go, Node.js, Python and Java language hosts from the
## Go module proxy into bin/ (each reused when present)
tools: $(PULUMI)

$(PULUMI): .ci/tools/pulumi/go.mod
	cd .ci/tools/pulumi && go build -o $(PULUMI) \
		-ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" \
		github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
	@touch $(PULUMI)

PULUMI_YAML_VERSION := v1.25.0
LANGUAGE_YAML       := $(BIN)/pulumi-language-yaml

# tools also builds pulumi-language-yaml $(PULUMI_YAML_VERSION), the YAML language host the engine runs
# Pulumi YAML programs with (the CLI finds it beside itself in bin/).
tools: $(LANGUAGE_YAML)

$(LANGUAGE_YAML): .ci/tools/pulumi-yaml/go.mod
	cd .ci/tools/pulumi-yaml && go build -o $(LANGUAGE_YAML) \
		-ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$(PULUMI_YAML_VERSION)" \
		github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
	@touch $(LANGUAGE_YAML)

# tools also builds the language hosts the engine runs Go, TypeScript, Python and Java programs with, pinned.
# Pulumi moved them out of the Go module proxy's reach (their own go.mod files with `replace`, or none
# published) after these versions: the Go host lived in github.com/pulumi/pulumi/sdk/v3 up to v3.62.0, the
# Node.js and Python hosts up to v3.68.0; pulumi-language-java is github.com/pulumi/pulumi-java/pkg's. `go
# install pkg@version` refuses a module whose go.mod has a `replace`, so .ci/tools/build-from-module downloads
# the module and builds the command in a copy of it (README: "Language hosts"). Each is reused when present.
SDK_GO_HOST_VERSION     := v3.62.0
SDK_HOSTS_VERSION       := v3.68.0
PULUMI_JAVA_VERSION     := v1.12.0
LANGUAGE_GO             := $(BIN)/pulumi-language-go
LANGUAGE_NODEJS         := $(BIN)/pulumi-language-nodejs
LANGUAGE_PYTHON         := $(BIN)/pulumi-language-python
LANGUAGE_PYTHON_EXEC    := $(BIN)/pulumi-language-python-exec
LANGUAGE_JAVA           := $(BIN)/pulumi-language-java
BUILD_FROM_MODULE       := .ci/tools/build-from-module
SDK_MODULE              := github.com/pulumi/pulumi/sdk/v3
SDK_VERSION_FLAG        := -X $(SDK_MODULE)/go/common/version.Version

tools: $(LANGUAGE_GO) $(LANGUAGE_NODEJS) $(LANGUAGE_PYTHON) $(LANGUAGE_PYTHON_EXEC) $(LANGUAGE_JAVA)

$(LANGUAGE_GO): $(BUILD_FROM_MODULE)
	$(BUILD_FROM_MODULE) $(SDK_MODULE) $(SDK_GO_HOST_VERSION) go/pulumi-language-go $@ \
		"$(SDK_VERSION_FLAG)=$(SDK_GO_HOST_VERSION)"

$(LANGUAGE_NODEJS): $(BUILD_FROM_MODULE)
	$(BUILD_FROM_MODULE) $(SDK_MODULE) $(SDK_HOSTS_VERSION) nodejs/cmd/pulumi-language-nodejs $@ \
		"$(SDK_VERSION_FLAG)=$(SDK_HOSTS_VERSION)"

$(LANGUAGE_PYTHON): $(BUILD_FROM_MODULE)
	$(BUILD_FROM_MODULE) $(SDK_MODULE) $(SDK_HOSTS_VERSION) python/cmd/pulumi-language-python $@ \
		"$(SDK_VERSION_FLAG)=$(SDK_HOSTS_VERSION)"

# The Python host runs programs through this script, which it looks for beside itself.
$(LANGUAGE_PYTHON_EXEC):
	dir=$$(go mod download -json $(SDK_MODULE)@$(SDK_HOSTS_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
		install -m 0755 "$$dir/python/cmd/pulumi-language-python-exec" $@

$(LANGUAGE_JAVA): $(BUILD_FROM_MODULE)
	$(BUILD_FROM_MODULE) github.com/pulumi/pulumi-java/pkg $(PULUMI_JAVA_VERSION) cmd/pulumi-language-java $@ \
		"-X github.com/pulumi/pulumi-java/pkg/version.Version=$(PULUMI_JAVA_VERSION)"

## provider: build the provider plugin bin/pulumi-resource-orgtrust
provider:
	go build -o $(PROVIDER) -ldflags "-X $(MODULE)/provider.Version=$(VERSION)" ./provider/cmd/pulumi-resource-orgtrust

## schema: regenerate schema/schema.json from the provider, in-process (no CLI, no plugin build), without its version
schema:
	go run ./provider/cmd/pulumi-gen-orgtrust schema -out schema/schema.json

## test: the default suite: unit, provider and engine tests (builds the CLI and the provider first)
test: tools provider
	go test $(GO_TEST_FLAGS) ./...

## test-unit: only the tests that need neither the CLI nor the provider binary
test-unit:
	go test $(GO_TEST_FLAGS) ./components/... ./provider/... ./examples/...

## lint: gofmt and go vet
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^sdk/')); \
		if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	go vet ./...
	cd provider/cmd/pulumi-gen-orgtrust-java && go vet ./...

## install: put the provider plugin into the Pulumi plugin cache ($$PULUMI_HOME/plugins), where the engine finds it
install: tools provider
	$(PULUMI) plugin install resource orgtrust $(VERSION) --file $(PROVIDER) --reinstall

## bench: the benchmarks, each measured in one run; prints their summary lines last
bench: tools provider
	go test ./tests/ -run '^$$' -bench 'TrustedAccess40Principals' -benchtime 1x -count 1 | tee $(BIN)/bench.txt
	go test ./components/ -run '^$$' -bench 'IdentityCenterSetup50k' -benchtime 1x -benchmem -count 1 | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./components/ -run '^TestIdentityCenterOverhead$$' -benchtime 1x -count 1 -v | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./provider/plan/ -run '^TestPlanScale$$' -count 1 -v | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./provider/plan/ -run '^TestPlanOrganizationConfigurationScale$$' -count 1 -v | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./tests/ -run '^$$' -bench 'AccountAssignments10k' -benchtime 1x -count 1 -timeout 30m | tee -a $(BIN)/bench.txt
	go test ./tests/ -run '^$$' -bench 'DiscoverLargeOrganization' -benchtime 1x -count 1 | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./tests/ -run '^TestAdoptionLargeRealEngineBench$$' -count 1 -v -timeout 60m | tee -a $(BIN)/bench.txt
	ORGTRUST_BENCH=1 go test ./tests/ -run '^$$' -bench 'TagTargets2000Accounts' -benchtime 1x -count 1 | tee -a $(BIN)/bench.txt
	@echo
	@grep -h '^trustedaccess ' $(BIN)/bench.txt
	@grep -h '^BenchmarkIdentityCenterSetup50k' $(BIN)/bench.txt
	@grep -h '^identitycenter overhead' $(BIN)/bench.txt
	@grep -h '^plan 100000 assignments' $(BIN)/bench.txt
	@grep -h '^organization configuration 5 services' $(BIN)/bench.txt
	@grep -h '^assignments 10000 create:' $(BIN)/bench.txt
	@grep -h '^assignments 10000 create per-resource:' $(BIN)/bench.txt
	@grep -h '^assignments 10000 refresh:' $(BIN)/bench.txt
	@grep -h '^assignments 10000 refresh with undeclared:' $(BIN)/bench.txt
	@grep -h '^assignments 10000 engine:' $(BIN)/bench.txt
	@grep -h '^discover 2000 accounts' $(BIN)/bench.txt
	@grep -h '^adoption 1500 permission-sets' $(BIN)/bench.txt
	@grep -h '^tag targets 2000 accounts' $(BIN)/bench.txt

## clean: remove built binaries
clean:
	rm -rf $(BIN)

## sdks: regenerate sdk/go, sdk/nodejs and sdk/python, and sdk/java (pulumi-java's generator, a Go module of its own),
## from schema/schema.json (run `make schema` first when the provider changed)
sdks:
	go run ./provider/cmd/pulumi-gen-orgtrust sdks -schema schema/schema.json -out sdk
	cd provider/cmd/pulumi-gen-orgtrust-java && \
		go run . -schema $(CURDIR)/schema/schema.json -out $(CURDIR)/sdk/java -version $(VERSION)

## test-sdks: check sdk/ is up to date, compile the SDKs (tsc, compileall, go build, mvn) and check the TypeScript, Python, YAML and Java examples
test-sdks:
	go test $(GO_TEST_FLAGS) -count=1 -run 'SDK' ./tests/

STACK_CONFIG   ?= Pulumi.example.yaml
FIXTURES       ?= examples/baseline/plan-fixtures.yaml
FORMAT         ?= text

## plan: `bin/orgtrust plan`: run the baseline program (examples/baseline) with STACK_CONFIG under Pulumi's mock runtime, no AWS
## account and no network: every resource in create order with its parent and dependencies, the destroy
## order, and the validation errors (exit 1); above 200 resources, a summary instead (counts by type and
## component, assignments by rule). FORMAT=full lists every resource whatever the size, FORMAT=summary
## summarizes whatever the size, FORMAT=mermaid prints the dependency graph as a Mermaid diagram (like
## resources collapsed above 200); FIXTURES answers the simulated AWS lookups.
plan:
	@go build -o $(BIN)/orgtrust ./provider/cmd/orgtrust
	@$(BIN)/orgtrust plan -config "$(STACK_CONFIG)" -fixtures "$(FIXTURES)" -format "$(FORMAT)"

CACHE_DIR    ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/orgtrust
PYTHON_REQS  := tests/testdata/python/requirements.txt
PYTHON_ENV   := $(CACHE_DIR)/python-$(shell sha256sum $(PYTHON_REQS) | cut -c1-12)
# The tests find the environment here (tests/python_test.go).
export ORGTRUST_PYTHON_ENV := $(PYTHON_ENV)

## python-env: install the Python packages the tests run with (the pulumi SDK from PyPI, moto) into a virtual
## environment in the cache directory, keyed by $(PYTHON_REQS) (reused when present)
python-env: $(PYTHON_ENV)/.complete

# No prerequisite: the directory's name carries the hash of $(PYTHON_REQS), and a fresh clone's file times
# would otherwise rebuild the environment on every CI run.
$(PYTHON_ENV)/.complete:
	rm -rf $(PYTHON_ENV)
	python3 -m venv $(PYTHON_ENV)
	$(PYTHON_ENV)/bin/python -m pip install -q --disable-pip-version-check -r $(PYTHON_REQS)
	@touch $@

test: python-env

MAVEN_REPO     ?= $(CACHE_DIR)/m2
MAVEN_POMS     := sdk/java/pom.xml $(sort $(wildcard examples/*-java/pom.xml))
MAVEN_KEY      := $(shell cat $(MAVEN_POMS) | sha256sum | cut -c1-12)
MVN            := mvn -B -q -Dmaven.repo.local=$(MAVEN_REPO)
# The tests find the repository here (tests/java_test.go) and build offline from it.
export ORGTRUST_MAVEN_REPO := $(MAVEN_REPO)

## maven-repo: resolve, online, what the Java SDK and examples build with (com.pulumi:pulumi from Maven Central and
## the compile, jar, install and exec plugins) into the local Maven repository $(MAVEN_REPO), once for each version
## of their pom.xml files: it builds copies of them; without mvn it only says so (the Java tests then skip)
maven-repo: $(MAVEN_REPO)/.complete-$(MAVEN_KEY)

# The marker carries the hash of the poms, as the Python environment's name does.
$(MAVEN_REPO)/.complete-$(MAVEN_KEY):
	@if ! command -v mvn >/dev/null; then echo "maven-repo: mvn is not installed: install Maven 3.6+ and a JDK 11+ to build the Java SDK"; exit 0; fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cp -r sdk/java "$$tmp/sdk"; rm -rf "$$tmp/sdk/target"; \
	$(MVN) -f "$$tmp/sdk/pom.xml" resources:resources compiler:compile jar:jar install:install; \
	for pom in $(filter examples/%,$(MAVEN_POMS)); do \
		ex=$$(dirname $$pom); cp -r $$ex "$$tmp/example"; rm -rf "$$tmp/example/target"; \
		$(MVN) -f "$$tmp/example/pom.xml" test-compile exec:help; rm -rf "$$tmp/example"; \
	done; \
	touch $@

test: maven-repo

DIST_DIR       ?= $(BIN)/dist
DIST_PLATFORMS ?= linux-amd64 linux-arm64 darwin-amd64 darwin-arm64 windows-amd64 windows-arm64
# The go command dist builds with (tests/release_test.go gives a stand-in, to check the archives of every
# platform without cross-compiling six times).
DIST_GO        ?= go

## dist: the release archives the engine downloads, pulumi-resource-orgtrust-v$$(VERSION)-<os>-<arch>.tar.gz for
## each of DIST_PLATFORMS, and their SHA-256 checksums, into DIST_DIR
dist:
	rm -rf $(DIST_DIR) && mkdir -p $(DIST_DIR)
	for platform in $(DIST_PLATFORMS); do \
		os=$${platform%-*}; arch=$${platform#*-}; exe=pulumi-resource-orgtrust; \
		if [ "$$os" = windows ]; then exe=$$exe.exe; fi; \
		stage=$(DIST_DIR)/.stage-$$platform; mkdir -p $$stage; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(DIST_GO) build -trimpath -o $$stage/$$exe \
			-ldflags "-s -w -X $(MODULE)/provider.Version=$(VERSION)" ./provider/cmd/pulumi-resource-orgtrust; \
		cp README.md $$stage/; \
		tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C $$stage \
			-czf $(DIST_DIR)/pulumi-resource-orgtrust-v$(VERSION)-$$platform.tar.gz $$exe README.md; \
		rm -rf $$stage; \
	done
	cd $(DIST_DIR) && sha256sum pulumi-resource-orgtrust-v$(VERSION)-*.tar.gz > pulumi-resource-orgtrust-v$(VERSION)-checksums.txt

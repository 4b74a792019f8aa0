# inertia: build, tests and a local test VPS. `make help` lists the targets.
SHELL := /bin/bash

VPS_OS      ?= debian
VERSION     ?= bookworm
DOCKER      ?= yes
SYSTEMD     ?= no
SSH_PORT    ?= 2222
DAEMON_PORT ?= 4303
APP_PORT    ?= 8000
MVN         ?= mvn -B
PREFIX      ?= $(HOME)/.local

.PHONY: help build install-cli test test-all verify images daemon-image bench reliability testenv testenv-clean demo demo-clean

help:
	@echo "make build          build the jars (mvn -B package -DskipTests)"
	@echo "make install-cli    after 'make build': link bin/inertia into PREFIX/bin, man pages into PREFIX/share/man/man1 (PREFIX=$(PREFIX))"
	@echo "make test           fast tier: unit and in-process tests (mvn -B test)"
	@echo "make test-all       every tier incl. Docker/SSH *IT tests (mvn -B verify); needs 'make images'"
	@echo "make images         build the local stand-in and test VPS images (test_env/images.sh)"
	@echo "make daemon-image   build the daemon image ghcr.io/ubclaunchpad/inertiad:v<version> (scripts/build-daemon-image.sh)"
	@echo "make bench          webhook benchmark: 202 latency p50/p99 and deploys per push burst (scripts/bench-webhook.sh)"
	@echo "make reliability    attacks, crashes and memory against the daemon image on local Docker; one table, fails if any check fails (docs/reliability.md)"
	@echo "make testenv        start test VPS 'testvps': VPS_OS=$(VPS_OS) VERSION=$(VERSION) DOCKER=$(DOCKER) SYSTEMD=$(SYSTEMD) SSH_PORT=$(SSH_PORT)"
	@echo "make testenv-clean  remove 'testvps' and its volumes"
	@echo "make demo           build everything, start demo-vps + demo-git, bootstrap with bin/inertia, deploy the sample app, curl it (scripts/demo.sh)"
	@echo "make demo-clean     remove what make demo created: demo-vps, demo-git, /tmp/inertia-demo (scripts/demo-clean.sh)"

build:
	$(MVN) package -DskipTests

# The launcher is linked (it finds the jar next to itself through the link); man pages are copied.
install-cli:
	@test -f inertia-cli/target/inertia.jar || { echo "error: inertia-cli/target/inertia.jar missing - perhaps you should run 'make build'" >&2; exit 1; }
	mkdir -p $(PREFIX)/bin $(PREFIX)/share/man/man1
	ln -sf $(CURDIR)/bin/inertia $(PREFIX)/bin/inertia
	install -m 644 inertia-cli/target/generated-docs/man/*.1 $(PREFIX)/share/man/man1/
	@echo "installed: $(PREFIX)/bin/inertia and $$(ls inertia-cli/target/generated-docs/man | wc -l) man pages ('man inertia')"
	@echo "completion: add 'source <(inertia completion bash)' to ~/.bashrc (zsh: 'inertia completion zsh' in ~/.zshrc)"

test:
	$(MVN) test

test-all verify:
	$(MVN) verify

images:
	test_env/images.sh

daemon-image:
	scripts/build-daemon-image.sh

bench:
	scripts/bench-webhook.sh

# INERTIA_RELIABILITY_IMAGE=<image> runs it against another daemon image (docs/reliability.md lists the knobs).
reliability:
	$(MVN) -q -pl inertia-reliability -am package -DskipTests
	java -jar inertia-reliability/target/inertia-reliability.jar

testenv:
	VPS_OS=$(VPS_OS) VERSION=$(VERSION) DOCKER=$(DOCKER) SYSTEMD=$(SYSTEMD) SSH_PORT=$(SSH_PORT) \
	DAEMON_PORT=$(DAEMON_PORT) APP_PORT=$(APP_PORT) NAME=testvps test_env/start_vps.sh

testenv-clean:
	docker rm -f -v testvps 2>/dev/null || true
	rm -f test_env/keys/known_hosts

demo:
	scripts/demo.sh

demo-clean:
	scripts/demo-clean.sh

# Two commands: `make run` serves the demo desk, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NEWSDESK_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test test-python e2e browser install tools migrate demo serve clean bench lint docs topology-test

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,docs]"
	touch $(STAMP)

# The independent checkers (Nu Html Checker, schema.org validator, axe-core, Lighthouse) come from npm.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

tools: node_modules/.installed

install: $(STAMP)

migrate: install
	$(BIN)/newsdesk migrate --noinput
	$(BIN)/newsdesk collectstatic --noinput --verbosity 0

demo: migrate
	$(BIN)/newsdesk demo

run: demo
	$(BIN)/newsdesk serve

test-python: install tools
	$(BIN)/pytest newsdesk -n 2 -q

# Browser tests drive Debian's chromium (never a downloaded browser), with a font for Arabic-script text;
# apt installs both on a fresh machine.
E2E_APT := chromium fonts-sil-scheherazade

browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=ur | grep -q .; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(E2E_APT); fi

# A browser test that fails runs once more (as Playwright's own CI setup does); the summary counts reruns.
e2e: install tools browser
	$(BIN)/pytest e2e -q --reruns 1

# Lint and format check; `$(BIN)/ruff format .` and `$(BIN)/ruff check --fix .` mend most findings.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The documentation site (docs/, mkdocs.yml) into site/; strict, so a broken link or include fails.
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

test: lint test-python e2e docs

# The production topology on loopback (Varnish, granian, PostgreSQL, Redis, the task worker), smoke-tested
# and torn down: deploy/topology_test.py. Needs PostgreSQL and Redis answering on 127.0.0.1.
topology-test: install
	@command -v varnishd >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish; }
	$(BIN)/python deploy/topology_test.py

bench: install
	for script in bench/*.py; do $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) data node_modules site

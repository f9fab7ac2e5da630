# The everyday commands. `make` sets everything up and runs the main job (update the
# catalogues, build every language); `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MI     := $(BIN)/marp-i18n

.PHONY: all deps python node system update build render check report screenshots test lint bench bench-scaling fuzz clean

all: deps update build

deps: python node system

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# The pinned Marp (package-lock.json) for rendering and for the structure tests.
node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: Marp rendering and the Marp structure tests are skipped"; fi

# Debian packages, installed as root when missing (one apt-get update for all):
# GNU gettext (msgcat, msgfmt) proves the catalogues are canonical; Chromium renders
# PDFs and runs the page tests.
system:
	@missing=""; \
	command -v msgcat >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not installed:$$missing (needs root): the tests that need them are skipped"; fi; \
	fi

# Incremental: update runs when a deck, a catalogue or the settings changed since the
# last run, build when update ran or an asset changed; nothing changed, no work
# (`make -B` forces both). The stamps live in build/.make/.
STAMPS     := build/.make
# Folders too: a deleted deck changes its folder's time, not any file's.
SOURCES    := $(shell find slides -not -name '.*' 2>/dev/null)
CATALOGUES := $(shell find locales -name '*.po' 2>/dev/null)

update: $(STAMPS)/update
$(STAMPS)/update: $(SOURCES) $(CATALOGUES) pyproject.toml | python
	$(MI) update
	@mkdir -p $(@D) && touch $@

build: $(STAMPS)/build
$(STAMPS)/build: $(STAMPS)/update | python
	$(MI) build
	@touch $@

render: deps build
	$(MI) render

check: python
	$(MI) check

# The status page (build/report/index.html) and a badge per language.
report: build
	$(MI) report

# Remake the README's screenshots of the status and review pages.
screenshots: python node
	$(BIN)/python tools/screenshots.py

# The suite, then the CI gate on the example course (every language complete, no
# translation that breaks a slide).
test: deps
	$(BIN)/pytest -n auto -q -rs
	$(MI) check

lint: python
	$(BIN)/ruff check i18n tests
	$(BIN)/ruff format --check i18n tests
	$(BIN)/mypy i18n tests

# Speed and memory on the real corpus against mdpo and translate-toolkit, written to
# bench/results.md (about 10 minutes); bench-scaling: linearity on 1-8 MB decks.
bench: python
	$(BIN)/python tools/bench.py

bench-scaling: python
	$(BIN)/python tools/bench_scaling.py

# Real edit histories (../shared/histories) replayed through update and GNU msgmerge
# --previous, written to bench/history.md (a few minutes).
.PHONY: bench-history
bench-history: python system
	$(BIN)/python tools/bench_history.py

fuzz: python
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:xdist tests/test_properties.py tests/test_robustness.py

clean:
	rm -rf build

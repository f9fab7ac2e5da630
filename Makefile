# The everyday commands. `make` sets everything up and runs the main job (update the
# catalogues, build every language); `make test` runs the test suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MI     := $(BIN)/marp-i18n

.PHONY: all deps python node system update build render check report screenshots test lint bench bench-scaling fuzz clean

# update's failure (a broken catalogue, an unreadable deck) does not stop the build of
# everything else: `all` builds what it can, then fails (see the update stamp below).
all: deps build

deps: python node system

# Reinstalled only when what installs the tool changes ([build-system], [project] and
# [tool.setuptools] of pyproject.toml, as a digest kept in the stamp), not when the
# course's [tool.marp-i18n] table does; so `make -B` (which runs every recipe) does not reinstall either.
INSTALL_KEY = $(PYTHON) -c 'import hashlib, tomllib; d = tomllib.load(open("pyproject.toml", "rb")); print(hashlib.sha256(repr([d.get("build-system"), d.get("project"), d.get("tool", {}).get("setuptools")]).encode()).hexdigest())'
python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	@key=$$($(INSTALL_KEY)); \
	if [ -x $(MI) ] && [ "$$(cat $@ 2>/dev/null)" = "$$key" ]; then touch $@; else \
	  $(PYTHON) -m venv $(VENV) && \
	  $(BIN)/pip install --quiet --upgrade pip && \
	  $(BIN)/pip install --quiet -e '.[test,render]' && \
	  echo "$$key" > $@; fi

# The pinned Marp (package-lock.json) for rendering and for the structure tests.
node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	@key=$$(cat package.json package-lock.json | sha256sum); \
	if [ "$$(cat $@ 2>/dev/null)" = "$$key" ]; then touch $@; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && echo "$$key" > $@; \
	else echo "npm not found: Marp rendering and the Marp structure tests are skipped"; fi

# Debian packages, installed as root when missing (one apt-get update for all):
# GNU gettext (msgcat, msgfmt) proves the catalogues are canonical; Chromium renders
# PDFs and runs the page tests; Hunspell and its Swedish and German dictionaries run
# check's spelling.
system:
	@missing=""; \
	command -v msgcat >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v hunspell >/dev/null 2>&1 || missing="$$missing hunspell"; \
	[ -f /usr/share/hunspell/sv_SE.dic ] || missing="$$missing hunspell-sv"; \
	[ -f /usr/share/hunspell/de_DE.dic ] || missing="$$missing hunspell-de-de"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not installed:$$missing (needs root): the tests that need them are skipped"; fi; \
	fi

# Incremental: update runs when a deck, a catalogue or the settings changed since the
# last run, build when update ran or an asset changed; nothing changed, no work
# (`make -B` forces both). The stamps live in build/.make/. One bad file never blocks
# the rest: a failed update leaves no stamp (the next make runs it again) but a note,
# update-failed, so build still builds every deck it can and then `update`, `build`
# and `all` fail (make exits non-zero) with the bad files named above.
STAMPS     := build/.make
# Folders too: a deleted deck changes its folder's time, not any file's. A dangling link
# is left out (make would stop at it: "no rule to make target"); update names it.
SOURCES    := $(shell find -L slides -not -name '.*' ! -type l 2>/dev/null)
CATALOGUES := $(shell find -L locales -name '*.po' ! -type l 2>/dev/null)

UPDATE_FAILED = @if [ -e $(STAMPS)/update-failed ]; then \
	  echo "make: marp-i18n update failed (the files are named above); the rest was done" >&2; exit 2; fi

update: $(STAMPS)/update
	$(UPDATE_FAILED)
$(STAMPS)/update: $(SOURCES) $(CATALOGUES) pyproject.toml $(wildcard marp-i18n.toml) | python
	@mkdir -p $(@D) && rm -f $(@D)/update-failed
	@echo "$(MI) update"; $(MI) update || touch $(@D)/update-failed
	@[ -e $(@D)/update-failed ] || touch $@

build: $(STAMPS)/build
	$(UPDATE_FAILED)
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
# bench/results.md (about 10 minutes), `check --render` on the example course from a
# cold start to bench/overflow.md, and check with a 200-term glossary, cold and warm, to
# bench/glossary.txt; bench-scaling: linearity on 1-8 MB decks.
# BASELINE=<git revision>: build and check by that code too, in the same rounds.
# Measured as a user runs the tool: with compiled bytecode (pip writes it on install),
# even where the environment sets PYTHONDONTWRITEBYTECODE (every start would then
# compile the package again: about 40 ms of a one-deck update).
BENCH_ENV := env -u PYTHONDONTWRITEBYTECODE
bench: python node
	$(BENCH_ENV) $(BIN)/python -m compileall -q i18n
	$(BENCH_ENV) $(BIN)/python tools/bench.py $(if $(BASELINE),--baseline $(BASELINE))
	$(BENCH_ENV) $(BIN)/python tools/bench_overflow.py
	$(BENCH_ENV) $(BIN)/python tools/bench_check.py --glossary 200 | tee bench/glossary.txt

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

# Two commands a user needs: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGOS_VERSION := 1.11.0
# Strict editable mode links the sources into a tree that mypy can read as `dolmetsch`; the
# link tree must be rebuilt when a module is added, hence the folders as prerequisites.
EDITABLE := --config-settings editable_mode=strict
SOURCES := pyproject.toml translate glossary
# The lexicon engine's dictionary (Ding, GPL-2+), from Debian; never committed, the engine
# builds its SQLite store from it on first use, outside the repository.
DING := /usr/share/trans/de-en
APT_INSTALL = (apt-get install -y -qq $(1) >/dev/null 2>&1 || \
  (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $(1) >/dev/null 2>&1) || \
  sudo -n apt-get install -y -qq $(1) >/dev/null 2>&1)

.PHONY: run test install lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(DING):
	@$(call APT_INSTALL,trans-de-en) || \
	  echo "warning: could not install Debian's trans-de-en: the lexicon engine needs $(DING)"

# argostranslate and de2en go in last and without their declared dependencies: argos's pull
# stanza, spacy and a multi-GB CUDA torch (dolmetsch uses none of them), de2en's are broken
# (dolmetsch reads only its data file). See README, "Set-up".
NO_DEPS := argostranslate==$(ARGOS_VERSION) de2en==0.1.1
$(VENV)/.installed: $(SOURCES) | $(BIN)/python $(DING)
	$(BIN)/pip install -q $(EDITABLE) -e .
	$(BIN)/pip install -q --no-deps $(NO_DEPS)
	touch $@

$(VENV)/.installed-test: $(SOURCES) | $(BIN)/python $(DING)
	$(BIN)/pip install -q $(EDITABLE) -e '.[test,bench]'
	$(BIN)/pip install -q --no-deps $(NO_DEPS)
	@command -v msgfmt >/dev/null || $(call APT_INSTALL,gettext) || \
	  echo "gettext not installable here: the msgfmt --check test will be skipped"
	@test -x /usr/bin/chromium || $(call APT_INSTALL,chromium) || \
	  echo "chromium not installable here: the HTML browser tests will be skipped"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

lint: $(VENV)/.installed-test
	$(BIN)/ruff check translate glossary tests bench examples
	$(BIN)/ruff format --check translate glossary tests bench examples

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy -p dolmetsch
	$(BIN)/mypy examples

# Two workers (pytest-xdist): most tests wait on subprocesses and files, so two share the
# machine's two cores well; the shared lexicon store is built once, under a lock (conftest.py).
test: lint typecheck
	$(BIN)/python -m pytest -q -n 2

# --engine auto: argos when a de->en model is installed, else the embedded lexicon engine
# (its store is built on first use, about half a minute).
run: $(VENV)/.installed
	$(BIN)/dolmetsch run seeds --out out

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .cache

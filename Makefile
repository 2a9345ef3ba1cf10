# Two commands a user needs: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGOS_VERSION := 1.11.0
# Strict editable mode links the sources into a tree that mypy can read as `dolmetsch`; the
# link tree must be rebuilt when a module is added, hence the folders as prerequisites.
EDITABLE := --config-settings editable_mode=strict
SOURCES := pyproject.toml translate glossary

.PHONY: run test install lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# argostranslate goes in last and without its declared dependencies (stanza, spacy and a
# multi-GB CUDA torch, none of which dolmetsch uses): see README, "Set-up".
$(VENV)/.installed: $(SOURCES) | $(BIN)/python
	$(BIN)/pip install -q $(EDITABLE) -e .
	$(BIN)/pip install -q --no-deps argostranslate==$(ARGOS_VERSION)
	touch $@

$(VENV)/.installed-test: $(SOURCES) | $(BIN)/python
	$(BIN)/pip install -q $(EDITABLE) -e '.[test,bench]'
	$(BIN)/pip install -q --no-deps argostranslate==$(ARGOS_VERSION)
	@command -v msgfmt >/dev/null || (command -v apt-get >/dev/null && \
	  (apt-get install -y -qq gettext >/dev/null 2>&1 || sudo -n apt-get install -y -qq gettext >/dev/null 2>&1) || \
	  echo "gettext not installable here: the msgfmt --check test will be skipped")
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

lint: $(VENV)/.installed-test
	$(BIN)/ruff check translate glossary tests bench
	$(BIN)/ruff format --check translate glossary tests bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy -p dolmetsch

test: lint typecheck
	$(BIN)/python -m pytest -q

# With no German->English model installed (as on a fresh machine without internet), the
# run uses the test suite's tiny demo package, which copies its input and maps three words;
# every output names the model, so nobody mistakes it for a translation.
DEMO_PACKAGES := .cache/demo-argos/packages
run: $(VENV)/.installed
	@if $(BIN)/dolmetsch translate "Test." >/dev/null 2>&1; then \
	  $(BIN)/dolmetsch run seeds --out out; \
	else \
	  echo "make run: no German->English model installed (dolmetsch model install --online);"; \
	  echo "make run: using the DEMO package translate-de_en-tiny, which copies its input."; \
	  $(BIN)/python -m dolmetsch.testing $(DEMO_PACKAGES) >/dev/null && \
	  ARGOS_PACKAGES_DIR=$(DEMO_PACKAGES) $(BIN)/dolmetsch run seeds --out out; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .cache

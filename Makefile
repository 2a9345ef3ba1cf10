# Two commands a user needs: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGOS_VERSION := 1.11.0
# strict editable mode links the sources into a tree that mypy can read as `dolmetsch`
EDITABLE := --config-settings editable_mode=strict

.PHONY: run test install install-test lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# argostranslate without its declared dependencies: they pull stanza and CUDA torch.
install: $(BIN)/python
	$(BIN)/pip install -q --no-deps argostranslate==$(ARGOS_VERSION)
	$(BIN)/pip install -q $(EDITABLE) -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q --no-deps argostranslate==$(ARGOS_VERSION)
	$(BIN)/pip install -q $(EDITABLE) -e '.[test,bench]'
	@command -v msgfmt >/dev/null || (command -v apt-get >/dev/null && \
	  (apt-get install -y -qq gettext >/dev/null 2>&1 || sudo -n apt-get install -y -qq gettext >/dev/null 2>&1) || \
	  echo "gettext not installable here: the msgfmt --check test will be skipped")

lint: install-test
	$(BIN)/ruff check translate glossary tests bench
	$(BIN)/ruff format --check translate glossary tests bench

typecheck: install-test
	$(BIN)/mypy -p dolmetsch

test: install-test lint typecheck
	$(BIN)/python -m pytest -q

# With no German->English model installed (as on a fresh machine without internet), the
# run uses the test suite's tiny demo package, which copies its input and maps three words;
# every output names the model, so nobody mistakes it for a translation.
DEMO_PACKAGES := .cache/demo-argos/packages
run: install
	@if $(BIN)/dolmetsch translate "Test." >/dev/null 2>&1; then \
	  $(BIN)/dolmetsch run seeds --out out; \
	else \
	  echo "make run: no German->English model installed (dolmetsch model install --online);"; \
	  echo "make run: using the DEMO package translate-de_en-tiny, which copies its input."; \
	  $(BIN)/python -m dolmetsch.testing $(DEMO_PACKAGES) >/dev/null && \
	  ARGOS_PACKAGES_DIR=$(DEMO_PACKAGES) $(BIN)/dolmetsch run seeds --out out; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

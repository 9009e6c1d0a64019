# newspith: `make demo` sets up and runs the main job on the sample pages; `make test` sets up and
# runs the tests. Both need only Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench setup clean

# The modules setup.py compiles with mypyc: editing one rebuilds the install (its .so would
# otherwise shadow the edit).
COMPILED := $(shell sed -n 's/^    "\(src\/.*\.py\)",$$/\1/p' setup.py)

$(STAMP): pyproject.toml setup.py $(COMPILED)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,serve,spark]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/newspith run examples/pages --out out/articles.jsonl
	@echo
	$(BIN)/newspith extract examples/pages/harbour-ferry.html --format markdown
	@echo
	$(BIN)/newspith run examples/pages --out out/corpus.sqlite --quiet
	$(BIN)/newspith search "ferry OR budget" --db out/corpus.sqlite --limit 3

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/newspith bench --worst 20

clean:
	rm -rf $(VENV) out .pytest_cache

# Werk & Zorg — one entry point for readers, contributors and CI.
# `book` is also a folder name: every target is phony, or make would call it up to date.
PHONY_EXTRA := book-students handouts lab notebooks
.PHONY: $(PHONY_EXTRA) help venv vendor book book-all serve test test-fast lint bench data clean distclean browser-deps

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# jupyter-book's own command, started without a 7 s import it does not need (tools/jb.py).
JB     := $(BIN)/python tools/jb.py
PORT   ?= 8000
LAB_PORT ?= 8888

help:
	@echo "make book    bouw het boek in _build/html (maakt .venv als die ontbreekt)"
	@echo "make serve   bekijk het boek op http://127.0.0.1:$(PORT)/"
	@echo "make test    alle tests (pakket, data, build, browser)"
	@echo "make lint   controleer code, spelling en de lagen van het pakket"
	@echo "make book-students  studenteneditie zonder uitwerkingen"
	@echo "make handouts       PDF's om uit te delen in _build/handouts"
	@echo "make bench   meet bouwtijd, paginagewicht en Lighthouse-scores"
	@echo "make data    ververs de CBS-snapshots (netwerk nodig)"
	@echo "make lab     open de notebooks in JupyterLab op http://127.0.0.1:$(LAB_PORT)/"
	@echo "make notebooks      voer alle notebooks uit buiten het boek en meld welke faalden"
	@echo "make clean   verwijder _build"

# The venv is rebuilt when requirements.txt or pyproject.toml is newer than the stamp.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

venv: $(STAMP)

vendor: $(STAMP)
	$(BIN)/python tools/vendor_assets.py

# The notebook cache is keyed on code cells only, so new data (make data, data import) or a
# changed package would leave old outputs in the book. When anything in data/ or src/werkzorg
# is newer than the last build, the cache and Sphinx's environment are dropped first.
NOTEBOOK_INPUTS := $(shell find data src/werkzorg -type f -not -path '*/__pycache__/*' 2>/dev/null)
_build/.inputs-stamp: $(NOTEBOOK_INPUTS)
	rm -rf _build/.jupyter_cache _build/.doctrees
	mkdir -p _build
	touch $@

# Strict build: warnings are errors (-W), references are checked (-n).
book: vendor _build/.inputs-stamp
	$(JB) build . -W -n --keep-going
	@echo ""
	@echo "Het boek staat in _build/html. Open _build/html/index.html of draai 'make serve'."

# Students' edition: the same book without the worked answers, in _build/studenten/html.
book-students: vendor
	WERKZORG_EDITION=studenten $(JB) build . -W -n --keep-going --path-output _build/studenten
	@echo "De studenteneditie staat in _build/studenten/_build/html."

# Printable PDFs of the lesson plans, case cards, statement cards and worksheets.
# With WERKZORG_EDITION=studenten: the students' edition (no answers) into _build/handouts-studenten.
handouts: $(if $(filter studenten,$(WERKZORG_EDITION)),book-students,book) browser-deps
	$(BIN)/python -m werkzorg.postbuild.handouts

book-all: vendor
	$(JB) build . --all -W -n --keep-going

serve:
	@echo "Het boek op http://127.0.0.1:$(PORT)/ (stop met Ctrl-C)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# Debian's chromium and chromedriver drive the browser tests; installed when missing.
browser-deps:
	@bash tools/ensure_chromium.sh

# Two test processes (pytest-xdist, whole files per process) share one strict build of the book,
# started in the background as the run starts; tests that need no build run first meanwhile.
TEST_PROCS ?= 2
test: vendor browser-deps
	$(BIN)/python -m pytest -n $(TEST_PROCS) --dist loadfile --build-early --durations=25

test-fast: venv
	$(BIN)/python -m pytest -n $(TEST_PROCS) -m "not build and not browser"

# Lint (ruff), English spelling of code and developer docs (codespell with a list of Dutch
# words it mistakes for typos) and the package's layers (import-linter). The tests run these too.
lint: venv
	$(BIN)/ruff check src tests tools
	$(BIN)/codespell src tests tools Makefile CONTRIBUTING.md
	$(BIN)/lint-imports

# Benchmarks print figures for this machine; they are reports, not timed tests.
bench: vendor browser-deps
	$(BIN)/python tools/bench_build.py
	$(BIN)/python tools/bench_data.py
	$(BIN)/python tools/bench_household.py
	$(MAKE) book
	$(BIN)/python tools/bench_charts.py
	$(BIN)/python tools/bench_lighthouse.py

data: venv
	$(BIN)/python -m werkzorg data refresh

# JupyterLab for analysts: notebooks/*.md open as notebooks (jupytext, the default viewer set by
# tools/jupyterlab/overrides.json), widgets live; only on this machine (127.0.0.1).
$(VENV)/share/jupyter/lab/settings/overrides.json: tools/jupyterlab/overrides.json $(STAMP)
	mkdir -p $(dir $@)
	cp $< $@

lab: venv $(VENV)/share/jupyter/lab/settings/overrides.json
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(LAB_PORT) \
		--ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks \
		$(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True)

# Run every notebook outside the book (executed .ipynb in a temporary folder); fails when one fails.
notebooks: venv
	$(BIN)/python tools/run_notebooks.py

clean:
	rm -rf _build

distclean: clean
	rm -rf $(VENV) extra/vendor extra/@jupyter-widgets extra/notebooks

# Two commands do all the set-up on a fresh machine:
#   make lab    create .venv, install the course, open lesson 00 in JupyterLab
#   make test   install the test tools (and Chromium where possible), run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# JupyterLab refuses to start as root unless told to (Docker, CI, some workshop laptops).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab present test assets bench handouts clean-notebooks checked-outputs

lab: $(VENV)/runtime.stamp
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_start_here.ipynb

# Workshop: large type everywhere (custom CSS), large figures, one lesson at a time (Simple Interface).
present: $(VENV)/runtime.stamp
	UPPERBACK_PROJECTOR=1 JUPYTER_CONFIG_DIR=$(CURDIR)/workshop/jupyter-config $(BIN)/jupyter lab $(ROOT_FLAG) \
		--LabApp.custom_css=True --LabApp.news_url=None --LabApp.default_url=/doc/tree/notebooks/00_start_here.ipynb

# Standalone HTML of every lesson, for printing or opening from disk with no network.
handouts: $(VENV)/runtime.stamp
	$(BIN)/python -m upperback.handouts handouts

test: $(VENV)/test.stamp
	bash tools/ensure_chromium.sh
	$(BIN)/python -m pytest

assets: $(VENV)/runtime.stamp
	$(BIN)/python -m upperback.figures.assets assets

bench: $(VENV)/test.stamp
	$(BIN)/python benchmarks/run.py

clean-notebooks: $(VENV)/test.stamp
	$(BIN)/python tools/clean_notebooks.py notebooks/*.ipynb

checked-outputs: $(VENV)/test.stamp
	$(BIN)/python tools/clean_notebooks.py --run notebooks/*.ipynb

$(VENV)/runtime.stamp: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/test.stamp: $(VENV)/runtime.stamp requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

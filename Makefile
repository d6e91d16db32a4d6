# Two commands do all the set-up on a fresh machine:
#   make lab    create .venv, install the course, open lesson 00 in JupyterLab
#   make test   install the test tools (and Chromium's headless shell where possible), run every test
# Another Python (3.11 or newer): make test PYTHON=python3.13 (the .venv is rebuilt for it).
# A laptop with no internet: make lab WHEELHOUSE=wheelhouse installs from a folder made by `make wheelhouse`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# JupyterLab refuses to start as root unless told to (Docker, CI, some workshop laptops).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# No news pop-up and no update check: both reach out to the internet (settings in the venv's JupyterLab).
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
WHEELHOUSE ?=
FROM_WHEELHOUSE = $(if $(WHEELHOUSE),--no-index --find-links $(WHEELHOUSE),)
# uv installs the packages: the same versions as pip in a quarter of the time (the test tools and JupyterHub
# included). pip, which every venv has, puts uv itself into the venv when something is to be installed and the
# venv has no uv of this version (a venv made before uv keeps working with no internet). Bytecode is compiled
# at install, as pip does: where Python may not write it (PYTHONDONTWRITEBYTECODE, read-only installs) every
# process would compile every module it imports, every time.
UV_VERSION := 0.13.9
UV_PIN := uv==$(UV_VERSION)
PIP_INSTALL = { $(BIN)/uv --version 2>/dev/null | grep -qF 'uv $(UV_VERSION) ' || \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(FROM_WHEELHOUSE) $(UV_PIN); } && \
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python $(FROM_WHEELHOUSE)
# After every install, what Binder runs after its own (postBuild: a slow import taken out again).
POST_BUILD = PATH="$(abspath $(BIN)):$$PATH" ./postBuild

.PHONY: lab present app slides hub-link class test test-fast assets bench handouts clean-notebooks checked-outputs wheelhouse

# Every server goes through ./start, which points Jupyter at the course's settings (app/config).
lab: $(VENV)/runtime.stamp
	./start $(BIN)/jupyter lab $(ROOT_FLAG) --LabApp.news_url=None notebooks/00_start_here.ipynb

# Workshop: large type everywhere (custom CSS), large figures, one lesson at a time (Simple Interface),
# and a fresh, throw-away data folder, so the presenter's own answers and log never reach the projector.
present: $(VENV)/runtime.stamp
	UPPERBACK_DATA_DIR=$$(mktemp -d -t upperback-present-XXXXXX) UPPERBACK_PROJECTOR=1 \
	JUPYTER_CONFIG_DIR=$(CURDIR)/workshop/jupyter-config ./start $(BIN)/jupyter lab $(ROOT_FLAG) \
		--LabApp.custom_css=True --LabApp.news_url=None --LabApp.default_url=/doc/tree/notebooks/00_start_here.ipynb

# The code-free app (Voila): every lesson as a page with its pictures and questions and no code, on
# http://localhost:$(PORT)/ ; `make slides` shows the same lessons as slides with live explorers.
# Templates and settings ship in app/; ./start (Binder runs it too) points Jupyter at them. No web requests.
PORT ?= 8866
VOILA = ./start $(BIN)/voila notebooks --port=$(PORT) --Voila.ip=127.0.0.1
app: $(VENV)/runtime.stamp
	$(VOILA)

# Slides are shown to a room: a fresh, throw-away data folder, as in `make present`.
slides: $(VENV)/runtime.stamp
	UPPERBACK_DATA_DIR=$$(mktemp -d -t upperback-slides-XXXXXX) $(VOILA) --template=course-slides

# A class on a JupyterHub: the nbgitpuller links (JupyterLab and the app) that pull this course into each
# learner's home. REPO defaults to this clone's origin.
REPO ?= $(shell git remote get-url origin 2>/dev/null)
hub-link: $(VENV)/runtime.stamp
	$(BIN)/python -m upperback.hub "$(HUB)" "$(REPO)"

# A class on this machine: JupyterHub on 127.0.0.1 only (class/jupyterhub_config.py), a new password each
# time, and the class links, which pull the lessons from this folder into each learner's home.
CLASS_PORT ?= 8000
CLASS_DIR ?= $(CURDIR)/build/class
class: $(VENV)/class.stamp node_modules/.package-lock.json
	@password=$${CLASS_PASSWORD:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(9))')}; \
	echo "Class hub: http://127.0.0.1:$(CLASS_PORT)/  (any name, and the class password: $$password)"; \
	$(BIN)/python -m upperback.hub "http://127.0.0.1:$(CLASS_PORT)" "file://$(CURDIR)"; \
	UPPERBACK_CLASS_DIR="$(CLASS_DIR)" UPPERBACK_CLASS_PASSWORD="$$password" \
	UPPERBACK_CLASS_PORT=$(CLASS_PORT) $(BIN)/jupyterhub -f class/jupyterhub_config.py

# Standalone HTML of every lesson, for printing or opening from disk with no network.
handouts: $(VENV)/runtime.stamp
	$(BIN)/python -m upperback.handouts handouts

# Both cores: three pytest workers (pytest-xdist), as a browser test waits on its page, server and kernel
# about half the time (two kept 1.1 cores busy on average); each test file runs whole on one of them
# (conftest.py).
TEST_WORKERS ?= 3
# make test-fast's tests keep a core busy each: two workers (a third only makes them wait: 64 s against 42 s).
FAST_WORKERS ?= 2
test: $(VENV)/test.stamp node_modules/.package-lock.json
	bash tools/ensure_chromium.sh chromium-headless-shell
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# The inner loop, under a minute: models, widgets driven by code, storage, scoring, pages, figures' legibility
# and the command-line tools; no browser, no hub, no lesson run under nbval, nothing marked slow.
test-fast: $(VENV)/test.stamp
	$(BIN)/python -m pytest -n $(FAST_WORKERS) tests \
		-m "not browser and not hub and not lesson_runs and not slow"

assets: $(VENV)/runtime.stamp
	$(BIN)/python -m upperback.figures.assets assets

bench: $(VENV)/test.stamp node_modules/.package-lock.json
	bash tools/ensure_chromium.sh chromium
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.memory
	$(BIN)/python -m benchmarks.browser
	$(BIN)/python -m benchmarks.slow_link
	$(BIN)/python -m benchmarks.app
	$(BIN)/python -m benchmarks.class_hub

clean-notebooks: $(VENV)/test.stamp
	$(BIN)/python tools/clean_notebooks.py notebooks/*.ipynb

checked-outputs: $(VENV)/test.stamp
	$(BIN)/python tools/clean_notebooks.py --run notebooks/*.ipynb

# Every package the course needs, as files, for laptops with no internet (same OS and Python version).
# uv, which installs them, and setuptools, which builds the course, are among them; the course itself is not:
# `-e .` installs it from the checkout (pip would zip the whole folder, .venv and node_modules included).
wheelhouse:
	grep -v '^-e ' requirements.txt | $(PYTHON) -m pip download --quiet --disable-pip-version-check \
		--dest $(or $(WHEELHOUSE),wheelhouse) -r /dev/stdin "setuptools>=69" $(UV_PIN)

# The stamp names the Python version, so asking for another Python rebuilds the environment for it.
$(VENV)/runtime.stamp: $(VENV)/python-$(PY_VERSION) requirements.txt pyproject.toml
	$(PIP_INSTALL) -r requirements.txt
	$(POST_BUILD)
	mkdir -p $(dir $(LAB_OVERRIDES))
	printf '%s\n' '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": false}}' \
		> $(LAB_OVERRIDES)
	touch $@

$(VENV)/python-$(PY_VERSION):
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "The course needs Python 3.11 or newer; $(PYTHON) is $(or $(PY_VERSION),not a Python that runs here)." >&2; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	touch $@

# Node tools, pinned in package-lock.json: axe-core checks accessibility inside the page (tests);
# configurable-http-proxy is JupyterHub's proxy (make class).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENV)/class.stamp: $(VENV)/runtime.stamp requirements-class.txt
	$(PIP_INSTALL) -r requirements-class.txt
	$(POST_BUILD)
	touch $@

$(VENV)/test.stamp: $(VENV)/class.stamp requirements-test.txt
	$(PIP_INSTALL) -r requirements-test.txt
	$(POST_BUILD)
	touch $@

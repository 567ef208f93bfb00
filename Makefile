# Megaphone. `make html` builds the site; `make test` runs every test.
# Both create .venv/ from the pinned requirements on first use.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican

INPUTDIR ?= content
OUTPUTDIR ?= output
CONFFILE ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
PELICANOPTS ?=
# Pelican, through a wrapper that fails the build on any error Pelican logs
# (a plugin that cannot load, a page it cannot read) instead of exiting 0.
BUILD := PYTHONPATH=plugins $(BIN)/python -m megaphone.build $(INPUTDIR) -o $(OUTPUTDIR) $(PELICANOPTS)

.PHONY: help html publish serve devserver clean test

help:
	@echo 'make html        build the site into $(OUTPUTDIR)/ (CAMPAIGN_TODAY=YYYY-MM-DD to build as of a day)'
	@echo 'make test        run every test'
	@echo 'make serve       preview $(OUTPUTDIR)/ on http://localhost:$(PORT)'
	@echo 'make devserver   preview and rebuild on every save'
	@echo 'make publish     build with $(PUBLISHCONF) (absolute URLs, feeds)'
	@echo 'make clean       remove $(OUTPUTDIR)/'

$(VENV)/.built: requirements.txt
	@$(PY) -m venv $(VENV) || { echo 'Could not create .venv/. On Debian or Ubuntu, run: sudo apt-get install python3-venv'; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.tested: requirements-test.txt $(VENV)/.built
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

html: $(VENV)/.built
	$(BUILD) -s $(CONFFILE)

publish: $(VENV)/.built
	$(BUILD) -s $(PUBLISHCONF)

serve: $(VENV)/.built
	$(PELICAN) -l $(OUTPUTDIR) -p $(PORT)

devserver: $(VENV)/.built
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -lr -p $(PORT) $(PELICANOPTS)

clean:
	rm -rf $(OUTPUTDIR)

test: $(VENV)/.tested
	$(BIN)/python -m pytest $(PYTESTOPTS)

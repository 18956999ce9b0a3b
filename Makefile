# Two entry points for a fresh Debian machine (run as root, or with the packages already there):
#   make site   installs what is missing, builds lapak (release) and writes site/
#   make test   installs what is missing and runs every test
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN = .build/release/lapak
APT_PACKAGES = libcmark-dev pkg-config
PY_PACKAGES = Jinja2==3.1.6 jsonschema feedparser lxml pytest

.PHONY: site test deps deps-python build-release unit-tests clean

site: deps build-release
	$(RELEASE_BIN) build --source .

build-release: deps
	$(SWIFT) build -c release --product lapak

test: deps deps-python
	$(SWIFT) test --parallel
	$(SWIFT) build --product lapak
	python3 -m pytest -q Tests/python

# Debian packages, installed only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages:$$missing. Run 'sudo apt-get install$$missing' or run make as root."; exit 1; fi; \
	  echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Python packages the tests read outputs with: Jinja2 (template reference), jsonschema, feedparser, lxml, pytest.
deps-python:
	@python3 -c 'import jinja2, jsonschema, feedparser, lxml, pytest' 2>/dev/null || python3 -m pip install -q $(PY_PACKAGES)

clean:
	rm -rf .build

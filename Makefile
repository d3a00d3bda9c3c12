# The two set-up commands of the README: `make demo` and `make test`. Both install what they need.
PYTHON ?= python3

.PHONY: demo test install system-packages goldens benchmarks fuzz

demo: install
	$(PYTHON) -m extractor.demo corpus

test: install
	$(PYTHON) -m pytest

# Debian packages for OCR, the Thai fonts the PDF round trips render with, and the headless browser the review page
# tests drive (root; skipped when present).
system-packages:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx tha \
	    || ! fc-list 2>/dev/null | grep -qi garuda || ! test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	    || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-tha fonts-thai-tlwg fonts-dejavu-core chromium chromium-driver; \
	fi

install: system-packages
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -e '.[test]'

# Regenerate golden files (never in CI): review the diff against the source documents before committing.
goldens: install
	EXTRACTOR_REGENERATE_GOLDENS=1 $(PYTHON) -m pytest tests/test_golden.py

benchmarks: install
	$(PYTHON) -m pytest benchmarks -o python_files='bench_*.py' --benchmark-enable -p no:cacheprovider

# Fuzzing beyond CI: the hypothesis targets with 2000 examples each, then 300 mutated PDFs (see README, Robustness).
fuzz: install
	EXTRACTOR_FUZZ_PROFILE=deep $(PYTHON) -m pytest tests/fuzz -p no:cacheprovider
	$(PYTHON) benchmarks/fuzz_pdfs.py --cases 300 --save build/fuzz-crashes

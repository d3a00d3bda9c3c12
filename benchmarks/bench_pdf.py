"""pytest-benchmark: read_pdf against pdfplumber extract_tables and PyMuPDF find_tables on real PDF pages.

Run: ``python -m pytest benchmarks/bench_pdf.py --benchmark-enable -q`` (benchmarks are off in the normal suite).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pymupdf
import pytest

from extractor.ingest.pdf import read_pdf

PDF = Path(__file__).resolve().parents[1].parent / "shared" / "real-pdfs" / "31.pdf"
PAGES = list(range(1, 21))

pytestmark = pytest.mark.skipif(not PDF.exists(), reason="real PDFs not available")


def test_read_pdf_20_pages(benchmark) -> None:
    read_pdf(PDF, pages=[1])  # warm-up outside the timing (Thai dictionaries load once)
    doc = benchmark(read_pdf, PDF, pages=PAGES)
    assert len(doc.pages) == len(PAGES)


def test_pdfplumber_extract_tables_20_pages(benchmark) -> None:
    def run() -> int:
        with pdfplumber.open(PDF) as pdf:
            return sum(len(pdf.pages[n - 1].extract_tables()) for n in PAGES)

    assert benchmark.pedantic(run, rounds=2, iterations=1) >= 0


def test_pymupdf_find_tables_20_pages(benchmark) -> None:
    def run() -> int:
        doc = pymupdf.open(PDF)
        return sum(len(doc[n - 1].find_tables().tables) for n in PAGES)

    assert benchmark.pedantic(run, rounds=1, iterations=1) >= 0

"""Throughput of the Thai repair chain (characters per second), pytest-benchmark.

Run:  python -m pytest benchmarks/bench_thai.py --benchmark-only
Inputs: raw PyMuPDF text of 31.pdf pages 1-30 (real damage), and the same text already repaired (the common case:
most lines are clean); the document and page passes run over seed 003's block and cell texts (one call per
document, as the Thai stage makes them).  chars/s = characters / mean time, printed in the benchmark's extra_info.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.thai import (
    join_document_wraps,
    join_wrapped,
    normalise_document_spacing,
    quality_metrics,
    repair_text,
    restore_sara_am,
)

PDF = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "31.pdf"
SEED = next((Path(__file__).resolve().parents[1] / "corpus").glob("003_*.txt"))


@pytest.fixture(scope="module")
def raw_lines() -> list[str]:
    pymupdf = pytest.importorskip("pymupdf")
    if not PDF.exists():
        pytest.skip("31.pdf not available")
    with pymupdf.open(PDF) as doc:
        text = "\n".join(doc[i].get_text() for i in range(30))
    repair_text(text)  # load the dictionary outside the timing
    return text.splitlines()


def _run(benchmark, fn, lines):
    chars = sum(map(len, lines))
    benchmark(lambda: [fn(line) for line in lines])
    benchmark.extra_info["chars"] = chars
    benchmark.extra_info["chars_per_s"] = round(chars / benchmark.stats.stats.mean)


def test_repair_text_raw_lines(benchmark, raw_lines):
    _run(benchmark, repair_text, raw_lines)


def test_repair_text_clean_lines(benchmark, raw_lines):
    _run(benchmark, repair_text, [repair_text(line)[0] for line in raw_lines])


def test_join_wrapped_lines(benchmark, raw_lines):
    _run(benchmark, join_wrapped, [repair_text(line)[0] for line in raw_lines])


def test_quality_metrics_page_text(benchmark, raw_lines):
    _run(benchmark, quality_metrics, ["\n".join(raw_lines)])


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    """Seed 003's block and cell texts after the per-text repairs (what the document pass receives)."""
    from extractor.ingest import read

    doc = read(SEED)
    texts = [b.text for b in doc.blocks if not b.is_table and b.text]
    texts += [c.text for b in doc.blocks if b.is_table for row in b.rows for c in row.cells if c.text]
    return [join_wrapped(repair_text(t)[0])[0] for t in texts]


def _run_document(benchmark, fn, texts):
    chars = sum(map(len, texts))
    benchmark(lambda: fn(texts))
    benchmark.extra_info["chars"] = chars
    benchmark.extra_info["chars_per_s"] = round(chars / benchmark.stats.stats.mean)


def test_join_document_wraps_seed_003(benchmark, seed_texts):
    _run_document(benchmark, join_document_wraps, seed_texts)


def test_restore_sara_am_seed_003(benchmark, seed_texts):
    _run_document(benchmark, restore_sara_am, seed_texts)  # a correct document: the page condition scan only


def test_normalise_document_spacing_seed_003(benchmark, seed_texts):
    _run_document(benchmark, normalise_document_spacing, seed_texts)

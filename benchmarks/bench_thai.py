"""Throughput of the Thai repair chain (characters per second), pytest-benchmark.

Run:  python -m pytest benchmarks/bench_thai.py --benchmark-only
Inputs: raw PyMuPDF text of 31.pdf pages 1-30 (real damage), and the same text already repaired (the common case:
most lines are clean).  chars/s = len(text) / mean time, printed in the benchmark's extra_info.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.thai import join_wrapped, quality_metrics, repair_text

PDF = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "31.pdf"


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

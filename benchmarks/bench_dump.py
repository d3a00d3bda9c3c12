"""Throughput of text-dump parsing (MB/s of source text), pytest-benchmark.

Run:  python -m pytest benchmarks/bench_dump.py -o python_files='bench_*.py' --benchmark-enable
Three measurements on the five corpus seeds (about 0.85 MB of UTF-8): the dump reader alone (lines → blocks), the
reader plus the Thai stage, and the whole pipeline (``extractor.parse``: reader, Thai stage, grammar, builders,
checks).  MB/s = source bytes / mean time, printed in the benchmark's extra_info.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor
from extractor.ingest.dump import read_dump_text
from extractor.thai_stage import repair_blocks

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def seeds() -> list[tuple[bytes, str]]:
    paths = sorted(CORPUS.glob("*.txt"))
    extractor.parse(paths[0])  # load dictionaries and grammars outside the timing
    return [(p.read_bytes(), p.read_text(encoding="utf-8")) for p in paths]


def _measure(benchmark, function, seeds) -> None:
    size = sum(len(data) for data, _ in seeds)
    benchmark.pedantic(function, rounds=3, iterations=1)
    benchmark.extra_info["mb"] = round(size / 1e6, 3)
    benchmark.extra_info["mb_per_s"] = round(size / 1e6 / benchmark.stats.stats.mean, 3)


def test_dump_reader(benchmark, seeds):
    _measure(benchmark, lambda: [read_dump_text(text) for _, text in seeds], seeds)


def test_dump_reader_and_thai_stage(benchmark, seeds):
    _measure(benchmark, lambda: [repair_blocks(read_dump_text(text)) for _, text in seeds], seeds)


def test_whole_pipeline(benchmark, seeds):
    _measure(benchmark, lambda: [extractor.parse(data) for data, _ in seeds], seeds)

"""Batch throughput (documents per second) with 1 and 2 worker processes, pytest-benchmark.

Run:  python -m pytest benchmarks/bench_batch.py --benchmark-enable
Input: the five corpus seeds, copied twice each (the copy ends with a blank line, so it is a distinct content): ten
documents.  Each round is a fresh batch (new output folder, so nothing is skipped): worker start-up (Python, the
grammars and the Thai lexicon, once per worker), parsing, writing the JSON and the catalogue, and the exports
(JSONL, CSV, XLSX).  docs_per_s = documents / mean round time, in the benchmark's extra_info.  The machine has two
cores: two workers cannot go beyond twice one worker's parse rate, and the parent (reading, writing, exports) shares
the cores with them.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from extractor.batch import BatchOptions, run_batch

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
COPIES = 2


@pytest.fixture(scope="module")
def batch_inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bench-batch-in")
    for copy, seed in itertools.product(range(COPIES), sorted(CORPUS.glob("*.txt"))):
        (folder / f"{seed.stem}-{copy}.txt").write_bytes(seed.read_bytes() + b"\n" * copy)
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_documents_per_second(benchmark, batch_inputs, tmp_path, workers):
    outputs = (tmp_path / f"out-{n}" for n in itertools.count())
    documents = len(list(batch_inputs.iterdir()))

    def one_batch():
        out = next(outputs)
        summary = run_batch([batch_inputs], out, BatchOptions(workers=workers, progress=False))
        assert summary.ok and summary.parsed == documents
        shutil.rmtree(out)

    benchmark.pedantic(one_batch, rounds=3, iterations=1)
    benchmark.extra_info["documents"] = documents
    benchmark.extra_info["workers"] = workers
    benchmark.extra_info["docs_per_s"] = round(documents / benchmark.stats.stats.mean, 2)

"""A small batch corpus (copies of the seed dumps under other names, each a distinct content) and one uninterrupted
reference run over it, shared by the resume, Dask and export tests."""

import filecmp
from contextlib import closing
import sqlite3
from pathlib import Path

import pytest

from extractor.batch import BatchOptions, run_batch

SEEDS = Path(__file__).resolve().parents[2] / "corpus"
# The smaller seeds: a 2567 department plan, the 2563 plan, a district plan and a KPI report page.
SEED_NAMES = ["001_0aacf57a1803022a.txt", "002_47f92473d72b9b38.txt", "003_a97a8056b9967dd5.txt",
              "004_ca4f95fc6c9452ec.txt"]  # fmt: skip


def make_corpus(folder: Path, copies: int = 6) -> Path:
    """``copies`` inputs named unlike the seeds; copy k of a seed ends with k extra blank lines, so every input
    has its own content (a batch parses one content once)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        seed = SEEDS / SEED_NAMES[k % len(SEED_NAMES)]
        (folder / f"plan-{k:02d}.txt").write_bytes(seed.read_bytes() + b"\n" * (k // len(SEED_NAMES)))
    return folder


@pytest.fixture(scope="session")
def batch_corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("batch-corpus") / "in")


@pytest.fixture(scope="session")
def reference_run(batch_corpus, tmp_path_factory) -> Path:
    """An uninterrupted local run with two workers."""
    out = tmp_path_factory.mktemp("batch-reference")
    summary = run_batch([batch_corpus], out, BatchOptions(workers=2, progress=False))
    assert summary.ok and len(summary.succeeded) == 6
    return out


def assert_same_outputs(a: Path, b: Path) -> None:
    """Same document JSON files and the same exports, byte for byte (the XLSX by cell values: its zip carries
    timestamps)."""
    docs_a = sorted(p.name for p in (a / "documents").iterdir())
    docs_b = sorted(p.name for p in (b / "documents").iterdir())
    assert docs_a == docs_b and docs_a
    _, mismatch, errors = filecmp.cmpfiles(a / "documents", b / "documents", docs_a, shallow=False)
    assert not mismatch and not errors
    exports = sorted(p.name for p in (a / "exports").iterdir() if p.suffix in (".csv", ".jsonl"))
    assert exports == sorted(p.name for p in (b / "exports").iterdir() if p.suffix in (".csv", ".jsonl"))
    _, mismatch, errors = filecmp.cmpfiles(a / "exports", b / "exports", exports, shallow=False)
    assert not mismatch and not errors
    assert xlsx_values(a / "exports" / "batch.xlsx") == xlsx_values(b / "exports" / "batch.xlsx")


def xlsx_values(path: Path) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def catalogue_rows(out: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with closing(sqlite3.connect(out / "catalogue.sqlite")) as db:
        return db.execute(sql, params).fetchall()

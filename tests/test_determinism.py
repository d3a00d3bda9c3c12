"""Determinism: the same input gives byte-identical canonical JSON across runs, processes, hash seeds and batch
worker counts; and the text-dump and PDF routes agree on the content they share.

Inputs: two seeds (a KPI report page and a department plan), a generated PDF with a ruled table, and the first
pages of a real PDF.  Each is compared by the SHA-256 of its canonical JSON (the bytes a user gets).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

import extractor
from extractor.emit import content_view, to_canonical_json, to_json_data
from tests.conftest import CORPUS, ROOT, SHARED
from tests.layout.pdfgen import CellSpec, Drawer, draw_table

REAL_PDF = SHARED / "real-pdfs" / "31.pdf"
REAL_PAGES = 4  # text-layer pages with tables and running headers (its later pages go to OCR: slow)
HASH_SEEDS = ("0", "4242")  # the test process itself runs with a random seed

_DIGEST_SCRIPT = """
import hashlib, json, sys
import extractor
from extractor.emit import to_canonical_json
print(json.dumps({p: hashlib.sha256(to_canonical_json(extractor.parse(p)).encode()).hexdigest() for p in sys.argv[1:]}))
"""


def digest(path: str) -> str:
    """SHA-256 of the canonical JSON of one input (module level: a spawned pool worker imports it)."""
    return hashlib.sha256(to_canonical_json(extractor.parse(path)).encode()).hexdigest()


def _table_pdf() -> bytes:
    d = Drawer()
    d.new_page()
    d.text(60, 60, "ส่วนที่ 1 การดำเนินงานตามแผนปฏิบัติราชการกรุงเทพมหานคร", size=14)
    cells = [
        CellSpec(0, 0, ["โครงการ"], bold=True),
        CellSpec(0, 1, ["งบประมาณ"], bold=True),
        CellSpec(0, 2, ["หน่วยงาน"], bold=True),
        CellSpec(1, 0, ["โครงการพัฒนาระบบ", "ฐานข้อมูลบุคลากร"]),
        CellSpec(1, 1, ["1,250,000"]),
        CellSpec(1, 2, ["สกจ."]),
        CellSpec(2, 0, ["โครงการฝึกอบรมเจ้าหน้าที่"]),
        CellSpec(2, 1, ["480,500"]),
        CellSpec(2, 2, ["สกจ."]),
    ]
    draw_table(d, 60, 90, [260, 110, 110], [28, 44, 28], cells)
    return d.bytes()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("determinism")
    paths = [str(CORPUS / "004_ca4f95fc6c9452ec.txt"), str(CORPUS / "001_0aacf57a1803022a.txt")]
    table = folder / "table.pdf"
    table.write_bytes(_table_pdf())
    paths.append(str(table))
    if REAL_PDF.exists():
        with pymupdf.open(REAL_PDF) as doc:
            doc.select(list(range(min(REAL_PAGES, doc.page_count))))
            real = folder / "real-first-pages.pdf"
            real.write_bytes(doc.tobytes())
        paths.append(str(real))
    return paths


@pytest.fixture(scope="module")
def baseline(inputs) -> dict[str, str]:
    return {p: digest(p) for p in inputs}


def test_repeated_runs_in_one_process_give_the_same_bytes(inputs, baseline):
    """A second parse in the same process: no cached state (grammars, lexicons) leaks between documents."""
    assert {p: digest(p) for p in reversed(inputs)} == baseline


def test_hash_seed_does_not_change_the_output(inputs, baseline):
    """Set and dict orders over strings change with PYTHONHASHSEED; the output must not (children run in parallel)."""
    children = []
    for seed in HASH_SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-c", _DIGEST_SCRIPT, *inputs]
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT))
    for seed, child in zip(HASH_SEEDS, children):
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
        assert json.loads(out) == baseline, f"PYTHONHASHSEED={seed}"


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_worker_count_does_not_change_the_output(inputs, baseline, tmp_path, workers):
    """``extractor batch --workers 1`` and ``--workers 2`` write the bytes a single in-process parse gives."""
    from extractor.batch import BatchOptions, run_batch

    summary = run_batch(inputs, tmp_path / "out", BatchOptions(workers=workers, exports=(), progress=False))
    assert summary.ok
    for path in inputs:
        name = hashlib.sha256(Path(path).read_bytes()).hexdigest() + ".json"
        written = (tmp_path / "out" / "documents" / name).read_bytes()
        assert hashlib.sha256(written).hexdigest() == baseline[path], path


COVER_LINES = [
    "แผนปฏิบัติการประจำปี พ.ศ. 2567",
    "สำนักงานทดสอบระบบ สำนักปลัดกรุงเทพมหานคร",
    "(แผน สทร. 67)",
    "คำนำ",
    "แผนฉบับนี้จัดทำขึ้นเพื่อใช้เป็นกรอบการดำเนินงานของหน่วยงาน",
    "สารบัญ",
    "ส่วนที่ 1 การดำเนินงานตามแผนปฏิบัติราชการกรุงเทพมหานคร",
    "ส่วนที่ 2 การดำเนินงานตามยุทธศาสตร์ของหน่วยงาน",
    "ส่วนที่ 3 บัญชีรายการโครงการ/กิจกรรมที่มีลักษณะเป็นภารกิจประจำพื้นฐาน",
    "ส่วนที่ 4 การแปลงแผนสู่การปฏิบัติและการติดตามประเมินผล",
    "ยุทธศาสตร์ย่อยที่ 7.1 การบริหารงานบุคคล",
    "ตัววัดผลหลัก (Key Result)",
]


def test_dump_and_pdf_routes_share_the_document_info():
    """The same front matter as a text export and as a PDF: the same document info, the same finding codes."""
    drawer = Drawer()
    drawer.new_page()
    for index, line in enumerate(COVER_LINES):
        drawer.text(60, 100 + 30 * index, line, size=16)
    from_dump = extractor.parse("\n".join(COVER_LINES).encode())
    from_pdf = extractor.parse(drawer.bytes())
    dump_info = content_view(to_json_data(from_dump)["document"])
    assert dump_info["template_id"] == "bma-2567-action-plan" and dump_info["unit_abbreviation"] == "สทร."
    assert content_view(to_json_data(from_pdf)["document"]) == dump_info
    assert [f.code for f in from_pdf.findings] == [f.code for f in from_dump.findings]
    assert from_dump.input.format == "text-dump" and from_pdf.input.format.startswith("pdf")


def test_inputs_are_what_the_tests_think(inputs):
    """Guard: the determinism tests above compare real documents, not empty results."""
    for path in inputs:
        document = extractor.parse(path)
        assert document.document.template_id is not None or Path(path).suffix == ".pdf"
        assert len(to_canonical_json(document)) > 1000

"""CI check of the Thai-digit reading on a scan: one page of seed 003 (budgets, policy codes, OKR codes, targets and
numbering in Thai digits; ``corpus/make_scans.py`` build), OCR'd and its Thai numbers compared with the text layer of
the same born-digital page.  Tesseract alone reads 8 of the page's 35 numbers right (it never outputs ๔ ๖ ๗ ๘ ๙);
with the shape re-read (``extractor/ingest/ocr_digits.py``) 24 (benchmarks/RESULTS.md "## OCR")."""

import collections

import pymupdf
import pytest
import regex as re

from extractor.ingest import ocr_tesseract
from extractor.ingest.ocr import read_pages
from tests.conftest import CORPUS

SCANNED = CORPUS / "scanned"
NUMBER = re.compile(r"[๐-๙]+(?:[,.][๐-๙]+)*")
FLOOR = 28  # of 35, just under the 30 measured (24 before table cells were read whole by shape, ocr_cells)
pytestmark = pytest.mark.skipif(not ocr_tesseract.tesseract_available(), reason="tesseract not installed")


def _text(glyphs) -> str:
    """The glyphs' characters, a space where a new OCR line starts (its glyphs' top differs)."""
    out, top = [], None
    for g in glyphs:
        if top is not None and abs(g.bbox[1] - top) > 1:
            out.append(" ")
        out.append(g.char)
        top = g.bbox[1]
    return "".join(out)


@pytest.fixture(scope="module")
def page():
    return read_pages(pymupdf.open(SCANNED / "excerpt003-scan200.pdf"), [1])[1]


def test_thai_numbers_read_from_the_scan(page):
    truth = collections.Counter(NUMBER.findall(pymupdf.open(SCANNED / "excerpt003.pdf")[0].get_text()))
    read = collections.Counter(NUMBER.findall(_text(page.model.glyphs)))
    assert sum(truth.values()) == 35
    assert sum((truth & read).values()) >= FLOOR, (truth, read)
    # the page's six budgets (๔๗๒,๑๐๐ is read ๕๓ฒญ๒,๑๐๐: a letter inside cuts the run, its cell is read whole)
    assert {"๓๒๙,๑๐๐", "๒๐๘,๔๐๐", "๓๑๖,๘๐๐", "๔๑๐,๖๐๐", "๓๓๑,๕๐๐", "๔๗๒,๑๐๐"} <= set(read)


def test_each_change_is_a_finding(page):
    # a number in a table cell is read whole with its cell (ocr_cells), the others run by run (ocr_digits)
    findings = {f[0]: f[1] for f in page.findings if f[0] in ("ocr.thai_digits_reread", "ocr.cells_read_by_shape")}
    assert "→ '๓๒๙,๑๐๐'" in findings["ocr.cells_read_by_shape"] and "→ '๑.๔.๐๗'" in findings["ocr.thai_digits_reread"]

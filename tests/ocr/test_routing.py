"""Routing per page: text layer vs OCR, a mixed document read as one, the route and its reason recorded."""

import pymupdf
import pytest

from extractor.ingest import ocr_tesseract, read
from extractor.ingest.ocr import OcrOptions
from extractor.ingest.ocr_route import image_only_reason
from extractor.layout.types import PageModel
from extractor.thai import Glyph
from tests.conftest import CORPUS

EXCERPT = CORPUS / "scanned" / "excerpt000.pdf"
needs_tesseract = pytest.mark.skipif(not ocr_tesseract.tesseract_available(), reason="tesseract not installed")


def _mixed_pdf() -> bytes:
    """Page 1: the excerpt's first page with its text layer; page 2: the same page as a bare image (a scan)."""
    src = pymupdf.open(EXCERPT)
    out = pymupdf.open()
    out.insert_pdf(src, from_page=0, to_page=0)
    pix = src[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    page = out.new_page(width=src[0].rect.width, height=src[0].rect.height)
    page.insert_image(page.rect, pixmap=pix)
    return out.tobytes()


def test_image_only_reason():
    scan = PageModel(1, 600, 800, [], images=[(0, 0, 600, 800)])
    assert "scanned page" in image_only_reason(scan)
    stamped = PageModel(1, 600, 800, [Glyph("1", (10, 10, 15, 20))], images=[(0, 0, 600, 800)])
    assert "only 1 text glyph" in image_only_reason(stamped)
    figure = PageModel(1, 600, 800, [], images=[(0, 0, 100, 100)])  # a small picture on an empty page
    assert image_only_reason(figure) == ""
    text = PageModel(1, 600, 800, [Glyph("ก", (10, 10, 15, 20))] * 50, images=[(0, 0, 600, 800)])
    assert image_only_reason(text) == ""


@needs_tesseract
def test_mixed_document_parses_as_one_with_routes():
    source = read(_mixed_pdf(), ocr=OcrOptions(dpi=300))
    assert [(p.number, p.route) for p in source.pages] == [(1, "text"), (2, "ocr")]
    assert "scanned page" in source.pages[1].route_reason
    assert source.input_format == "pdf-mixed"
    by_page = {1: "", 2: ""}
    for block in source.blocks:
        by_page[block.provenance.page] += block.text
    assert "กรุงเทพมหานคร" in by_page[1] and "กรุงเทพมหานคร" in by_page[2]


def test_missing_tesseract_is_a_finding_not_a_crash(monkeypatch):
    monkeypatch.setattr(ocr_tesseract, "tesseract_available", lambda: False)
    source = read(_mixed_pdf(), ocr=OcrOptions(dpi=100))
    failed = [f for f in source.reader_findings if f[0] == "ocr.page_failed"]
    assert len(failed) == 1 and "not installed" in failed[0][1] and failed[0][2].page == 2
    assert source.pages[1].route == "ocr"


def test_spent_deadline_stops_the_ocr_route():
    from extractor.errors import LimitExceededError
    from extractor.limits import Deadline

    import itertools

    ticks = itertools.count()  # one second per check: pages 1 and 2 are read in time, the OCR of page 2 is not
    spent = Deadline(2.5, clock=lambda: float(next(ticks)))
    with pytest.raises(LimitExceededError, match="OCR of page 2"):
        read(_mixed_pdf(), ocr=OcrOptions(dpi=100), deadline=spent)

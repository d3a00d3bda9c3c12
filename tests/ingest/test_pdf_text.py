"""Text as the document says it: glyph-level encoding artefacts of the PDF are undone before ``text`` and ``raw``."""

from __future__ import annotations

from extractor.ingest.pdf import read_pdf
from tests.layout.pdfgen import Drawer


def test_garuda_dash_reads_back_as_hyphen_minus() -> None:
    """Garuda draws '-' and U+2010 with one glyph, whose text maps to U+2010: codes, dash cells and page numbers."""
    d = Drawer()
    d.new_page()
    d.text(280, 30, "- 2 -", size=12)
    d.text(72, 100, "ตัวชี้วัด : 0409-0968", size=14)
    d.text(72, 130, "-", size=14)
    doc = read_pdf(d.bytes())
    assert [b.text for b in doc.blocks] == ["ตัวชี้วัด : 0409-0968", "-"]
    assert [b.raw for b in doc.blocks] == ["ตัวชี้วัด : 0409-0968", "-"]

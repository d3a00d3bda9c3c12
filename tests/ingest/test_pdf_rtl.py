"""Right-to-left text in a PDF text layer: read in logical order, Arabic presentation forms as their letters.

The PDFs are built here with PyMuPDF: a Story (HarfBuzz shaping, as ``corpus.render`` typesets) draws Thai in Loma
and Arabic in DejaVu Sans, so the text layer holds shaped presentation forms placed right to left; ``insert_text``
draws pre-shaped forms one after the other, as a writer that stores visual order does.
"""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
import pytest

from extractor.ingest.pdf import read_pdf
from extractor.ingest.pdf_page import fold_presentation_forms
from extractor.layout.lines import logical_order
from extractor.thai import Glyph

LOMA = Path("/usr/share/fonts/truetype/tlwg/Loma.ttf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_CSS = (
    "@font-face {font-family: T; src: url(Loma.ttf);} @font-face {font-family: A; src: url(DejaVuSans.ttf);}"
    " body {font-family: T; font-size: 14pt;} .ar {font-family: A;}"
)


@pytest.fixture(autouse=True)
def _fonts() -> None:
    if not (LOMA.exists() and DEJAVU.exists()):
        pytest.skip("Loma (fonts-thai-tlwg) and DejaVu Sans are needed")


def _story_pdf(html: str) -> bytes:
    """One A4 page with ``html`` typeset by a MuPDF Story (text shaped by HarfBuzz)."""
    archive = pymupdf.Archive(str(LOMA.parent))
    archive.add(str(DEJAVU.parent))
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    device = writer.begin_page(pymupdf.Rect(0, 0, 595, 842))
    story = pymupdf.Story(html, user_css=_CSS, archive=archive)
    story.place(pymupdf.Rect(50, 50, 545, 800))
    story.draw(device)
    writer.end_page()
    writer.close()
    return buf.getvalue()


def _texts(pdf: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    source = read_pdf(pdf)
    return [b.text for b in source.blocks], [(code, message) for code, message, _ in source.reader_findings]


def test_arabic_inside_thai_is_read_in_logical_order_as_base_letters() -> None:
    # the source typo of seed 003's KPI name: Arabic letters inside a Thai word
    texts, findings = _texts(_story_pdf("<p>จำนวนจุด<span class='ar'>هاب</span>เร่งแผงลอย Latin</p>"))
    assert texts == ["จำนวนจุดهابเร่งแผงลอย Latin"]
    rtl = [message for code, message in findings if code == "pdf.rtl_text"]
    assert rtl == ["3 right-to-left glyphs read in logical order (right to left); 2 Arabic presentation forms read as "
                   "their base letters"]


def test_arabic_words_with_a_number_and_a_ligature_between_thai_words() -> None:
    texts, _ = _texts(_story_pdf("<p>ชื่อ <span class='ar'>مرحبا بالعالم 2024 لا</span> ครับ</p>"))
    # the run's words and its number in logical order; the lam-alef ligature is two letters
    assert texts == ["ชื่อ مرحبا بالعالم 2024 لا ครับ"]


def test_a_haraka_stays_on_its_letter() -> None:
    texts, _ = _texts(_story_pdf("<p><span class='ar'>بَاب</span></p>"))
    assert texts == ["بَاب"]


def test_glyphs_drawn_in_visual_order_are_read_by_position() -> None:
    # a writer that stores visual order: the shaped forms of هاب drawn left to right, final ب first
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="loma", fontfile=str(LOMA))
    page.insert_font(fontname="dejavu", fontfile=str(DEJAVU))
    x = 72.0
    for text, font in (("จุด", "loma"), ("\ufe8f\ufe8e\ufeeb", "dejavu"), ("เร่ง", "loma")):
        page.insert_text((x, 100), text, fontname=font, fontsize=14)
        x += pymupdf.Font(fontfile=str(LOMA if font == "loma" else DEJAVU)).text_length(text, fontsize=14)
    texts, _ = _texts(doc.tobytes())
    assert texts == ["จุดهابเร่ง"]


def test_no_finding_without_right_to_left_text() -> None:
    _, findings = _texts(_story_pdf("<p>ค่าเป้าหมาย ๑๒๓ Latin</p>"))
    assert [code for code, _ in findings if code == "pdf.rtl_text"] == []


def test_presentation_forms_only_are_folded_never_thai() -> None:
    # NFKC would split SARA AM (ำ → ํา) and rewrite the ligature glyph; only U+FB50-FDFF and U+FE70-FEFF are folded
    glyphs = [Glyph(ch, (0, 0, 1, 1)) for ch in ("ท", "ำ", "\ufefb", "\ufeeb", "١")]
    folded, count = fold_presentation_forms(glyphs)
    assert [g.char for g in folded] == ["ท", "ำ", "لا", "ه", "١"] and count == 2


def test_logical_order_of_a_run_between_left_to_right_text() -> None:
    # Hebrew letters in visual order (as x sorts them), with a number and neutrals inside the run
    visual = list("abc ") + list("גבא") + list(" 12.5 ") + list("והד") + list(", xyz")
    assert "".join(logical_order(visual)) == "abc דהו 12.5 אבג, xyz"
    # a number at the run's edge stays where it is drawn (the drawing cannot tell which side it belongs to)
    assert "".join(logical_order(list("12 בא ไทย"))) == "12 אב ไทย"
    assert logical_order(list("ไทย 12")) == list("ไทย 12")

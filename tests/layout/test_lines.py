"""Thai-aware line building: marks attach to their base whatever their vertical offset; footnote refs come out."""

from __future__ import annotations

from extractor.ingest.pdf import read_pdf
from extractor.ingest.pdf_page import read_glyphs
from extractor.layout.lines import build_lines
from extractor.thai.glyphs import Glyph
from tests.layout.pdfgen import Drawer

import pymupdf


def _g(char: str, x0: float, x1: float, y0: float = 100, y1: float = 114, size: float = 12) -> Glyph:
    return Glyph(char, (x0, y0, x1, y1), "Garuda", size)


def test_zero_width_mark_far_above_attaches_to_its_base() -> None:
    # ส่ง: the tone mark is drawn well above the line (its box does not even overlap the line vertically)
    glyphs = [_g("ส", 10, 18), _g("ง", 18, 25), _g("\u0e48", 18, 18, 84, 96)]
    lines = build_lines(glyphs)
    assert [ln.text for ln in lines] == ["ส\u0e48ง"]


def test_mark_below_line_attaches_and_line_is_not_split() -> None:
    # ยุทธ: SARA U hangs below the base line
    glyphs = [_g("ย", 10, 18), _g("ท", 18, 26), _g("ธ", 26, 33), _g("\u0e38", 18, 18, 110, 124)]
    assert [ln.text for ln in build_lines(glyphs)] == ["ย\u0e38ทธ"]


def test_mark_kerned_past_its_base_edge_stays_with_the_nearest_right_edge() -> None:
    # as in real InDesign exports: the mark sits 0.45 pt right of its base's right edge, inside the next glyph
    glyphs = [_g("ท", 10, 19.0), _g("\u0e31", 19.0, 19.0), _g("\u0e49", 19.45, 19.45), _g("ง", 19.0, 25)]
    assert build_lines(glyphs)[0].text == "ท\u0e31\u0e49ง"


def test_marks_drawn_separately_with_offset_read_back_in_place(tmp_path) -> None:
    """A PDF whose tone marks are drawn as separate text runs, raised 5 pt: the word still reads whole."""
    d = Drawer()
    d.new_page()
    d.text(72, 100, "สงเสรม", size=14)
    font = pymupdf.Font(fontfile="/usr/share/fonts/truetype/tlwg/Garuda.ttf")
    x_after_so = 72 + font.text_length("ส", fontsize=14)
    x_after_ro = 72 + font.text_length("สงเสร", fontsize=14)
    d.text(x_after_so, 95, "\u0e48", size=14)  # ่ on ส, raised
    d.text(x_after_ro, 94, "\u0e34", size=14)  # ิ on ร, raised
    glyphs = read_glyphs(pymupdf.open(stream=d.bytes(), filetype="pdf")[0])
    assert [ln.text for ln in build_lines(glyphs)] == ["ส\u0e48งเสร\u0e34ม"]


def test_generated_thai_line_reads_back_exactly() -> None:
    d = Drawer()
    d.new_page()
    sentence = "ยุทธศาสตร์ที่ 1 ส่งเสริมผู้ใหญ่ กำลังพัฒนา"
    d.text(72, 120, sentence, size=14)
    doc = read_pdf(d.bytes())
    assert [b.text for b in doc.blocks] == [sentence]


def test_footnote_number_glued_to_word_is_taken_out() -> None:
    d = Drawer()
    d.new_page()
    word = "วัตถุประสงค์หลัก"
    d.text(72, 200, word + " ของแผน", size=14)
    d.text(72 + d.width_of(word, 14) + 0.5, 194, "1", size=8)  # smaller and raised
    d.text(72, 230, "ย่อหน้าถัดไป", size=14)
    doc = read_pdf(d.bytes())
    first = doc.blocks[0]
    assert first.text == word + " ของแผน"
    refs = [r for r in first.repairs if r.code == "layout.footnote_ref"]
    assert [(r.before, r.position) for r in refs] == [("1", len(word))]


def test_plain_digits_in_text_are_not_footnotes() -> None:
    d = Drawer()
    d.new_page()
    d.text(72, 200, "ปีงบประมาณ 2565", size=14)
    doc = read_pdf(d.bytes())
    assert doc.blocks[0].text == "ปีงบประมาณ 2565"
    assert not doc.blocks[0].repairs


def test_tone_mark_shifted_left_over_its_base_stays_on_its_line() -> None:
    """Kinnari stacks ้ over ื by drawing it 2.4 pt left of น's right edge; a base in the line below has its right
    edge right under the mark.  The mark stands over น: it belongs there, not to ร below (เนื้อ, not เนือ/ร้)."""
    glyphs = [
        _g("เ", 198.76, 202.81, 102.42, 114.42), _g("น", 202.81, 210.76, 102.42, 114.42),
        _g("\u0e37", 210.21, 210.21, 102.42, 114.42), _g("\u0e49", 208.32, 208.32, 102.42, 114.42),
        _g("อ", 210.21, 217.0, 102.42, 114.42),
        _g("จ", 191.71, 198.49, 119.82, 131.82), _g("า", 198.49, 203.61, 119.82, 131.82),
        _g("ร", 203.61, 208.99, 119.82, 131.82), _g("ณ", 208.99, 218.59, 119.82, 131.82),
    ]
    assert [ln.text for ln in build_lines(glyphs)] == ["เน\u0e37\u0e49อ", "จารณ"]

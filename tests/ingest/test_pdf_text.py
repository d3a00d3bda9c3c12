"""Text as the document says it: glyph-level encoding artefacts of the PDF are undone before ``text`` and ``raw``."""

from __future__ import annotations

from extractor.ingest.pdf import read_pdf
from tests.layout.pdfgen import CellSpec, Drawer, draw_table


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


def test_latin_ligature_glyph_reads_back_as_its_letters() -> None:
    d = Drawer()
    d.new_page()
    d.text(72, 100, "บุคลากร (Sta\ufb00)", size=14)  # the text layer a shaper writes for 'Staff'
    (block,) = read_pdf(d.bytes()).blocks
    assert block.text == block.raw == "บุคลากร (Staff)"


def test_raw_is_the_text_as_written_not_as_encoded() -> None:
    """SARA AM split by shaping into NIKHAHIT + SARA AA is composed in raw too; wraps become what they stood for."""
    d = Drawer()
    d.new_page()
    cells = [
        CellSpec(0, 0, ["หน่วยงาน"], bold=True),
        CellSpec(0, 1, ["ตัวชี้วัด"], bold=True),
        CellSpec(1, 0, ["ส\u0e4d\u0e32นักยุทธศาสตร์", "และประเมินผล"]),  # as a shaping font writes สำนัก
        CellSpec(1, 1, ["KPI 1.1 :", "ร้อยละ 80"]),
    ]
    draw_table(d, 60, 100, [88, 70], [24, 44], cells)  # widths where the next word would not have fitted: wraps
    (table,) = [b for b in read_pdf(d.bytes()).blocks if b.is_table]
    unit, kpi = table.rows[1].cells
    assert unit.raw == unit.text == "สำนักยุทธศาสตร์และประเมินผล"
    assert [(r.code, r.before, r.after) for r in unit.repairs] == [("thai.sara_am_composed", "\u0e4d\u0e32", "\u0e33")]
    assert kpi.raw == kpi.text == "KPI 1.1 : ร้อยละ 80"


def test_paragraph_wrapped_after_a_space_glyph_keeps_the_space_in_raw() -> None:
    """A line ending in a space glyph wrapped at a real space: raw joins the lines with it, never with a newline."""
    d = Drawer()
    d.new_page()
    first = "การพัฒนาระบบบริหารจัดการเพื่อให้บริการประชาชนอย่างมีประสิทธิภาพและโปร่งใส "
    d.text(72, 100, first, size=14)
    d.text(72, 120, "ทุกขั้นตอน", size=14)
    (block,) = read_pdf(d.bytes()).blocks
    assert block.raw == first + "ทุกขั้นตอน"


def test_sara_am_glyph_mapped_to_the_whole_vowel_is_read_once() -> None:
    """Some fonts map the NIKHAHIT glyph of ำ to ำ itself, so the text layer says ำา (31.pdf contents pages)."""
    d = Drawer()
    d.new_page()
    d.text(72, 100, "ส\u0e33\u0e32นักงานคณะกรรมการ", size=14)
    (block,) = read_pdf(d.bytes()).blocks
    assert block.text == block.raw == "สำนักงานคณะกรรมการ"

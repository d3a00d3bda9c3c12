"""The document's own line evidence for the breaks the geometry cannot decide (``paragraphs.LineOpenings``)."""

from __future__ import annotations

from dataclasses import replace

from extractor.layout.paragraphs import LineOpenings, broke_early, opens_written_item, wrapped
from extractor.layout.text import joined_text
from extractor.layout.types import TextLine


def line(text: str, *, space: bool = False) -> TextLine:
    return TextLine(text, 0.0, 0.0, 200.0, 12.0, 12.0, False, ends_with_space=space)


def proven(above: str, below: str) -> tuple[TextLine, TextLine, bool]:
    return line(above), line(below), True


def unproven(above: str, below: str) -> tuple[TextLine, TextLine, bool]:
    return line(above), line(below), False


# two cells whose short lines prove the break before ค่าเป้าหมาย written
TWO_PROVEN = [proven("นับจำนวนแผน", "ค่าเป้าหมาย 1 แผน"), proven("ร้อยละของงาน", "ค่าเป้าหมาย ร้อยละ 80")]
FULL_LINE = line("การจัดทำข้อตกลงความร่วมมือ")
LABEL_LINE = line("ค่าเป้าหมาย 1 แผน วิธีคำนวณ นับจำนวน")


def test_a_line_opening_of_the_document_after_a_full_line_is_a_written_break():
    openings = LineOpenings(TWO_PROVEN + [(FULL_LINE, LABEL_LINE, False)], [])
    assert openings.written(FULL_LINE, LABEL_LINE, None)


def test_one_proven_break_is_not_enough():
    openings = LineOpenings(TWO_PROVEN[:1] + [(FULL_LINE, LABEL_LINE, False)], [])
    assert not openings.written(FULL_LINE, LABEL_LINE, None)


def test_a_run_that_follows_unproven_breaks_as_often_is_no_line_opening():
    others = [unproven(f"ข้อความที่ยาวเต็มบรรทัด{i}ก", f"ค่าเป้าหมาย ข้อ {i}") for i in range(2)]
    openings = LineOpenings(TWO_PROVEN + others, [])
    assert not openings.written(FULL_LINE, LABEL_LINE, None)


def test_a_phrase_written_in_one_line_elsewhere_is_a_wrap():
    elsewhere = [line("ผลของความร่วมมือค่าเป้าหมาย ที่ตั้งไว้")]
    openings = LineOpenings(TWO_PROVEN, elsewhere)
    assert not openings.written(FULL_LINE, LABEL_LINE, None)


def test_after_a_space_or_a_number_the_break_may_be_a_wrap_at_a_space():
    openings = LineOpenings(TWO_PROVEN, [])
    assert not openings.written(line("การจัดทำข้อตกลงความร่วมมือ", space=True), LABEL_LINE, None)
    assert not openings.written(line("ร้อยละ ๑๐๐"), LABEL_LINE, None)


def test_a_run_that_may_go_on_in_the_next_line_is_not_whole():
    openings = LineOpenings(TWO_PROVEN, [])
    assert not openings.written(FULL_LINE, line("ค่าเป้าหมาย"), line("ของโครงการ"))
    assert openings.written(FULL_LINE, line("ค่าเป้าหมาย"), line("1 แผน"))


def test_a_line_opening_with_the_run_the_line_above_ends_with_is_a_written_break():
    above = line("ในแต่ละกระบวนงานตามกรอบระยะเวลา")
    below = line("กรอบระยะเวลา หมายถึง ระยะเวลาตั้งแต่")
    assert LineOpenings([], []).written(above, below, None)


SPACED = [line(text) for text in ("การให้บริการ และพัฒนา", "การเตรียมตัวรับบริการ และข้อมูล", "ขอรับบริการ และสามารถ")]


def test_a_wrap_before_a_conjunction_the_document_sets_off_stood_at_a_space():
    openings = LineOpenings([], SPACED)
    above, below = line("ด้านคุณภาพการบริการ"), line("และ ด้านเจ้าหน้าที่")
    assert openings.spaced(above, below)
    text, raw, _, _ = joined_text([above, below], spaced=openings.spaced)
    assert (text, raw) == ("ด้านคุณภาพการบริการ และ ด้านเจ้าหน้าที่", "ด้านคุณภาพการบริการ และ ด้านเจ้าหน้าที่")


def test_a_conjunction_wrap_stays_joined_without_enough_evidence():
    above, below = line("ด้านคุณภาพการบริการ"), line("และ ด้านเจ้าหน้าที่")
    assert not LineOpenings([], SPACED[:2]).spaced(above, below)  # two lines may be chance
    assert not LineOpenings([], SPACED + [line("ผู้รับบริการและประชาชน")]).spaced(above, below)  # written both ways
    assert joined_text([above, below])[0] == "ด้านคุณภาพการบริการและ ด้านเจ้าหน้าที่"


def test_only_a_conjunction_is_set_off_by_the_evidence():
    lines = [line(f"ระบบเครือข่ายของ หน่วยงานกลาง แห่งที่ {i}") for i in "123"]  # three lines set it off
    assert not LineOpenings([], lines).spaced(line("ระบบเครือข่ายของ"), line("หน่วยงานกลาง"))


def test_a_word_that_fits_by_half_an_em_proves_a_written_break_in_a_text_layer_but_not_in_ocr_ink():
    size = 10.0
    above = TextLine("แผนการกระจายอำนาจให้", 0.0, 0.0, 170.0, 12.0, size, False)
    # แก่: two advancing glyphs, 12 pt on its own edges; 17 pt of room left before the cell's right edge at 187 pt
    below = TextLine("แก่", 0.0, 14.0, 12.0, 26.0, size, False, lead_x1=12.0, lead_edges=(6.0, 12.0))
    assert broke_early(above, below, 0.0, 187.0, spaces_kept=True)
    read_off_a_scan = replace(below, ink_widths=True)  # ink runs short of the advances a typesetter measured
    assert not broke_early(above, read_off_a_scan, 0.0, 187.0, spaces_kept=True)


def test_an_ink_line_a_side_bearing_short_of_the_wrap_margin_wrapped():
    """Seed 002's ``… มีความรู้`` / ``ความสามารถ …`` read off a scan ends 0.1 pt before 85 % of the text width: its
    ink stops a side bearing short of the advances, so it reached the margin; a text layer's line there did not."""
    above = TextLine("1. ผู้บริหารระดับสูงของสำนักงาน มีความรู้", 57.1, 176.6, 466.1, 188.6, 12.0, False)
    below = TextLine("ความสามารถ มีทัศนคติที่ดี", 56.9, 193.9, 431.3, 205.9, 12.0, False, lead_x1=120.2)
    assert not wrapped(above, below, 56.4, 538.6)
    assert wrapped(replace(above, ink_widths=True), replace(below, ink_widths=True), 56.4, 538.6)
    short = replace(above, x1=455.0, ink_widths=True)  # a whole em short: a line that ended, ink or not
    assert not wrapped(short, replace(below, ink_widths=True), 56.4, 538.6)


def ink(text: str) -> TextLine:
    return TextLine(text, 0.0, 0.0, 200.0, 12.0, 12.0, False, ink_widths=True)


def never(above: TextLine, below: TextLine) -> bool:
    return False


def test_on_a_scan_an_item_mark_the_cell_opens_with_opens_a_written_item():
    cell = [ink("- ค่าคะแนน ๕ คือ มีระดับความเชื่อมั่นมากที่สุด"), ink("มีระดับความเชื่อมั่นมาก"), ink("- ค่าคะแนน ๓ คือ")]
    assert opens_written_item(cell[2], cell, never)
    assert not opens_written_item(cell[1], cell, never)  # no mark


def test_on_a_scan_an_item_mark_after_a_proven_written_break_opens_a_written_item():
    cell = [ink("วิธีการ ดังนี้"), ink("(๑) ประสานนัดหมาย"), ink("หน่วยงานที่เกี่ยวข้องทั้งหมด"), ink("(๒) ลงพื้นที่")]
    assert opens_written_item(cell[3], cell, lambda above, below: below is cell[1])
    assert not opens_written_item(cell[3], cell, never)  # nothing proves the cell breaks before its items


def test_an_inline_list_wraps_anywhere():
    cell = [ink("๑. ขุดลอกคลองบางมด ๒. ขุดลอกคลองครุ"), ink("๓. ขุดลอกคลองวัดเพลง")]
    assert not opens_written_item(cell[1], cell, never)


def test_a_text_layer_needs_no_item_evidence():
    cell = [line("- ค่าคะแนน ๕ คือ มาก"), line("มีระดับความเชื่อมั่นมาก"), line("- ค่าคะแนน ๓ คือ")]
    assert not opens_written_item(cell[2], cell, never)

"""The wrap joins the layout reports with a text (``blocks.WrapJoin``): where it joined two lines with nothing."""

from __future__ import annotations

from extractor.blocks import Block, BlockKind, WrapJoin
from extractor.layout.paragraphs import join_across_pages
from extractor.layout.text import joined_text
from extractor.layout.types import TextLine


def line(text: str, *, space: bool = False) -> TextLine:
    return TextLine(text, 0.0, 0.0, 200.0, 12.0, 12.0, False, ends_with_space=space)


def test_a_join_between_thai_letters_is_reported_with_the_letters_around_it():
    text, _, _, joins = joined_text([line("ผู้ว่าราชการกรุงเทพมหานคร"), line("ระยะเวลาเฉลี่ยภายใน ๑๒ นาที")])
    assert text == "ผู้ว่าราชการกรุงเทพมหานครระยะเวลาเฉลี่ยภายใน ๑๒ นาที"
    assert joins == (WrapJoin("ราชการกรุงเทพมหานคร"[-12:], "ระยะเวลาเฉลี่ยภายใน"[:12]),)


def test_a_short_run_is_reported_whole():
    assert joined_text([line("ตามมาตรฐาน 1 การ"), line("ปฏิบัติ 2")])[3] == (WrapJoin("การ", "ปฏิบัติ"),)


def test_no_join_is_reported_at_a_space_a_written_break_or_a_number():
    assert joined_text([line("เข้าถึง", space=True), line("สวัสดิการ")])[3] == ()
    assert joined_text([line("ร้อยละ 80"), line("ของงาน")])[3] == ()
    assert joined_text([line("นับจำนวนแผน"), line("ค่าเป้าหมาย")], hard_break=lambda a, b: True)[3] == ()
    assert joined_text([line("ข้อความบรรทัดเดียว")])[3] == ()


def test_a_paragraph_joined_across_a_page_break_reports_the_join():
    prev = Block(BlockKind.PARAGRAPH, "ตามแผนพัฒนา", "ตามแผนพัฒนา", wrap_joins=(WrapJoin("ตาม", "แผน"),))
    join_across_pages(prev, Block(BlockKind.PARAGRAPH, "กรุงเทพมหานคร ระยะ 20 ปี", "กรุงเทพมหานคร ระยะ 20 ปี"), False)
    assert prev.wrap_joins == (WrapJoin("ตาม", "แผน"), WrapJoin("ตามแผนพัฒนา", "กรุงเทพมหานค"))
    spaced = Block(BlockKind.PARAGRAPH, "ตามแผนพัฒนา", "ตามแผนพัฒนา")
    join_across_pages(spaced, Block(BlockKind.PARAGRAPH, "กรุงเทพมหานคร", "กรุงเทพมหานคร"), True)
    assert spaced.wrap_joins == ()


def test_a_join_is_marked_space_unseen_only_where_the_source_keeps_no_space_glyph():
    lines = [line("ผลการประเมินความพึงพอใจ"), line("ค่าเฉลี่ยของประชาชน")]
    (kept,) = joined_text(lines)[3]
    (unseen,) = joined_text(lines, spaces_kept=False)[3]
    assert not kept.space_unseen and unseen.space_unseen
    assert (unseen.before, unseen.after) == (kept.before, kept.after)


def test_a_space_read_at_a_line_end_is_a_wraps_only_where_the_source_keeps_the_space_glyph():
    lines = [line("ผลการประเมินความพึงพอใจ", space=True), line("ค่าเฉลี่ยของประชาชน")]
    assert joined_text(lines)[0] == "ผลการประเมินความพึงพอใจ ค่าเฉลี่ยของประชาชน"
    text, raw, _, joins = joined_text(lines, spaces_kept=False)  # OCR: a space before a speck the reader dropped
    assert text == raw == "ผลการประเมินความพึงพอใจค่าเฉลี่ยของประชาชน"
    assert joins == (WrapJoin("ประเมินความพึงพอใจ"[-12:], "ค่าเฉลี่ยของประชาชน"[:12], space_unseen=True),)
    assert joined_text(lines, spaced=lambda a, b: True, spaces_kept=False)[0] == joined_text(lines)[0]

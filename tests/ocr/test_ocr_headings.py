"""Numbered heading keywords (from the grammars) restored at the start of OCR text, and nowhere else."""

import pytest

from extractor.thai.ocr_correct import correct_text
from extractor.thai.ocr_headings import line_headings, numbered_keywords, restore_keyword, restore_line_heading


def test_keywords_come_from_the_grammars():
    keywords = numbered_keywords()
    assert {"มิติที่", "ยุทธศาสตร์ที่", "ยุทธศาสตร์ย่อยที่", "ส่วนที่", "กลยุทธ์"} <= set(keywords)
    assert "ตาราง" not in keywords  # no combining mark: nothing an OCR could lose


@pytest.mark.parametrize(
    "ocr, expected",
    [
        ("มตท 1 การบริการสาธารณะ", "มิติที่ 1 การบริการสาธารณะ"),  # every mark of a bold heading lost
        ("ส่วนที1 ความสอดคล้อง", "ส่วนที่1 ความสอดคล้อง"),
        ("ยุทธศ าสตร์ที่ 4 การเชื่อมโยง", "ยุทธศาสตร์ที่ 4 การเชื่อมโยง"),  # a space OCR put inside
        ("ยุทธศาสตร์ย่อยที่ 4.1 เมือง", None),  # already right
        ("มตท การบริการ", None),  # no number after it: not a heading, the skeleton alone proves nothing
        ("การบริการ มตท 1", None),  # not at the start
        ("สวนทาง 5 แห่ง", None),  # more letters than the keyword's skeleton
        ("มติที 4 ด้านการพัฒนาองค์กร", "มติที่ 4 ด้านการพัฒนาองค์กร"),  # the misspelling the 2563 grammar accepts
        ("มิติที 3 ด้านคุณภาพ", "มิติที่ 3 ด้านคุณภาพ"),  # the mark on ม read: not the misspelling
        ("มติที่ 2 ด้านประสิทธิภาพ", None),  # an accepted spelling as written stays
    ],
)
def test_restore_keyword(ocr, expected):
    fixed, fix = restore_keyword(ocr)
    assert fixed == (expected or ocr)
    assert (fix is None) == (expected is None)


def test_spellings_of_a_keyword_come_from_the_grammars_alternation():
    keywords = numbered_keywords()
    assert {"มิติที่", "มติที่"} <= set(keywords)  # ``(?P<label>มิติ|มติ)ที่`` in the 2563 grammar
    assert keywords.index("มิติที่") < keywords.index("มติที่")  # the fuller spelling first: a bare reading's pick


def test_restored_keyword_is_a_correction_with_evidence():
    text, corrections = correct_text("มตท 1 การบริการสาธารณะ")
    assert text.startswith("มิติที่ 1")
    [c] = [c for c in corrections if c.code == "ocr.heading_keyword_restored"]
    assert c.before == "มตท" and c.after == "มิติที่" and "before a number" in c.evidence


def test_line_headings_come_from_the_grammars():
    headings = line_headings()
    assert {"พันธกิจ", "เป้าหมาย", "วิสัยทัศน์", "สารบัญ"} <= set(headings)
    assert "คำนำ" not in headings  # no mark to lose


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("พ้นธกจ", "พันธกิจ"),  # two marks read off
        ("เปาหมาย ", "เป้าหมาย"),
        ("วิสัยทัศน", "วิสัยทัศน์"),
        ("พันธกิจ", None),  # already right
        ("พ้นธกจ ๑", None),  # more than the heading on the line
        ("ปาหมาย", None),  # a letter short
    ],
)
def test_section_heading_alone_on_its_line_restored(ocr, expected):
    fixed, fix = restore_line_heading(ocr)
    assert fixed == (expected or ocr)
    assert (fix is None) == (expected is None)
    if expected:
        _, [c] = correct_text(ocr)
        assert c.code == "ocr.heading_keyword_restored" and c.after == expected and "whole line" in c.evidence


# ---- headings checked against their neighbours (check_headings, recheck_headings) ----------------------------

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row  # noqa: E402
from extractor.ingest.ocr_recheck import recheck_headings  # noqa: E402
from extractor.thai.ocr_headings import (  # noqa: E402
    check_headings,
    check_sections,
    clean_labels,
    dot_readings,
    restore_header_word,
    restore_label,
    table_headers,
)


@pytest.mark.parametrize(
    "number, reading",
    [("715", "7.5"), ("75", "7.5"), ("7.15", "7.5"), ("7:5", "7.5")],
)
def test_dot_readings_put_one_dot_back(number, reading):
    assert reading in dot_readings(number)


@pytest.mark.parametrize(
    "heading, child, expected",
    [
        ("มิติที่ 715 เทคโนโลยีสารสนเทศ", "เป้าประสงค์ที่ 7.5.1.2 มีระบบ", "มิติที่ 7.5 เทคโนโลยีสารสนเทศ"),  # dot read as 1
        ("มิติที่ 7.15 เทคโนโลยีสารสนเทศ", "เป้าหมายที่ 7.5.1 กรุงเทพ", "มิติที่ 7.5 เทคโนโลยีสารสนเทศ"),  # dot read as .1
        ("มิติที่ 74 การคลัง", "เป้าประสงค์ที่ 7.4.1.4 ปรับปรุง", "มิติที่ 7.4 การคลัง"),  # dot lost
        ("มิติที่ 7.15 เทคโนโลยีสารสนเทศ", "เป้าหมายที่ 7.15.1 กรุงเทพ", None),  # the child extends it: a real 7.15
        ("มิติที่ 1 การบริการสาธารณะ", "ยุทธศาสตร์ที่ 4 การเชื่อมโยง", None),  # no dotted child: nothing to check
        ("จำนวน 15 แห่ง", "เป้าหมายที่ 1.5.1 กรุงเทพ", None),  # not a heading keyword of the grammars
    ],
)
def test_heading_number_checked_against_its_child(heading, child, expected):
    texts, fixes = check_headings([heading, child])
    assert texts == [expected or heading, child]
    assert len(fixes) == (expected is not None)


@pytest.mark.parametrize(
    "ocr, expected",
    [
        ("๖. เรยนด", "๖. เรียนดี"),  # every upper vowel of the bold heading lost
        ("๓. โปร่งใสดิ", "๓. โปร่งใสดี"),  # SARA II read SARA I
        ("๔. สิ่งแวดล้อมดี", None),  # already right
        ("๖. เรยนด และอื่น ๆ", None),  # more than the name: not a heading of a listed name
    ],
)
def test_listed_heading_name_restored(ocr, expected):
    texts, fixes = check_headings([ocr])
    assert texts == [expected or ocr]
    assert len(fixes) == (expected is not None)


def test_recheck_headings_fixes_ocr_blocks_only_with_a_finding():
    def block(text: str, page: int) -> Block:
        return Block(BlockKind.HEADING, text=text, raw=text, provenance=Provenance(page=page))

    blocks = [block("มิติที่ 715 เทคโนโลยีสารสนเทศ", 1), block("เป้าประสงค์ที่ 7.5.1.2 มีระบบ", 1), block("๖. เรยนด", 2)]
    findings = recheck_headings(blocks, {1})
    assert [b.text for b in blocks] == ["มิติที่ 7.5 เทคโนโลยีสารสนเทศ", "เป้าประสงค์ที่ 7.5.1.2 มีระบบ", "๖. เรยนด"]
    [(code, message, where)] = findings
    assert code == "ocr.heading_restored" and "'715'" in message and "7.5.1.2" in message and where.page == 1


def test_table_headers_come_from_the_grammars():
    roles = {role for role, _ in table_headers()}
    assert {"project_summary", "kpi_targets"} <= roles and all(len(words) >= 3 for _, words in table_headers())


@pytest.mark.parametrize(
    "cells, expected",
    [
        # ลำดับที่ read สำดับที่: the other three words of the project summary's header are there
        (["สำดับที่", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการที่รับผิดชอบ", "รหัสนโยบาย"], (0, "สำดับ", "ลำดับ")),
        (["ลำดับที่", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการที่รับผิดชอบ", "รหัสนโยบาย"], None),  # a header already
        (["J » a aiaun", "ชื่อโครงการ/กิจกรรมสำคัญ", "งบประมาณ", "ส่วนราชการ", "รหัสนโยบาย"], None),  # more than a letter off
        (["สำดับที่", "ชื่อโครงการ/กิจกรรมสำคัญ", "ส่วนราชการที่รับผิดชอบ"], None),  # two words short: no evidence
        (["ลำดับที่", "ตัวชี้วัด", "คำเป้าหมาย"], (2, "คำเป้าหมาย", "ค่าเป้าหมาย")),  # SARA AM for MAI EK + SARA AA
        (["ลำดับที่", "ตัวชี้วัด", "คำอธิบาย"], None),  # a real word, not the header's
        (["ระดับความสำเร็จ", "เกณฑร้อยละ", "วิธีวัดผลการดำเนินงาน", "คะแนนที่ได้"], (1, "เกณฑร้อยละ", "เกณฑ์ร้อยละ")),  # a mark lost
        # two short, each read off, beside two found as written: the first of them, then the other
        (["ระดับความสำเร็จ", "เกณฑร้อยละ", "วธวดผลการดาเน้นงาน", "คะแนนที่ได้"], (1, "เกณฑร้อยละ", "เกณฑ์ร้อยละ")),
        (["ระดับความสำเร็จ", "เกณฑ์ร้อยละ", "วธวดผลการดาเน้นงาน", "คะแนนที่ได้"], (2, "ผลการดาเน้นงาน", "ผลการดำเนินงาน")),
        (["ระดับความสำเร็จ", "เกณฑร้อยละ", "วธวดผลงาน", "คะแนนที่ได้"], None),  # the other one short is not there
        (["ระดับความสำเร็จ", "เกณฑร้อยละ", "ผลการดาเน้นงาน", "คะแนน"], None),  # one found as written: too few
        # the spec's cells in order, one as written, the others with the keyword's letters once marks are dropped
        (["ลาดบท", "ตว ชวด", "ค่าเป้าหมาย"], (0, "ลาดบท", "ลำดับที่")),
        (["ลำดับที่", "ตว ชวด", "ค่าเป้าหมาย"], (1, "ตว ชวด", "ตัวชี้วัด")),
        (["ow a ลาดบท", "ทั่วชี้วัตว ชวด", "ค่าเป้าหมาย"], (0, "ow a ลาดบท", "ลำดับที่")),  # noise before the letters
        (["ลาดบท", "ตว ชวด", "คาเปาหมาย"], None),  # none as written: no evidence
        (["ลาดบท xx", "ตว ชวด", "ค่าเป้าหมาย"], None),  # letters after the keyword's
        (["ตว ชวด", "ลาดบท", "ค่าเป้าหมาย"], None),  # not in the spec's order
        (["ลาดบท", "ตวชวด", "ค่าเป้าหมาย", "หมายเหตุ"], None),  # a cell the spec does not have
        (["๑", "ตว ชวด", "ร้อยละ ๙๕"], None),  # a data row
    ],
)
def test_header_word_one_letter_off_restored(cells, expected):
    fix = restore_header_word(cells)
    assert (fix and fix[:3]) == expected


@pytest.mark.parametrize(
    "ocr, expected",
    [
        ("6@ 1 : พัฒนาระบบบริการสาธารณะ", "KR 1 : พัฒนาระบบบริการสาธารณะ"),  # the bold label read as noise
        ("%6@1 : เพิ่มประสิทธิภาพ", "KR 1 : เพิ่มประสิทธิภาพ"),
        ("จ © KR 2 : ยกระดับระบบ", "KR 2 : ยกระดับระบบ"),  # noise before the label
        ("06@ ๖.๑.๓๑ จำนวนโรงเรียน", "OKR ๖.๑.๓๑ จำนวนโรงเรียน"),  # OKR numbers have their own shape
        ("KR 2 : ยกระดับระบบ", None),  # already right
        ("ร้อยละ 80 : ของ", None),  # a word, not noise
        ("ข้อ 1 : พัฒนา", None),
        ("๖.๑ ส่งเสริมการเรียนรู้", None),  # no label's number shape
        ("๗๔ (OKR ๕.๑.๒๑)", None),  # a label quoted in brackets after other content (a policy cell)
        ("KR1: ประชาชน", None),  # a label as written, unspaced
    ],
)
def test_label_restored_before_a_number_of_its_shape(ocr, expected):
    fix = restore_label(ocr, {"KR", "OKR"})
    fixed = ocr if fix is None else fix[1] + ocr[len(fix[0]) :]
    assert fixed == (expected or ocr)


def test_label_restored_only_where_the_document_writes_it():
    assert clean_labels(["KR 2 : ยกระดับ", "6@ 1 : พัฒนา"]) == {"KR"}
    assert restore_label("06@ ๖.๑.๓๑ จำนวน", clean_labels(["KR 2 : ยกระดับ"])) is None


def test_labels_restored_only_under_the_key_result_header():
    from extractor.blocks import Cell, Row

    def table(header: str, *texts: str) -> Block:
        rows = [Row([Cell("วัตถุประสงค์หลัก", "วัตถุประสงค์หลัก"), Cell(header, header)])]
        rows += [Row([Cell("", ""), Cell(t, t)]) for t in texts]
        return Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=1))

    keyed = table("ตัววัดผลหลัก (Key Result : KR)", "KR 2 : ยกระดับระบบ", "6@ 1 : พัฒนาระบบ")
    bare = table("ตัววัดผลหลัก", "6@ 1 : พัฒนาระบบ")  # Part 4 writes the codes without a label
    findings = recheck_headings([keyed, bare], {1})
    assert keyed.rows[2].cells[1].text == "KR 1 : พัฒนาระบบ" and bare.rows[1].cells[1].text == "6@ 1 : พัฒนาระบบ"
    assert [code for code, _, _ in findings] == ["ocr.label_restored"]


def test_listed_heading_number_from_its_neighbours():
    texts = ["๖. สุขภาพดี", "ตาราง", "a. เศรษฐกิจดี", "๘. สังคมดี", "อ๑อ. เดินทางดี", "๒. ปลอดภัยดี", "q. โปร่งใสดี", "๗. เรียนดี"]
    fixed, fixes = check_headings(texts)
    assert fixed[2] == "๗. เศรษฐกิจดี"  # after ๖ and before ๘
    assert fixed[4] == "๑. เดินทางดี"  # the reading holds ๑, one less than the ๒ after it
    assert fixed[6] == "q. โปร่งใสดี"  # ๓ after ๒, ๖ before ๗: no agreement, and neither in the reading
    assert len(fixes) == 2


def test_section_rows_read_without_their_number_take_the_numbers_left_between_their_neighbours():
    texts = ["ด้านที่ ๕ ด้านสุขภาพดี", "๕.๑ สนับสนุน", "ดานท จ ด้านเรยนรู", " ๐.๑ ส่งเสริมการเรียนรู้",
             "๐.๓ Transform", "ดานท ฆ ด้านเศรษฐกจด", "๗.๑ เพิ่มโอกาส", "ด้านที่ ๘ ด้านสังคม", "๐.๒๕๗ กม."]
    fixed, fixes = check_sections(texts)
    assert fixed == ["ด้านที่ ๕ ด้านสุขภาพดี", "๕.๑ สนับสนุน", "ด้านที่ ๖ ด้านเรียนรู้", " ๖.๑ ส่งเสริมการเรียนรู้",
                     "๖.๓ Transform", "ด้านที่ ๗ ด้านเศรษฐกิจดี", "๗.๑ เพิ่มโอกาส", "ด้านที่ ๘ ด้านสังคม", "๐.๒๕๗ กม."]
    assert len(fixes) == 6 and all(f.evidence for f in fixes)


@pytest.mark.parametrize(
    "texts",
    [
        ["ด้านที่ ๕ ด้านสุขภาพดี", "ดานท จ ด้านเรียนรู้", "ด้านที่ ๘ ด้านสังคม"],  # one row between ๕ and ๘: which?
        ["ดานท จ ด้านเรียนรู้", "ด้านที่ ๗ ด้านเศรษฐกิจดี"],  # nothing read before it
        ["ด้านทุน จ แห่ง", "ด้านที่ ๖ ด้านเรียนรู้"],  # more letters than the keyword's skeleton
        ["๐.๑ ส่งเสริม", "ด้านที่ ๖ ด้านเรียนรู้"],  # a zero with no section row above it
    ],
)
def test_section_rows_left_alone_without_evidence(texts):
    fixed, fixes = check_sections(texts)
    assert fixed == texts and not fixes


def test_recheck_headings_restores_section_rows_of_ocr_tables():
    read = ("ด้านที่ ๕ ด้านสุขภาพดี", "ดานท จ ด้านเรยนรู", "ด้านที่ ๗ ด้านเศรษฐกิจดี")
    rows = [Row([Cell(t, t, provenance=Provenance(page=1)), Cell("", "")]) for t in read]
    table = Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=1))
    findings = recheck_headings([table], {1})
    assert table.rows[1].cells[0].text == "ด้านที่ ๖ ด้านเรียนรู้"
    assert [code for code, _, _ in findings] == ["ocr.heading_restored", "ocr.heading_restored"]


def test_recheck_headings_restores_two_header_words_of_one_row():
    cells = ["ระดับความสำเร็จ", "เกณฑร้อยละ", "วธวดผลการดาเน้นงาน", "คะแนนที่ได้"]
    row = Row([Cell(t, t, provenance=Provenance(page=1)) for t in cells])
    table = Block(BlockKind.TABLE, rows=[row], provenance=Provenance(page=1))
    findings = recheck_headings([table], {1})
    assert row.texts == ["ระดับความสำเร็จ", "เกณฑ์ร้อยละ", "วธวดผลการดำเนินงาน", "คะแนนที่ได้"]
    assert [code for code, _, _ in findings] == ["ocr.header_word_restored"] * 2

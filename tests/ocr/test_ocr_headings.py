"""Numbered heading keywords (from the grammars) restored at the start of OCR text, and nowhere else."""

import pytest

from extractor.thai.ocr_correct import correct_text
from extractor.thai.ocr_headings import numbered_keywords, restore_keyword


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
    ],
)
def test_restore_keyword(ocr, expected):
    fixed, fix = restore_keyword(ocr)
    assert fixed == (expected or ocr)
    assert (fix is None) == (expected is None)


def test_restored_keyword_is_a_correction_with_evidence():
    text, corrections = correct_text("มตท 1 การบริการสาธารณะ")
    assert text.startswith("มิติที่ 1")
    [c] = [c for c in corrections if c.code == "ocr.heading_keyword_restored"]
    assert c.before == "มตท" and c.after == "มิติที่" and "heading keyword" in c.evidence


# ---- headings checked against their neighbours (check_headings, recheck_headings) ----------------------------

from extractor.blocks import Block, BlockKind, Provenance  # noqa: E402
from extractor.ingest.ocr_recheck import recheck_headings  # noqa: E402
from extractor.thai.ocr_headings import check_headings, dot_readings  # noqa: E402


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

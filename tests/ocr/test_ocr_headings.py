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

"""Canonical spacing around punctuation (``normalise_spacing``): each rule on the seeds' own spellings, and the
guarantees that make it safe: only whitespace changes, and a space between two Thai words is never removed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.thai import normalise_document_spacing, normalise_spacing
from extractor.thai.chars import WORD_LETTER_CLASS
from extractor.thai.spacing import abbreviation_pairs
from tests.thai.seed_groups import CORPUS
from tests.thai.test_properties import CORRECT, FAST


def spaced(text: str) -> str:
    return normalise_spacing(text)[0]


@pytest.mark.parametrize(
    "written,canonical",
    [
        ("อื่นๆ", "อื่น ๆ"),  # seed 003 writes both
        ("ในโครงการนั้นๆ ทั้งสภาพพื้นที่", "ในโครงการนั้น ๆ ทั้งสภาพพื้นที่"),  # seed 002
        ("ต่าง ๆนี้", "ต่าง ๆ นี้"),
        ("เด็กเร่ร่อนฯลฯ)", "เด็กเร่ร่อน ฯลฯ)"),
        ("KR ๑: ประชาชนกลุ่มเปราะบาง", "KR ๑ : ประชาชนกลุ่มเปราะบาง"),  # seed 003 writes both
        ("KPI ๓.๑.๑.๔: กลุ่มเปราะบาง", "KPI ๓.๑.๑.๔ : กลุ่มเปราะบาง"),
        ("ตัวชี้วัด: ร้อยละ", "ตัวชี้วัด : ร้อยละ"),
        ("KR ๑  : ประชาชน", "KR ๑ : ประชาชน"),
        ("ขั้นตอนการปฏิบัติงานของโครงการ/ กิจกรรม", "ขั้นตอนการปฏิบัติงานของโครงการ/กิจกรรม"),  # seed 002
        ("ส่วน/ ฝ่าย / กลุ่มงาน", "ส่วน/ฝ่าย/กลุ่มงาน"),
        ("วัตถุประสงค์หลัก(Objective) กรุงเทพมหานคร", "วัตถุประสงค์หลัก (Objective) กรุงเทพมหานคร"),  # seed 000
        ("(เช่น คนพิการ)ของ", "(เช่น คนพิการ) ของ"),
        ("ตามที่ สนท.กำหนด", "ตามที่ สนท. กำหนด"),  # seed 003 writes both
    ],
)
def test_each_mark_gets_its_canonical_spacing(written, canonical):
    assert spaced(written) == canonical
    assert spaced(canonical) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "เวลา ๐๘.๓๐ – ๑๖.๓๐ น.",  # times
        "๑๐:๓๐ น.",
        "misweb๒.ddns.net:๙๐",  # an address: no space after its colon
        "https://example.go.th/plan",
        "เดือน มิ.ย. ๒๕๖๗ และ ม.ค.",  # abbreviations with inner stops, followed by digits
        "สำนักงาน ก.ก. รับผิดชอบ",
        "ผอ.สนท. ผอ.สพส. และผอ.สยป.",  # a list of posts: spaced, never joined
        "๑/๒๕๖๗",
        "อื่น ๆ",
        "เอกสาร (ถ้ามี)",
        "ลพว.กทม.",
    ],
)
def test_what_is_already_canonical_or_not_punctuation_is_left_alone(text):
    assert spaced(text) == text


def test_an_abbreviation_pair_is_joined_only_as_the_document_writes_it():
    texts = ["กลุ่มงาน ลพว.กทม.", "ตาม ลพว.กทม. กำหนด", "กลุ่มงาน ลพว. กทม.", "จาก สนท. สยป. และ สพส."]
    assert abbreviation_pairs(texts) == {"ลพว.กทม."}
    out = [text for text, _ in normalise_document_spacing(texts)]
    assert out[2] == "กลุ่มงาน ลพว.กทม."
    assert out[3] == texts[3]  # a list of units keeps its spaces


def test_repairs_say_where_and_what():
    text, repairs = normalise_spacing("อื่นๆ และ KR ๑: ชื่อ")
    assert text == "อื่น ๆ และ KR ๑ : ชื่อ"
    assert [(r.code, r.position, r.before, r.after) for r in repairs] == [
        ("thai.spacing_normalised", 4, "ๆ", " ๆ"),
        ("thai.spacing_normalised", 14, ":", " :"),
    ]


# ---- guarantees --------------------------------------------------------------------------------------------------

MARKS = ["ๆ", "ฯลฯ", ":", "/", "(", ")", ".", " ", "  ", "-", "๑", "1", "KR"]
punctuated = st.lists(st.one_of(st.sampled_from(CORRECT), st.sampled_from(MARKS)), max_size=20).map("".join)
_BETWEEN_WORDS = re.compile(f"(?<=[{WORD_LETTER_CLASS}])\\s+(?=[{WORD_LETTER_CLASS}])")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@FAST
@given(punctuated)
def test_only_whitespace_changes_and_it_is_idempotent(text):
    once = spaced(text)
    assert _squeezed(once) == _squeezed(text)
    assert spaced(once) == once


@FAST
@given(punctuated)
def test_a_space_between_two_thai_words_is_never_removed(text):
    assert len(_BETWEEN_WORDS.findall(spaced(text))) >= len(_BETWEEN_WORDS.findall(text))


def test_on_the_seeds_removed_spaces_are_only_around_slashes_colons_and_abbreviation_pairs():
    """Every seed text through the document pass: each removed space sits next to ``/``, in a run before a label
    colon, or between an abbreviation pair the same seed writes together."""
    for path in sorted(CORPUS.glob("00*_*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for (text, repairs), line in zip(normalise_document_spacing(lines), lines):
            for repair in repairs:
                lost = repair.before.count(" ") - repair.after.count(" ")
                if lost > 0:
                    assert re.search(r"[/:]|\.[^.]*\.", repair.before), (path.name, line, repair)

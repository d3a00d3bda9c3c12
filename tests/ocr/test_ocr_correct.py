"""OCR post-correction: lexicon words, lost tone marks, identifier look-alikes; clean text left alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.thai.dictionary import domain_words
from extractor.thai.ocr_correct import best_substring, correct_identifiers, correct_text


@pytest.mark.parametrize(
    "ocr, expected, code",
    [
        ("ลำดับที", "ลำดับที่", "ocr.tone_mark_restored"),  # MAI EK over an upper vowel lost
        ("ชือโครงการ", "ชื่อโครงการ", "ocr.tone_mark_restored"),
        ("ใครงการจ้าง", "โครงการจ้าง", "ocr.lexicon_correction"),  # SARA AI MAIMALAI read for SARA O
        ("งบประมาธ", "งบประมาณ", "ocr.lexicon_correction"),
        ("ยุ ทธศาสตร์ย่อย", "ยุทธศาสตร์ย่อย", "ocr.lexicon_correction"),  # a space OCR put inside a word
        ("รหัส P0O1", "รหัส P001", "ocr.identifier_correction"),
        ("77200l", "772001", "ocr.identifier_correction"),
        ("ปี 25G7", "ปี 25G7", None),  # G is no digit look-alike: left as read
        ("กยบ .", "กยบ.", "ocr.abbreviation_dot_joined"),  # OCR spaces an abbreviation's full stop
        ("สนข..", "สนข.", "ocr.abbreviation_dot_joined"),  # OCR reads an abbreviation's full stop twice
        ("สนท ..", "สนท.", "ocr.abbreviation_dot_joined"),
        ("สนข... ต่อ", "สนข... ต่อ", None),  # three stops: an ellipsis, as written
        ("พ.ศ. 2567", "พ.ศ. 2567", None),
        ("พ.ศ. ๒๕๖๕ : W.A. ๒๕๖๖ :", "พ.ศ. ๒๕๖๕ : พ.ศ. ๒๕๖๖ :", "ocr.identifier_correction"),  # พ.ศ. read as Latin
        ("W.A. 2566 :", "พ.ศ. 2566 :", "ocr.identifier_correction"),
        ("W.A. ๑๒๓ ราย", "W.A. ๑๒๓ ราย", None),  # no Buddhist-era year after it: as read
        ("wa. 2566", "wa. 2566", None),  # small letters are also the month พ.ค.: as read
        ("ประจำปี2567", "ประจำปี 2567", "ocr.digit_spacing"),  # the plans space digits from Thai
        ("๓๑อ,๕๐๐ บาท", "๓๑๐,๕๐๐ บาท", "ocr.identifier_correction"),  # อ read for ๐ inside a Thai numeral
        ("ฒ.๑ ขุดลอกคลอง", "๗.๑ ขุดลอกคลอง", "ocr.identifier_correction"),  # ฒ read for ๗
        ("อ. ขุดลอกท่อ", "อ. ขุดลอกท่อ", None),  # no Thai digit: a letter
        ("เพิ่มขึ้น 5ชุด", "เพิ่มขึ้น 5 ชุด", "ocr.digit_spacing"),
        ("กรุงเทพมหานคร2. งาน", "กรุงเทพมหานคร2. งาน", None),  # a list number glued to the line before: as written
    ],
)
def test_corrections(ocr, expected, code):
    text, corrections = correct_text(ocr)
    assert text == expected
    assert [c.code for c in corrections] == ([code] if code else [])
    for c in corrections:
        assert c.evidence and c.before != c.after


@pytest.mark.parametrize(
    "clean",
    [
        "รวมงบประมาณทั้งสิ้น",  # one edit from ปีงบประมาณ inside, but it segments into words
        "มีความพึงพอใจ",  # มี is far more common than มี่
        "สำนักงานเขตบางรัก",
        "Strategy and Policy Lab 2567",
        "รหัส 772001 P045",
    ],
)
def test_clean_text_is_not_touched(clean):
    assert correct_text(clean) == (clean, [])


def test_a_tone_lost_where_a_restored_mark_changes_the_words_is_restored():
    # ท้องถินที segments ท้อง|ถิน|ที until the mark restorer gives ท้องถิ่น back; its ที then reads as the word it is
    text, corrections = correct_text("ส่วนท้องถินทีกรุงเทพมหานครยืนยัน")
    assert text == "ส่วนท้องถิ่นที่กรุงเทพมหานครยืนยัน"
    assert [c.code for c in corrections] == ["ocr.mark_restored", "ocr.tone_mark_restored"]


def test_identifier_needs_enough_real_digits():
    # "lOOSIB" has no digit at all: not read as a strategy code
    assert correct_identifiers("lOOSIB")[1] == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(w for w in domain_words() if len(w) >= 5)), min_size=1, max_size=3))
def test_lexicon_entries_are_fixed_points(words):
    text = " ".join(words)
    assert correct_text(text)[0] == correct_text(correct_text(text)[0])[0]
    assert all(w in correct_text(text)[0] for w in words)


def test_best_substring():
    assert best_substring("โครงการ", "xxใครงการyy") == (2, 9, 1)


def test_lost_marks_restored_even_when_the_remains_are_words():
    text, [c] = correct_text("ตัวชีวัดความสำเร็จ")  # ตัว|ชี|วัด… all words: only the lexicon knows better
    assert text == "ตัวชี้วัดความสำเร็จ" and "only combining marks missing" in c.evidence


@pytest.mark.parametrize("text", ["ระยะ 5 กม.", "(กม.)", "๑๒๓.๕๙๘ กม."])
def test_the_letters_of_an_abbreviation_get_no_tone_mark(text: str) -> None:
    # กม. (kilometres) is no misreading of ก้ม "to bow", 40 times likelier in the corpus: the dot says abbreviation
    assert correct_text(text) == (text, [])

"""The OCR mark restorer (extractor/thai/ocr_marks.py): lost tone marks put back where the words say so, and
correct Thai never touched."""

from __future__ import annotations

import pytest

from extractor.thai.ocr_correct import correct_text
from extractor.thai.ocr_marks import mark_edits, restore_marks, swap_edits
from tests.ocr.golden_text import golden_texts


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("ที่เกียวข้อง", "ที่เกี่ยวข้อง"),  # MAI EK lost over an upper vowel, the remains split into non-words
        ("เครืองมือ", "เครื่องมือ"),
        ("สมำเสมอ", "สม่ำเสมอ"),  # over SARA AM
        ("เพิมพืนที่", "เพิ่มพื้นที่"),  # two marks lost in one token
    ],
)
def test_lost_marks_are_restored(read: str, meant: str) -> None:
    assert restore_marks(read)[0] == meant


@pytest.mark.parametrize("text", ["ระยะทาง 500 ก้ม.", "บางทีได้รับ", "หน้าท่วม", "แก้ปัญหาหน้าท่วม", "ท่วมน้าชาย"])
def test_real_words_are_left_alone(text: str) -> None:
    # the first two are misreadings in the scans (บางที่ "some places" read บางที "sometimes"), but they read as real
    # words and restore no plan term; the term น้ำท่วม must begin where a token does (not inside หน้า)
    assert restore_marks(text) == (text, [])


@pytest.mark.parametrize(
    ("read", "meant"),
    [("ท่อระบายน้า", "ท่อระบายน้ำ"), ("น้าท่วมขัง", "น้ำท่วมขัง"), ("ความเสียงภัย", "ความเสี่ยงภัย"), ("ความเชื่อมันของ", "ความเชื่อมั่นของ"), ("ตำกว่า", "ต่ำกว่า"),
     ("คลองเปิดทางน้าไหล", "คลองเปิดทางน้ำไหล"), ("ห้องน้าสาธารณะ", "ห้องน้ำสาธารณะ"),
     ("เกี่ยวกับความมันคงปลอดภัย", "เกี่ยวกับความมั่นคงปลอดภัย"), ("ตามทีกำหนด", "ตามที่กำหนด"),
     ("เมืองปลอดภัยและยังยืน", "เมืองปลอดภัยและยั่งยืน"), ("แก้ไขจุดเสียงอุบัติเหตุ", "แก้ไขจุดเสี่ยงอุบัติเหตุ"),
     ("รถไฟฟ้าสายสีนำเงิน", "รถไฟฟ้าสายสีน้ำเงิน"), ("น้าหนักคะแนน", "น้ำหนักคะแนน"),
     ("การลดความเหลือมลำด้วยการบริหาร", "การลดความเหลื่อมล้ำด้วยการบริหาร")],  # two tokens, one mark lost in each
)
def test_real_words_that_complete_a_plan_term_are_restored(read: str, meant: str) -> None:
    text, changes = restore_marks(read)
    assert text == meant and len(changes) == 1


@pytest.mark.parametrize("read", ["จำนวนเงินทั้งสิน 122,621,450.- บาท", "จำนวนเงินทั้งสิน. บาท"])
def test_the_total_phrase_read_without_its_tone_mark_is_restored(read: str) -> None:
    # 000's Part 2 summary: ทั้งสิ้น read ทั้งสิน (สิน is a word), so the sentence stating the total was not read
    text, changes = restore_marks(read)
    assert text == read.replace("ทั้งสิน", "ทั้งสิ้น") and len(changes) == 1 and "ทั้งสิ้น" in changes[0][3]


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("เปิดพื่น ที่", "เปิดพื้น ที่"),
        ("การจราจรจุดฝึด (แห่ง)", "การจราจรจุดฝืด (แห่ง)"),
        ("โครงการซ้ากับ 7.2", "โครงการซ้ำกับ 7.2"),
        ("(100 คน) เน็นกลุ่มข้าราชการ", "(100 คน) เน้นกลุ่มข้าราชการ"),  # MAI THO read as MAI TAIKHU
        ("ถูกกล่าวหาหรือสงสัยวำกระทำผิดวินัย", "ถูกกล่าวหาหรือสงสัยว่ากระทำผิดวินัย"),  # MAI EK read as SARA AM's ring
    ],
)
def test_a_non_word_one_misread_mark_from_a_far_more_frequent_word_is_that_word(read: str, meant: str) -> None:
    # พื่น and ฝึด are in the corpus counts (typos: 11 and 6 times), so the language model alone finds too little gain
    text, changes = restore_marks(read)
    assert text == meant and len(changes) == 1 and "Thai National Corpus" in changes[0][3]


@pytest.mark.parametrize("text", ["ซื่อสัตย์", "ปฏิบัติตามพันธกิจ", "พิ่มขึ้น", "มุ่งเน้น", "เล็กน้อย", "เมืองนำอยู่"])
def test_mark_swaps_leave_words_and_other_losses_alone(text: str) -> None:
    # พิ่ม lost its leading vowel (เพิ่ม): dropping its tone would make the word พิม, which is no reading of it
    assert restore_marks(text) == (text, [])


def test_swap_edits_trade_tones_and_upper_vowels_only() -> None:
    edits = swap_edits("พื่น")
    assert "พื้น" in edits and "พึ่น" in edits and "พืน" not in edits and "พื้่น" not in edits
    assert swap_edits("กา") == []
    assert swap_edits("เน็น") == ["เน้น"] and swap_edits("วำ") == ["ว่า"] and "น้่า" not in swap_edits("น้ำ")


def test_mark_edits_add_a_tone_after_the_upper_vowel_and_read_sara_am() -> None:
    edits = mark_edits("ที")
    assert "ที่" in edits and "ที้" in edits and "ท่ี" not in edits
    assert "น้ำ" in mark_edits("น้า")
    assert not any(e.count("\u0e48") + e.count("\u0e49") > 1 for e in mark_edits("ที่"))


def test_restoration_is_reported_with_its_evidence() -> None:
    text, corrections = correct_text("หน่วยงานที่เกียวข้อง")
    assert text == "หน่วยงานที่เกี่ยวข้อง"
    marks = [c for c in corrections if c.code == "ocr.mark_restored"]
    assert len(marks) == 1 and "เกียว" in marks[0].before and "เกี่ยว" in marks[0].after
    assert "likelier" in marks[0].evidence


def test_golden_text_is_never_changed() -> None:
    """No harm: every text field of every golden file goes through unchanged (300,000 characters of plan Thai)."""
    changed = []
    for name, texts in golden_texts().items():
        for text in set(texts):
            fixed, changes = restore_marks(text)
            if changes:
                changed.append((name, [(c[1], c[2]) for c in changes]))
    assert changed == []

"""OCR words restored from the document's own vocabulary (extractor/thai/ocr_vocabulary.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from extractor.blocks import Block, BlockKind, PageInfo, Provenance
from extractor.ingest.ocr_route import correct_ocr_blocks
from extractor.thai.ocr_vocabulary import (
    aligned,
    build_vocabulary,
    document_vocabulary,
    letter_variants,
    mark_distance,
    mark_variants,
    restore_words,
    skeleton,
)
from extractor.thai.ocr_marks import InkWord, MarkInk
from tests.ocr.golden_text import golden_texts


def _document(*texts: str, times: int = 3) -> list[str]:
    return [text for text in texts for _ in range(times)]


def test_mark_variants_are_the_edits_ocr_makes() -> None:
    variants = mark_variants("เคลื่อน")
    assert "เคลือน" in variants  # MAI EK lost
    assert "เคลิ่อน" in variants  # SARA UEE read as SARA I
    assert "ซื้อ" in mark_variants("ซื่อ")  # one tone mark read as the other
    assert "น้า" in mark_variants("น้ำ") and "นำ" in mark_variants("น้ำ")  # SARA AM's ring, or the tone, lost
    assert "ดาเนิน" not in mark_variants("ดำเนิน")  # SARA AM without a tone: a text layer's artefact, not OCR's
    assert "เคลื่อน" not in variants


def test_letter_variants_trade_look_alike_consonants_only() -> None:
    assert letter_variants("ข้อมูล") == {"ช้อมูล", "ข้อมูส"}
    assert letter_variants("งาน") == set()


def test_aligned_stretches_cut_no_cluster() -> None:
    assert aligned("ขับเคลือนมหานคร", 0, 9)
    assert not aligned("ที่", 0, 2)  # ends before its tone mark
    assert not aligned("เพื่อ", 1, 5)  # starts after its leading vowel
    assert not aligned("ที่", 2, 3)  # starts on a mark


def test_the_vocabulary_counts_words_inside_longer_tokens() -> None:
    counts = document_vocabulary(["องค์กรปกครองส่วนท้องถิ่น", "ท้องถิ่น"])
    assert counts["ท้องถิ่น"] == 2


@pytest.mark.parametrize(
    ("document", "read", "meant"),
    [
        (["การขับเคลื่อนภารกิจ"], "พลเมืองขับเคลือนมหานคร", "พลเมืองขับเคลื่อนมหานคร"),  # the remains read as words (เค ลือ นม)
        (["ความซื่อสัตย์สุจริต"], "ความซื้อสัตย์สุจริตของหน่วยงาน", "ความซื่อสัตย์สุจริตของหน่วยงาน"),
        (["ตามที่ สนอ. กำหนด"] * 4, "ตามที สนอ. กำหนด", "ตามที่ สนอ. กำหนด"),  # a word the corpus hardly knows
        # the word restored lies inside a longer token of the reading with it (การ|ขับเคลื่อน|ภารกิจ)
        (["การขับเคลื่อนภารกิจ"], "ประสิทธิภาพการขับเคลือนภารกิจของกรุงเทพมหานคร", "ประสิทธิภาพการขับเคลื่อนภารกิจของกรุงเทพมหานคร"),
        (["ฐานข้อมูลของหน่วยงาน"], "ตรวจสอบข้อมูสผ่านระบบ", "ตรวจสอบข้อมูลผ่านระบบ"),  # ล read as its look-alike ส
        (["ร้อยละ 80"], "ร้อยสะ 100", "ร้อยละ 100"),
    ],
)
def test_a_word_the_document_writes_is_restored(document: list[str], read: str, meant: str) -> None:
    vocabulary = build_vocabulary(_document(*document, read))
    text, changes = restore_words(read, vocabulary)
    assert text == meant and len(changes) == 1
    assert "times in this document" in changes[0][3]


def test_a_word_the_document_does_not_write_often_is_no_evidence() -> None:
    vocabulary = build_vocabulary(["การขับเคลื่อนภารกิจ", "การขับเคลื่อนภารกิจ"])  # twice: below MIN_COUNT
    assert restore_words("พลเมืองขับเคลือนมหานคร", vocabulary) == ("พลเมืองขับเคลือนมหานคร", [])


@pytest.mark.parametrize(
    ("document", "text"),
    [
        (["ตามแผน ตามแผน มีแผน"], "การดำเนินการตามแผนฯ"),  # มแผน (one mark from มีแผน) begins inside the token ตาม
        (["ใช้ ใช้ ใช้"], "โดยใชข้อมูล"),  # short words are reached by accident
        (["ตามที่ กำหนด", "ตามที กำหนด"], "ตามที กำหนด"),  # a real word the document writes about as often
        (["เน้น เนิน"], "เน็นกลุ่ม"),  # one mark from two of the document's words
    ],
)
def test_weak_evidence_changes_nothing(document: list[str], text: str) -> None:
    vocabulary = build_vocabulary(_document(*document))
    assert restore_words(text, vocabulary) == (text, [])


def test_golden_text_changes_only_where_the_source_misspells() -> None:
    """Each golden file, its own text as the vocabulary: the only changes are the source's own misspellings of words
    it writes correctly elsewhere (a scan shows them as they are; no evidence in one document tells them from OCR's
    lost marks), and nothing else."""
    changed: Counter[tuple[str, str, str]] = Counter()
    for name, texts in golden_texts().items():
        vocabulary = build_vocabulary(texts)
        for text in texts:
            changed.update((name[:3], before, after) for _, before, after, _ in restore_words(text, vocabulary)[1])
    assert set(changed) <= {
        ("000", "ศาสตร", "ศาสตร์"),
        ("000", "ปฏบัติ", "ปฏิบัติ"),
        ("000", "สำนกงานเขต", "สำนักงานเขต"),
        ("000", "บรการ", "บริการ"),
        ("000", "แกไขปัญหา", "แก้ไขปัญหา"),
        ("000", "แกไข้", "แก้ไข"),  # the tone over the wrong letter (as ต่อนที, read for ตอนที่)
        ("001", "สามีญ", "สามัญ"),
        ("004", "ใหม", "ใหม่"),
    }
    assert sum(changed.values()) <= 22


def _paragraph(text: str, page: int) -> Block:
    return Block(BlockKind.PARAGRAPH, text=text, raw=text, provenance=Provenance(page=page))


def test_ocr_blocks_get_the_words_their_document_writes_and_the_text_layer_is_left_alone() -> None:
    blocks = [_paragraph("การขับเคลื่อนภารกิจ", 1) for _ in range(3)] + [_paragraph("พลเมืองขับเคลือนมหานคร", 1), _paragraph("พลเมืองขับเคลือนมหานคร", 2)]
    infos = [PageInfo(1, 595.0, 842.0, route="ocr"), PageInfo(2, 595.0, 842.0, route="text")]
    findings = correct_ocr_blocks(blocks, infos)
    assert blocks[3].text == "พลเมืองขับเคลื่อนมหานคร" and blocks[4].text == "พลเมืองขับเคลือนมหานคร"
    restored = [f for f in findings if f[0] == "ocr.word_restored"]
    assert len(restored) == 1 and "'ขับเคลือน'" in restored[0][1] and restored[0][2].page == 1


def test_a_correction_is_a_reading_so_raw_gets_it_too_and_is_reported_once() -> None:
    """``raw`` is what the document says: a word Tesseract misread is corrected there as in ``text``; a ``raw`` the
    layout wrote apart from ``text`` (a line break kept) is corrected on its own, without a second finding."""
    blocks = [_paragraph("การขับเคลื่อนภารกิจ", 1) for _ in range(3)] + [_paragraph("พลเมืองขับเคลือนมหานคร", 1)]
    wrapped = Block(BlockKind.PARAGRAPH, text="ขับเคลือน มหานคร", raw="ขับเคลือน\nมหานคร", provenance=Provenance(page=1))
    infos = [PageInfo(1, 595.0, 842.0, route="ocr")]
    findings = correct_ocr_blocks([*blocks, wrapped], infos)
    assert blocks[3].raw == blocks[3].text == "พลเมืองขับเคลื่อนมหานคร"
    assert wrapped.text == "ขับเคลื่อน มหานคร" and wrapped.raw == "ขับเคลื่อน\nมหานคร"
    assert len(findings) == 2  # one correction per block, none for the raw copies


def test_skeleton_and_mark_distance() -> None:
    assert skeleton("กำลังคน") == skeleton("กาลงคน") == "กาลงคน"  # SARA AM: its ring and SARA AA
    assert mark_distance("พึ่นฐาน", "พื้นฐาน") == 2  # two marks read as others
    assert mark_distance("ต่อนที", "ตอนที่") == 2  # the tone over the wrong letter
    assert mark_distance("กาลงคน", "กำลังคน") == 2  # SARA AM's ring and MAI HAN-AKAT lost


@pytest.mark.parametrize(
    ("document", "read", "meant"),
    [
        (["กิจกรรมประจำพื้นฐาน"], "บัญชีกิจกรรมประจำพึ่นฐาน", "บัญชีกิจกรรมประจำพื้นฐาน"),  # SARA UE and MAI EK misread
        (["ตอนที่ 1 ข้อมูล"], "ต่อนที", "ตอนที่"),  # the tone over the wrong letter; ตอนที่ is two tokens (ตอน|ที่)
        (["ผู้ตอบแบบสอบถาม"], "คุณะกรรมการชุมชน", "คุณะกรรมการชุมชน"),  # no word of the document that far
    ],
)
def test_a_word_two_marks_off_is_restored(document: list[str], read: str, meant: str) -> None:
    vocabulary = build_vocabulary(_document(*document))
    text, changes = restore_words(read, vocabulary)
    assert text == meant and len(changes) == (read != meant)
    assert all("2 mark edits" in why for _, _, _, why in changes)


def test_marks_added_from_that_far_need_the_ink() -> None:
    vocabulary = build_vocabulary(_document("การบริหารกำลังคน"))
    read = "มีการบริหารกาลงคนที่เหมาะสม"
    assert restore_words(read, vocabulary) == (read, [])  # no ink: a text layer's ดาเนิน is no OCR misreading
    shows = MarkInk([(InkWord("มีการบริหารกาลงคนที่เหมาะสม", 3, 5),)])  # two upper marks more in the ink than read
    text, changes = restore_words(read, vocabulary, shows)
    assert text == "มีการบริหารกำลังคนที่เหมาะสม" and "the scan shows 2 upper mark(s) missing" in changes[0][3]
    one = MarkInk([(InkWord("มีการบริหารกาลงคนที่เหมาะสม", 3, 4),)])
    assert restore_words(read, vocabulary, one) == (read, [])


def test_no_upper_mark_read_is_taken_away_from_that_far() -> None:
    vocabulary = build_vocabulary(_document("การบริหารจัดการ"))
    assert restore_words("และมีกำรบริหารจัดการเมือง", vocabulary)[0] == "และมีกำรบริหารจัดการเมือง"  # the writer's กำร


def test_a_skeleton_keeps_one_letter_per_letter_offset_after_a_stray_mark():
    # a span OCR opens with a stray tone: the skeleton drops it as _letters does, so their offsets stay aligned
    assert skeleton("\u0e48พึ่นฐาน") == "พนฐาน" == skeleton("พื้นฐาน")

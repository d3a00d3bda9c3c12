"""Upper marks the scan shows over OCR words (``ingest/ocr_mark_ink``) and the restorers refusing a mark the ink does
not show (``thai/ocr_marks.MarkInk``, ``ink_veto``): the writer's own typo stays as the scan shows it."""

import numpy as np

from extractor.ingest.ocr_mark_ink import mark_ink, marks_over
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from extractor.thai.ocr_correct import correct_text
from extractor.thai.ocr_marks import InkWord, MarkInk, added_mark_stretch, ink_edits, ink_veto, restore_inked_marks
from extractor.thai.ocr_vocabulary import build_vocabulary, restore_words

LETTER = 26  # pixels: a consonant's height (10.5-12 pt at 300 dpi)
WIDTH = 20


def _line(ink: np.ndarray, text: str, baseline: int = 200, marked: tuple[int, ...] = ()) -> OcrLine:
    """A line of one-consonant words (solid letter-high blocks); a mark-sized blob over the letters ``marked``."""
    words = []
    for i, ch in enumerate(text):
        left = 100 + i * (WIDTH + 6)
        ink[baseline - LETTER : baseline, left : left + WIDTH] = True
        if i in marked:
            ink[baseline - LETTER - 12 : baseline - LETTER - 5, left + 4 : left + 16] = True
        words.append(OcrWord(ch, (left, baseline - LETTER, left + WIDTH, baseline), 90.0))
    return OcrLine((100, baseline - LETTER, words[-1].bbox[2], baseline), float(baseline), 45.0, words)


def test_a_mark_over_a_letter_is_counted_on_its_word():
    ink = np.zeros((400, 600), dtype=bool)
    (line,) = mark_ink(ink, [_line(ink, "บรการ", marked=(1,))])
    assert [(w.text, w.read, w.inked) for w in line] == [("บ", 0, 0), ("ร", 0, 1), ("ก", 0, 0), ("า", 0, 0), ("ร", 0, 0)]


def test_no_mark_is_counted_where_the_ink_has_none():
    ink = np.zeros((400, 600), dtype=bool)
    (line,) = mark_ink(ink, [_line(ink, "บรการ")])
    assert all(w.inked == 0 for w in line)


def test_a_word_of_marks_alone_joins_the_word_before_it():
    ink = MarkInk([(InkWord("ผู", 0, 1), InkWord("้", 1, 0), InkWord("ร", 0, 0), InkWord("ั", 1, 1), InkWord("บ", 0, 0), InkWord("บรการ", 0, 0))])
    assert ink.shows_no_mark("บรการ", 1) == 1  # ผู้ shows its mark: the words over บรการ lack none
    assert ink.shows_no_mark("รับบร", 3) == 1


def test_a_word_whose_ink_shows_a_mark_more_refuses_nothing():
    ink = MarkInk([(InkWord("บรการ", 0, 0),), (InkWord("บรการ", 0, 1),)])
    assert ink.shows_no_mark("บรการ", 1) == 0  # one occurrence shows the ิ that Tesseract dropped


def test_the_stretch_of_an_added_mark():
    assert added_mark_stretch("ผู้รับบรการด้าน", "ผู้รับบริการด้าน") == ("บบรการ", 2)
    assert added_mark_stretch("ที", "ที่") == ("ที", 1)  # over a vowel read: the ink counts a tone raised over it
    assert added_mark_stretch("พื่น", "พื้น") is None  # a swap adds no mark


def test_the_restorers_keep_a_typo_the_scan_shows():
    texts = ["ผู้รับบริการ"] * 4 + ["ผู้รับบรการด้านทะเบียน"]
    vocabulary = build_vocabulary(texts)
    assert restore_words("ผู้รับบรการด้านทะเบียน", vocabulary)[0] == "ผู้รับบริการด้านทะเบียน"  # without evidence
    ink = MarkInk([(InkWord("ผู้รับบรการด้าน", 3, 3),)])
    assert restore_words("ผู้รับบรการด้านทะเบียน", vocabulary, ink)[0] == "ผู้รับบรการด้านทะเบียน"
    assert ink.kept and "บรการ" in ink.kept[0]
    assert correct_text("สำนกงานเขต", MarkInk([(InkWord("ณสำนกงานเขต", 1, 1),)]))[0] == "สำนกงานเขต"
    assert correct_text("สำนกงานเขต")[0] == "สำนักงานเขต"


def test_no_evidence_no_veto():
    assert not ink_veto(None, "บรการ", "บริการ")
    assert not ink_veto(MarkInk([]), "บรการ", "บริการ")


def test_a_mark_the_ink_shows_is_restored_where_the_words_alone_cannot_tell():
    # บางที "sometimes" and ที่ read ที are real words: only the ink says a mark is missing there
    ink = MarkInk([(InkWord("ต้นไม้", 2, 2), InkWord("ที", 1, 2), InkWord("ปลูก", 1, 1)), (InkWord("ตามทสนท.", 0, 2),)])
    assert restore_inked_marks("ต้นไม้ทีปลูก", ink)[0] == "ต้นไม้ที่ปลูก"
    assert restore_inked_marks("ตามทสนท.กำหนด", ink)[0] == "ตามที่สนท.กำหนด"  # a vowel and a tone, two pieces of ink
    text, changes = correct_text("ต้นไม้ทีปลูก", ink)
    assert text == "ต้นไม้ที่ปลูก" and any("the scan shows 1 upper mark" in c.evidence for c in changes)


def test_no_mark_is_restored_where_the_ink_shows_none_more():
    ink = MarkInk([(InkWord("ต้นไม้", 2, 2), InkWord("ที", 1, 1), InkWord("ปลูก", 1, 1))])
    assert restore_inked_marks("ต้นไม้ทีปลูก", ink) == ("ต้นไม้ทีปลูก", [])
    assert restore_inked_marks("ต้นไม้ทีปลูก", None) == ("ต้นไม้ทีปลูก", [])


def test_a_reading_must_be_likelier_than_the_text_as_read():
    ink = MarkInk([(InkWord("บ้านเมือง", 2, 3),)])  # a speck over a line of real words: no reading is likelier
    assert restore_inked_marks("บ้านเมือง", ink)[0] == "บ้านเมือง"


def test_a_stretch_is_asked_about_as_whole_clusters():
    # ตามท is no stretch of ตามที่: the lines writing ตามที่ in full say nothing of the ตามท read elsewhere
    ink = MarkInk([(InkWord("ตามที่", 2, 2),), (InkWord("ตาม", 0, 0), InkWord("ท", 0, 2))])
    assert ink.lacking("ตามท", 2, 3) == 2
    assert restore_inked_marks("ตามท", ink)[0] == "ตามที่"
    assert added_mark_stretch("ต้นไม้ทีปลูก", "ต้นไม้ที่ปลูก") == ("ม้ทีปลู", 3)
    assert added_mark_stretch("ผู้รับบรการ", "ผู้รับบริการ") == ("บบรการ", 2)
    assert added_mark_stretch("ตัวชี้วด", "ตัวชี้วัด") == ("ชี้วด", 3)  # widened back over the marks of ชี้


def _marks(*blobs: tuple[int, int]) -> list[int]:
    """The marks ``marks_over`` counts over one letter (rows 174-200, the letter tops at 174) with ink at the rows
    of ``blobs`` (top, bottom) over its columns."""
    ink = np.zeros((300, 100), dtype=bool)
    ink[174:200, 40:60] = True
    for top, bottom in blobs:
        ink[top:bottom, 44:56] = True
    return [marks for _, marks in marks_over(ink, (30, 70), 174.0, float(LETTER))]


def test_a_tone_raised_over_an_upper_vowel_counts_for_both():
    assert _marks((162, 169)) == [1]  # a lone mark just over the letter
    assert _marks((150, 157)) == [2]  # raised a letter's height: the vowel under it fused into the letter
    assert _marks((150, 174)) == [2]  # tone, vowel and letter one piece of ink, reaching the tone's height
    assert _marks((163, 174)) == []  # a letter's stroke (ป's tail) or a lone vowel fused into it says nothing


def test_a_tone_over_a_vowel_and_the_vowel_apart_count_one_each():
    assert sorted(_marks((150, 156), (162, 169))) == [1, 1]


def test_ink_edits_add_mai_taikhu():
    assert "เห็น" in ink_edits("เหน", 1)  # ความเห็น read ความเหน: the scan shows the mark


def test_two_real_words_are_told_apart_by_what_the_document_writes():
    # ปัน and ปั่น are both words and the corpus odds cannot choose (0.09 in natural log): the ink says a mark is
    # missing, and the document's own OCR lines write the stretch with it in full
    full = (InkWord("ทางเดินปั่นสะดวก", 3, 3),)
    lost = (InkWord("ทางเดิน", 1, 1), InkWord("ปั", 1, 2), InkWord("นสะดวก", 0, 0))
    text, changes = restore_inked_marks("ทางเดินปันสะดวก", MarkInk([full] * 3 + [lost]))
    assert text == "ทางเดินปั่นสะดวก" and "write" in changes[0][3]
    assert restore_inked_marks("ทางเดินปันสะดวก", MarkInk([full] * 2 + [lost]))[0] == "ทางเดินปันสะดวก"
    assert restore_inked_marks("ทางเดินปันสะดวก", MarkInk([full] * 3))[0] == "ทางเดินปันสะดวก"  # no ink


def test_a_tone_over_a_vowel_the_scan_does_not_show_is_refused():
    # บริการที: the writer's own typo for บริการที่; every line holding it shows the vowel alone over ท
    ink = MarkInk([(InkWord("บริการที", 2, 2), InkWord("เกี่ยวกับ", 3, 3))])
    assert ink_veto(ink, "บริการทีเกี่ยว", "บริการที่เกี่ยว") and "no mark missing" in ink.kept[0]
    assert not ink_veto(MarkInk([(InkWord("บริการที", 2, 3),)]), "บริการที", "บริการที่")


def test_no_more_marks_are_added_than_the_scan_shows_missing():
    # ทะเบยน read for ทะเบียน: the ink shows the one vowel lost, so two tones (ทะเบ้ย่น) are refused
    ink = MarkInk([(InkWord("ฝ่ายทะเบยน", 1, 2),)])
    assert ink_veto(ink, "ฝ่ายทะเบยน", "ฝ่ายทะเบ้ย่น") and "1 mark(s) missing" in ink.kept[0]
    assert restore_inked_marks("ฝ่ายทะเบยน", ink)[0] == "ฝ่ายทะเบียน"


def test_a_tone_added_at_a_word_end_is_asked_about_with_the_letters_before_it():
    # ข้อมูลใหม: the writer's own typo in 004; the stretch reaches back to four letters, not the three of ใหม alone
    assert added_mark_stretch("มูลใหม", "มูลใหม่") == ("ลใหม", 3)
    ink = MarkInk([(InkWord("ข้อมูลใหม", 2, 2),), (InkWord("ข้อมูลใหม่", 3, 3),)])
    assert correct_text("ข้อมูลใหม 2.2", ink)[0] == "ข้อมูลใหม 2.2" and "ลใหม" in ink.kept[0]
    assert correct_text("ข้อมูลใหม 2.2")[0] == "ข้อมูลใหม่ 2.2"


def test_a_reading_only_a_little_likelier_is_taken_when_the_words_are_sure_which_mark_it_is():
    # น้า and น้ำ are both words (2.3 times in favour of น้ำ here), and น้ำ is the one reading of the ring the ink shows
    ink = MarkInk([(InkWord("ตะแกรงรับ", 1, 1), InkWord("น้า", 1, 2), InkWord("คันหิน", 2, 2))])
    text, changes = restore_inked_marks("ตะแกรงรับน้าคันหิน", ink)
    assert text == "ตะแกรงรับน้ำคันหิน" and "likelier" in changes[0][3]
    # ปั่น and ปั้น both read about as likely: the words cannot tell which tone the ink shows, so neither is guessed
    assert restore_inked_marks("ทางเดินปันสะดวก", MarkInk([(InkWord("ทางเดิน", 1, 1), InkWord("ปั", 1, 2), InkWord("นสะดวก", 0, 0))]))[0] == "ทางเดินปันสะดวก"


def test_an_upper_vowel_lost_under_a_tone_read_is_restored_where_the_ink_shows_it():
    # เพ่อ read for เพื่อ: the tone was read, the SARA UEE under it not; the ink shows the two marks
    assert "เพื่อ" in ink_edits("เพ่อ", 1) and "ที่" in ink_edits("ท่", 1)
    assert not any(w.startswith("เพ็่") for w in ink_edits("เพ่อ", 1))  # MAI TAIKHU never stands under a tone
    assert "พินที์" not in ink_edits("พินท์", 1)  # nor a vowel under THANTHAKHAT
    ink = MarkInk([(InkWord("พัฒนาที่", 3, 3), InkWord("เพ่อลดระยะเวลา", 1, 2))])
    assert restore_inked_marks("พัฒนาที่เพ่อลดระยะเวลา", ink)[0] == "พัฒนาที่เพื่อลดระยะเวลา"
    assert restore_inked_marks("พัฒนาที่เพ่อลดระยะเวลา", MarkInk([(InkWord("พัฒนาที่", 3, 3), InkWord("เพ่อลดระยะเวลา", 1, 1))]))[0] == "พัฒนาที่เพ่อลดระยะเวลา"

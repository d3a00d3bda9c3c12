"""Unit tests per repair, with the real examples of the issue and the seed notes."""

from __future__ import annotations

import pytest

from extractor.thai import (
    Glyph,
    find_keyboard_garbage,
    find_masked_spans,
    is_text_layer_damaged,
    join_wrapped,
    quality_metrics,
    repair_glyphs,
    repair_text,
    thai_digits_to_arabic,
)
from extractor.thai.digits import arabic_to_thai_digits
from tests.thai.seed_groups import CORPUS


def codes(repairs) -> list[str]:
    return [r.code for r in repairs]


@pytest.mark.parametrize(
    "raw, fixed",
    [("ทีÉ", "ที่"), ("ตัวชีÊวัด", "ตัวชี้วัด"), ("ทธิÍ", "ทธิ์"), ("ผลสัมฤทธิÍและ", "ผลสัมฤทธิ์และ")],
)
def test_legacy_latin1_remap(raw, fixed):
    text, repairs = repair_text(raw)
    assert text == fixed
    assert codes(repairs) == ["thai.latin1_remap"]


def test_latin1_outside_thai_is_left_alone():
    assert repair_text("café résumé 25°C ×2")[0] == "café résumé 25°C ×2"


@pytest.mark.parametrize(
    "raw, fixed",
    [("ยุทธศาสตร\uf70eที่", "ยุทธศาสตร์ที่"), ("ส\uf70aงเสริม", "ส่งเสริม"), ("\uf700\uf70aู", "ฐู่"), ("\uf70fุ", "ญุ")],
)
def test_private_use_glyphs(raw, fixed):
    text, repairs = repair_text(raw)
    assert text == fixed
    assert "thai.pua_glyph" in codes(repairs)


def test_replacement_char_after_sara_am_is_removed_and_reported():
    text, repairs = repair_text("งบประมาณรายจ่ายประจำ\ufffdปีงบประมาณ")
    assert text == "งบประมาณรายจ่ายประจำปีงบประมาณ"
    assert repairs[0].code == "thai.replacement_char" and repairs[0].position == 20


def test_replacement_char_standalone_is_removed():
    assert repair_text("abc \ufffd def") == ("abc  def", [repair_text("abc \ufffd def")[1][0]])


@pytest.mark.parametrize("raw, fixed", [("ทํางาน", "ทำงาน"), ("สําเร็จ", "สำเร็จ"), ("นํ้า", "น้ำ")])
def test_decomposed_sara_am(raw, fixed):
    text, repairs = repair_text(raw)
    assert text == fixed and codes(repairs) == ["thai.sara_am_composed"]


def test_tone_before_vowel_is_reordered():
    assert repair_text("เคล่ือน")[0] == "เคลื่อน"
    assert repair_text("ท่ี")[0] == "ที่"


@pytest.mark.parametrize("raw, fixed", [("จ่่าย", "จ่าย"), ("พัันธกิิจ", "พันธกิจ"), ("ประจำปีี", "ประจำปี")])
def test_fake_bold_duplicate_marks(raw, fixed):
    text, repairs = repair_text(raw)
    assert text == fixed and set(codes(repairs)) == {"thai.duplicate_mark"}


def test_genuine_double_consonants_are_kept():
    for word in ("คนนี้", "กรรม", "ธรรมชาติ", "นนทบุรี"):
        assert repair_text(word) == (word, [])


def test_dangling_marks_and_double_sara_e():
    assert repair_text("น ้ำ")[0] == "น้ำ"
    assert repair_text(" ่ทดสอบ")[0] == " ทดสอบ"
    assert repair_text("เเละ")[0] == "และ"


def test_repair_positions_refer_to_the_original_text():
    raw = "สําเร็จ ทีÉ"
    _, repairs = repair_text(raw)
    assert [(r.position, raw[r.position : r.position + len(r.before)]) for r in repairs] == [(1, "ํา"), (10, "É")]


@pytest.mark.parametrize(
    "raw, joined",
    [
        ("กรุงเทพ- มหานคร", "กรุงเทพมหานคร"),
        ("ผู้ว่า- ราชการ", "ผู้ว่าราชการ"),
        ("ฝ่าย พัฒนา ชุมชนฯ", "ฝ่ายพัฒนาชุมชนฯ"),
        ("ฝ่าย สิ่งแวดล้อม ฯ", "ฝ่ายสิ่งแวดล้อมฯ"),
        ("ลำดับ ที่", "ลำดับที่"),
        ("น้ำหนัก คะแนน", "น้ำหนักคะแนน"),
        ("เปิดเผยการจัดซื้อจัด จ้าง", "เปิดเผยการจัดซื้อจัดจ้าง"),
        ("ประชาชนในพื้นที่เขตภาษี เจริญ", "ประชาชนในพื้นที่เขตภาษีเจริญ"),
        ("การจ้างงานคน พิการเพื่อปฏิบัติงาน", "การจ้างงานคนพิการเพื่อปฏิบัติงาน"),
        ("ส่งเสริ มสุขภาพ", "ส่งเสริมสุขภาพ"),
    ],
)
def test_join_wrapped(raw, joined):
    assert join_wrapped(raw)[0] == joined


@pytest.mark.parametrize(
    "text",
    [
        "ประชาชนทุกช่วงวัยมีความรอบรู้ด้านสุขภาพ - เยาวชน ร้อยละ ๓๐ - วัยทำงาน ร้อยละ ๔๐",
        "ต้น สนข.",
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
        "หาบเร่ - แผงลอย",
        "คนพิการ คนไร้บ้าน และผู้สูงอายุ",
        "ตรวจสอบงานอื่น ๆ",
        "การปฏิบัติงานต่าง ๆ ค่อนข้างเก่า",
        # a line break the author wrote (seed 003's definition cell: two <p> paragraphs), whatever the dictionary
        # would make across it (การ in กำหนดการ)
        "ดำเนินการได้ตามแผนที่กำหนด\nการทำความสะอาดท่อระบายน้ำ หมายถึง",
        "ไม่มีพี่เลี้ยงในการสอนงาน\nการโค้ช (Coaching)",
    ],
)
def test_join_wrapped_keeps_genuine_spaces(text):
    assert join_wrapped(text) == (text, [])


def test_masked_spans_report_code_point_length():
    spans = find_masked_spans("สำนักxxxxxxxxxxและประเมินผล xxxxxxx maximum box")
    assert [(s.start, s.hidden_code_points) for s in spans] == [(5, 10), (28, 7)]


def test_keyboard_garbage_is_read_on_kedmanee():
    found = find_keyboard_garbage("ห้องทดลองเมือง City Lab c]h; และมีการจัดตั้ง www.bma.go.th/x e.g.")
    assert [(g.text, g.reading) for g in found] == [("c]h;", "แล้ว")]


def test_thai_digits_to_arabic():
    assert thai_digits_to_arabic("๖๖๑๐๐๕") == "661005"
    assert thai_digits_to_arabic("P๒๑๓ ๒,๖๙๔,๘๐๐ บาท") == "P213 2,694,800 บาท"


def test_arabic_to_thai_digits_is_the_inverse_on_digits():
    assert arabic_to_thai_digits("1.1.03 OKR") == "๑.๑.๐๓ OKR"
    assert thai_digits_to_arabic(arabic_to_thai_digits("P213 2,694,800")) == "P213 2,694,800"


def test_repair_text_keeps_thai_digits_in_prose():
    assert repair_text("ปี พ.ศ. ๒๕๖๗ จำนวน ๓ โครงการ")[0] == "ปี พ.ศ. ๒๕๖๗ จำนวน ๓ โครงการ"


def test_glyph_level_fake_bold_and_font_remaps():
    glyphs = [
        Glyph("ท", (10, 10, 16, 22), "BGPEOA+DilleniaUPC", 14),
        Glyph("ี", (10, 6, 16, 10), "BGPEOA+DilleniaUPC", 14),
        Glyph("ี", (10.3, 6, 16.3, 10), "BGPEOA+DilleniaUPC", 14),  # fake bold: same mark redrawn 0.3 pt right
        Glyph("É", (12, 2, 16, 6), "BGPEOA+DilleniaUPC", 14),
        Glyph("ส", (16, 10, 22, 22), "Garuda", 14),
        Glyph("\uf70a", (17, 6, 21, 10), "Garuda", 14),
        Glyph("ง", (22, 10, 28, 22), "Garuda", 14),
    ]
    out, repairs = repair_glyphs(glyphs)
    assert "".join(g.char for g in out) == "ที่ส่ง"
    assert [(r.code, r.position) for r in repairs] == [
        ("thai.fake_bold_glyph", 2),
        ("thai.latin1_remap", 3),
        ("thai.pua_glyph", 5),
    ]


def test_latin1_glyph_in_a_font_without_a_table_is_kept():
    out, repairs = repair_glyphs([Glyph("É", (0, 0, 5, 5), "Helvetica", 10)])
    assert out[0].char == "É" and repairs == []


def test_quality_metrics_counts_classes():
    q = quality_metrics("ทีÉ ทํา จ่่าย \ufffd")
    assert q.counts["latin1_in_thai"] == 1
    assert q.counts["decomposed_sara_am"] == 1
    assert q.counts["duplicated_mark"] == 1
    assert q.counts["replacement_char"] == 1
    assert quality_metrics(repair_text("ทีÉ ทํา จ่่าย \ufffd")[0]).violations_per_1000 == 0


def test_damage_detector_flags_lost_sara_am():
    damaged = "ดาเนินการสาคัญ " * 60  # SARA AM lost entirely (seed 004 style)
    bad, reason = is_text_layer_damaged(damaged)
    assert bad and "SARA AM" in reason
    assert is_text_layer_damaged("ดำเนินการสำคัญ " * 60)[0] is False


@pytest.mark.parametrize("raw, fixed", [("ก่ิ่ิ", "กิ่"), ("ท่ี่ี", "ที่"), ("ก้ัั้", "กั้")])
def test_fake_bold_copy_in_visual_order_is_one_vowel_and_one_tone(raw, fixed):
    # hypothesis found these: duplicates that are not adjacent once the marks are interleaved
    assert repair_text(raw)[0] == fixed
    assert repair_text(fixed) == (fixed, [])


def test_mark_cluster_order_is_already_nfc():
    once = repair_text("เพาะพันธุ์ฺ")[0]  # PHINTHU after SARA U: NFC puts it first
    assert repair_text(once) == (once, [])


@pytest.mark.parametrize(
    "raw, fixed",
    [  # seed000.md §5.2: all seven places of seed 000
        ("เนื้อหาส่วนนจี้ ะครอบคลุม", "เนื้อหาส่วนนี้จะครอบคลุม"),
        ("สัดสว่ นของประชาชน", "สัดส่วนของประชาชน"),
        ("การดำเนนิ งาน", "การดำเนินงาน"),
        ("ตัวชวี้ ัดเมืองน่าอยู่", "ตัวชี้วัดเมืองน่าอยู่"),
        ("ที่ยงั ไม่ได้", "ที่ยังไม่ได้"),
        ("การใชง้ านระบบ", "การใช้งานระบบ"),
    ],
)
def test_marks_drawn_over_the_next_consonant_are_moved_back(raw, fixed):
    text, repairs = repair_text(raw)
    assert text == fixed
    assert codes(repairs) == ["thai.misplaced_mark"]


@pytest.mark.parametrize("text", ["คนที่ มา", "สวนนี้ จะ", "ผู้ที่ ได้รับ", "ตามที่ สนท. กำหนด", "เป็นต้น ไป"])
def test_correct_words_before_a_space_are_not_moved(text):
    assert repair_text(text) == (text, [])


def test_misplaced_marks_only_in_seed_000():
    found = {}
    for path in sorted(CORPUS.glob("*.txt")):
        _, repairs = repair_text(path.read_text(encoding="utf-8"))
        found[path.name[:3]] = sum(r.code == "thai.misplaced_mark" for r in repairs)
    assert found == {"000": 7, "001": 0, "002": 0, "003": 0, "004": 0}


def test_stray_glyph_inside_a_thai_word_is_removed_and_reported():
    text, repairs = repair_text("สำนักพิมพ์ จĞำกัด")  # 14.pdf: a Latin Extended-A glyph inside จำกัด
    assert text == "สำนักพิมพ์ จำกัด"
    assert [(r.code, r.before) for r in repairs] == [("thai.stray_glyph", "Ğ")]


def test_stray_glyphs_outside_thai_words_are_kept():
    for text in ("☐ ใช่ □ ไม่ใช่", "Erdoğan กล่าว", "ตาราง ■ สรุป"):
        assert repair_text(text) == (text, [])


def test_composed_sara_am_maps_each_character_back_to_the_text():
    from extractor.thai.chars import composed_sara_am

    assert composed_sara_am("การดําเนินงาน") == ("การดำเนินงาน", [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12])
    assert composed_sara_am("น้ำ") == ("น้ำ", [0, 1, 2])

"""Tesseract words → glyphs → the shared line builder: Thai words rebuilt, marks on their bases, real spaces kept."""

import numpy as np

from extractor.ingest.ocr import _word_pieces, blank_widths, lines_to_glyphs, split_noise
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr
from extractor.layout.lines import build_lines

HOCR = """<html><body><div class='ocr_page'>
<span class='ocr_line' title="bbox 100 200 400 240; baseline 0.001 -8; x_size 35; x_descenders 6; x_ascenders 9">
<span class='ocrx_word' title='bbox 100 205 120 232; x_wconf 93'>ส</span>
<span class='ocrx_word' title='bbox 121 205 139 232; x_wconf 91'>&#x0e48;</span>
<span class='ocrx_word' title='bbox 138 205 158 232; x_wconf 95'>ว</span>
</span></div></body></html>""".encode()


def test_parse_hocr_reads_lines_words_baseline():
    [line] = parse_hocr(HOCR)
    assert line.bbox == (100, 200, 400, 240) and line.baseline == 232 and line.x_size == 35
    assert [w.text for w in line.words] == ["ส", "\u0e48", "ว"] and line.words[0].confidence == 93


def _line(words, y=200, x_size=35.0):
    return OcrLine((words[0][1], y, words[-1][2], y + 40), y + 32, x_size, [OcrWord(t, (x0, y + 5, x1, y + 32), 95.0) for t, x0, x1 in words])


def test_glyph_by_glyph_thai_becomes_one_word_with_marks():
    # "ส่วนที่ 1": Tesseract boxes the marks as words of their own, pushing the next base to the right
    line = _line([("ส", 100, 120), ("่", 123, 141), ("ว", 140, 160), ("น", 163, 180), ("ท", 182, 200), ("ี่", 199, 221), ("1", 240, 246)])
    lines = build_lines(lines_to_glyphs([line], 72 / 300))
    assert [ln.text for ln in lines] == ["ส่วนที่ 1"]


def test_real_gap_is_a_space_and_lines_stay_apart():
    first = _line([("แผน", 100, 160), ("งาน", 200, 260)])
    second = _line([("ปี", 100, 130)], y=260)
    lines = build_lines(lines_to_glyphs([first, second], 72 / 300))
    assert [ln.text for ln in lines] == ["แผน งาน", "ปี"]


def test_noise_line_above_thai_is_dropped_digits_kept():
    thai = _line([("ที", 100, 140), ("่", 141, 150)], y=300)
    noise = OcrLine((100, 270, 160, 290), 288, 20, [OcrWord("aA", (100, 270, 160, 290), 40.0)])
    number = OcrLine((500, 270, 540, 290), 288, 20, [OcrWord("12", (500, 270, 540, 290), 40.0)])
    kept, dropped = split_noise([noise, thai, number])
    assert dropped == [noise] and kept == [thai, number]


def test_strip_of_detached_marks_above_a_thai_line_is_noise():
    # a bold line's upper marks read as a small line of their own, even with a Thai letter or a digit in it
    thai = _line([("มต", 100, 160), ("ท", 161, 180)], y=300, x_size=47.0)
    strip = OcrLine((100, 280, 180, 296), 294, 14.0, [OcrWord("vy", (100, 280, 120, 296), 80.0), OcrWord("7", (125, 280, 130, 296), 80.0), OcrWord("จ", (140, 280, 150, 296), 80.0), OcrWord("aa", (160, 280, 180, 296), 80.0)])
    small_thai = OcrLine((100, 360, 180, 380), 378, 20.0, [OcrWord("หมายเหตุ", (100, 360, 180, 380), 90.0)])
    body = [_line([("แผน", 100, 160)], y=y, x_size=47.0) for y in (400, 460)]
    kept, dropped = split_noise([strip, thai, small_thai, *body])
    assert dropped == [strip] and kept == [thai, small_thai, *body]


def test_thai_gaps_inside_a_word_are_closed_wider_than_latin_ones():
    # em ≈ 30 px here: 12 px (0.4 em) between Thai glyphs is tracking, between a Thai letter and a digit a space
    line = _line([("ระ", 100, 140), ("บบ", 152, 190), ("ที่", 220, 250), ("4", 262, 275)])
    lines = build_lines(lines_to_glyphs([line], 72 / 300))
    assert [ln.text for ln in lines] == ["ระบบ ที่ 4"]


def test_a_gap_inside_a_dictionary_word_needs_to_be_wider():
    # the same 0.5 em gap: between two words a space, inside ระบบ tracking
    between = _line([("ระบบ", 100, 180), ("ทาง", 195, 250)])
    inside = _line([("ระ", 100, 140), ("บบ", 155, 190)], y=300)
    lines = build_lines(lines_to_glyphs([between, inside], 72 / 300))
    assert [ln.text for ln in lines] == ["ระบบ ทาง", "ระบบ"]


def _consonant_line(y: int, height: int, x_size: float) -> OcrLine:
    """A line of single-consonant words (Tesseract boxes Thai glyph by glyph) of ink ``height`` pixels."""
    words = [OcrWord(ch, (100 + 30 * i, y + 40 - height, 120 + 30 * i, y + 40), 95.0) for i, ch in enumerate("กรมนวดบ")]
    return OcrLine((100, y, 320, y + 50), y + 40, x_size, words)


def test_line_sizes_come_from_the_consonants_height_not_the_jittering_x_size():
    # 300 dpi: 10.5 pt body (consonants 25 px high), a 12 pt heading (29 px); Tesseract's x_size says the opposite
    body = [_consonant_line(y, 25, x_size) for y, x_size in ((400, 58.0), (480, 44.0), (560, 40.0))]
    heading = _consonant_line(300, 29, 46.0)
    glyphs = lines_to_glyphs([heading, *body], 72 / 300)
    sizes = {round(g.bbox[1]): g.size for g in glyphs}
    body_sizes = {size for top, size in sizes.items() if top > 80}
    heading_size = next(size for top, size in sizes.items() if top < 80)
    assert len(body_sizes) == 1  # the body lines agree whatever their x_size
    assert heading_size / body_sizes.pop() >= 1.1  # and the heading is larger by about 12/10.5


def _texts(*lines: OcrLine) -> list[str]:
    return [ln.text for ln in build_lines(lines_to_glyphs(list(lines), 72 / 300))]


def test_a_thai_letter_next_to_a_digit_is_spaced_even_when_the_gap_is_narrow():
    # em ≈ 29 px: 3 px (0.1 em) is narrower than the gaps inside a Thai word, yet วันที่ 31, 2 ครั้ง are spaced
    # (the text layer spaces 2,632 of 2,656 such joins); the space must survive the layout's own word gap
    date = _line([("วันที่", 100, 160), ("31", 163, 180)])
    count = _line([("2", 100, 112), ("ครั้ง", 115, 170)], y=300)
    assert _texts(date, count) == ["วันที่ 31", "2 ครั้ง"]


def test_no_space_before_a_full_stop_but_one_before_an_opening_bracket():
    # Tesseract boxes the dot of an abbreviation 0.4 em off the letters (กทม .); a bracket 0.1 em off is spaced
    abbreviation = _line([("กทม", 100, 160), (".", 172, 176)])
    bracket = _line([("โครงการ", 100, 200), ("(ต่อ)", 203, 260)], y=300)
    assert _texts(abbreviation, bracket) == ["กทม.", "โครงการ (ต่อ)"]


def test_a_wide_gap_is_a_space_even_where_the_dictionary_reads_one_word():
    # สภาพเศรษฐกิจ is one dictionary word, but 0.6 em between สภาพ and เศรษฐกิจ is far wider than tracking
    line = _line([("สภาพ", 100, 150), ("เศรษฐกิจ", 168, 250)])
    assert set(_word_pieces(line.words)) == {1}
    assert _texts(line) == ["สภาพ เศรษฐกิจ"]


def test_the_layout_gets_the_consonants_size_while_gaps_keep_the_x_size_scale():
    # 300 dpi: consonants 25 px high are 10.5 pt text (25 / 0.58 px); Tesseract's x_size of 44 px says 9 pt
    body = [_consonant_line(y, 25, 44.0) for y in (400, 480, 560)]
    assert {g.size for g in lines_to_glyphs(body, 72 / 300)} == {10.5}


def test_a_gap_is_measured_from_tesseracts_box_not_from_a_narrow_word_widened():
    # the dot of "๒." is 1 px wide and placed 0.2 em wide; the 10 px (0.34 em) after its box is still a space
    line = _line([("๒", 100, 120), (".", 121, 122), ("ค่า", 132, 180)])
    assert _texts(line) == ["๒. ค่า"]


def test_a_number_tesseract_cuts_in_two_stays_whole():
    # ๒|๕๖๗ 0.41 em apart: wider than a space elsewhere, but the text layer spaces no digit/digit join under 0.5 em
    line = _line([("พ.ศ.", 100, 150), ("๒", 160, 175), ("๕๖๗", 187, 230)])
    assert _texts(line) == ["พ.ศ. ๒๕๖๗"]


def _spaced_line(letter_gap: int, y: int) -> OcrLine:
    """ประชาชน boxed letter by letter ``letter_gap`` px apart, then และ 12 px (0.41 em) after it."""
    words, x = [], 100
    for ch in "ประชาชน":
        words.append((ch, x, x + 14))
        x += 14 + letter_gap
    return _line([*words, ("และ", x - letter_gap + 12, x - letter_gap + 50)], y=y)


def test_the_space_between_thai_words_is_measured_against_the_lines_own_letter_spacing():
    # letters 0.1 em apart: 0.41 em is a space; letters 0.24 em apart (wide-set text): the same gap is not
    assert _texts(_spaced_line(3, 200), _spaced_line(7, 300)) == ["ประชาชน และ", "ประชาชนและ"]


def test_a_number_after_thi_is_spaced_though_the_marks_box_reaches_over_the_space():
    # Tesseract's box of ที่ takes in its marks, which overhang the space: the next box starts 0.1 em inside it
    line = _line([("ตัวชี้วัดที่", 100, 230), ("1.4", 227, 260)])
    assert _texts(line) == ["ตัวชี้วัดที่ 1.4"]


def test_a_word_box_over_the_next_words_is_cut_where_they_start():
    # seen on seed 001's scan: ``โค`` boxed over all of ``โครงการ`` (its letters after it boxed in their places) pushed
    # ``าร`` past the right edge of a narrow header cell into the next column
    from extractor.ingest.ocr import untangled

    line = _line([("โค", 1565, 1712), ("ร", 1606, 1627), ("ง", 1627, 1645), ("ก", 1645, 1666), ("า", 1666, 1687), ("ร", 1687, 1714)])
    assert [w.bbox[0::2] for w in untangled(line).words][:2] == [(1565, 1606), (1606, 1627)]
    glyphs = lines_to_glyphs([line], 72 / 300)
    assert "".join(g.char for g in glyphs) == "โครงการ"
    assert max(g.bbox[2] for g in glyphs) <= 1714 * 72 / 300 + 0.01  # no letter beyond the word's ink
    apart = _line([("แผน", 100, 160), ("งาน", 200, 260)])
    assert untangled(apart).words == apart.words


def _inked(*spans: tuple[int, int], y: int = 200) -> np.ndarray:
    """A page's ink mask with letter bodies (x-height 0.6 em above ``_line``'s baseline) over the given x spans."""
    ink = np.zeros((400, 600), dtype=bool)
    for x0, x1 in spans:
        ink[y + 14:y + 32, x0:x1] = True
    return ink


def test_blank_widths_are_the_widths_of_the_letter_bands_blank_stretches():
    line = _line([("ข้อมูล", 100, 190), ("ระบบ", 196, 240)])
    ink = _inked((100, 185), (200, 240))
    ink[150:212, 186:200] = True  # a mark above the band and a vowel below it do not close the gap
    ink[232:240, 186:200] = True
    widths = blank_widths(ink, line, 29.0)
    assert widths.size == 140 and widths[0] == 0 and set(widths[85:100]) == {15}


def test_between_thai_words_the_ink_decides_not_tesseracts_boxes():
    # em ≈ 29 px.  Tesseract places a Thai letter's box to a few pixels only: boxes 0.5 em apart over 0.4 em of
    # blank before ใ (whose body leaves 0.2 em more blank before it than other letters) are letter spacing, boxes
    # 0.2 em apart over 0.5 em of blank a space; without the page's ink the boxes decide
    words = _line([("ข้อมูล", 100, 190), ("ใหม่", 205, 250)])
    spaced = _line([("ข้อมูล", 100, 190), ("ระบบ", 196, 240)], y=300)
    assert not _word_pieces(words.words) and not _word_pieces(spaced.words)
    ink = _inked((100, 192), (204, 250)) | _inked((100, 185), (200, 240), y=300)
    glyphs = lines_to_glyphs([words, spaced], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["ข้อมูลใหม่", "ข้อมูล ระบบ"]
    assert _texts(words, spaced) == ["ข้อมูล ใหม่", "ข้อมูลระบบ"]


def test_a_blank_under_the_hook_of_a_leading_vowel_is_no_space_whatever_letter_tesseract_read_there():
    # Tesseract's boxes slip by a letter now and then: in นักวิเคราะห์นโยบาย the gap between the boxes of ห์ and น
    # lay over the blank before โ, 0.3 em wide in the letters' band.  โ ใ ไ hang a hook over the blank before their
    # stems, and the band measured before a letter not read as one of them reaches up to it
    hooked = _line([("ข้อมูล", 100, 190), ("ระบบ", 196, 240)])
    bare = _line([("ข้อมูล", 100, 190), ("ระบบ", 196, 240)], y=300)
    ink = _inked((100, 185), (200, 240)) | _inked((100, 185), (200, 240), y=300)
    ink[205:213, 188:201] = True  # the hook: 0.65-0.95 em above the baseline, over the blank, down to the stem
    glyphs = lines_to_glyphs([hooked, bare], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["ข้อมูลระบบ", "ข้อมูล ระบบ"]


def test_the_ink_decides_at_latin_words_but_not_before_closing_punctuation():
    # Tesseract's boxes of a Latin word after a Thai one touch (0.05 em) over 0.5 em of blank: จัดทำ QRCode; a full
    # stop 0.5 em of blank after its word is still no space (Tesseract boxes the dot of กทม. far from the letters)
    latin = _line([("จัดทำ", 100, 190), ("QRCode", 191, 280)])
    stop = _line([("กทม", 100, 160), (".", 175, 179)], y=300)
    ink = _inked((100, 185), (200, 280)) | _inked((100, 160), (175, 179), y=300)
    glyphs = lines_to_glyphs([latin, stop], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["จัดทำ QRCode", "กทม."]
    assert _texts(latin, stop) == ["จัดทำQRCode", "กทม."]


def test_the_blank_before_a_consonant_boxed_early_still_counts_for_its_gap():
    # em ≈ 60 px.  Tesseract boxed ท of เอกชน ที่มี 7 px wide over the end of น (its marks' box over ท): the space's
    # blank (0.35 em) starts 0.18 em after the box gap, within INK_REACH_AFTER
    words = [("เอกชน", 100, 178), ("ท", 179, 186), ("ี่", 190, 236), ("มี", 240, 270)]
    line = _line(words, x_size=70.0)
    ink = _inked((100, 190), (211, 235), (238, 270))
    assert [ln.text for ln in build_lines(lines_to_glyphs([line], 72 / 300, ink))] == ["เอกชน ที่มี"]


def test_after_an_asterisk_the_box_gap_decides_the_ink_does_not_see_it():
    # the asterisk of 5,000,000*ไม่ได้รับ is set above the letters' band: the band is blank over it, 0.46 em from
    # the last 0 to ไ, and the ink read a space; the boxes (touching) do not
    starred = _line([("5,000,000*", 100, 190), ("ไม่", 191, 230)])
    spaced = _line([("5,000,000*", 100, 190), ("ไม่", 205, 240)], y=300)
    ink = _inked((100, 178), (192, 230)) | _inked((100, 178), (205, 240), y=300)
    ink[190:205, 179:190] = True  # the asterisk, above the band
    ink[290:305, 179:190] = True
    glyphs = lines_to_glyphs([starred, spaced], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["5,000,000*ไม่", "5,000,000* ไม่"]


def test_a_closing_bracket_after_a_sign_is_spaced_as_the_ink_shows():
    # ตัววัดผลหลัก (Key Result : KR) ): a bracket after a letter is never spaced (box gaps under CLOSING_GAP), one
    # after another sign as the ink shows, here 0.4 em of blank between boxes 0.3 em apart
    signs = _line([("KR)", 100, 160), (")", 169, 175)])
    ink = _inked((100, 160), (172, 175))
    glyphs = lines_to_glyphs([signs], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["KR) )"]
    assert _texts(signs) == ["KR))"]


def test_a_number_is_not_spaced_after_its_dot_whatever_blank_the_boxes_land_on():
    # 1.๔ ประชาสัมพันธ์: Tesseract's boxes slipped by a letter and the gap between those of 1. and ๔ lay over the
    # blank before ประชา; a digit after a digit's dot is never spaced (0 of 131 in the text layer)
    heading = _line([("1.", 100, 128), ("๔", 140, 150), ("ประชา", 152, 230)])
    ink = _inked((100, 108), (110, 113), (115, 128), (155, 230))  # 1 . ๔, 0.9 em of blank, ประชา
    glyphs = lines_to_glyphs([heading], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["1.๔ ประชา"]


def test_consonant_boxes_at_the_full_height_of_the_line_do_not_size_it():
    # 300 dpi, 10.5 pt body: consonants 25 px of ink.  Tesseract boxes some consonants at the line's full height
    # (56 px, 2.2 x-heights): their median made the line twice the body's size and the 0.32 em space between กรม
    # and นวด (14 px of blank) half as wide, under INK_SPACE_GAP
    body = [_consonant_line(y, 25, 46.0) for y in (400, 480, 560)]
    boxes = [("ก", 100, 56), ("ร", 122, 56), ("ม", 144, 25), ("น", 180, 56), ("ว", 202, 56), ("ด", 224, 25)]
    words = [OcrWord(ch, (x0, 232 - height, x0 + 20, 232), 95.0) for ch, x0, height in boxes]
    tall = OcrLine((100, 176, 244, 240), 232, 46.0, words)
    assert tall.consonant_heights() == [25, 25]
    ink = _inked(*((x0, x0 + 20) for _, x0, _ in boxes))
    glyphs = lines_to_glyphs([tall, *body], 72 / 300, ink)
    assert build_lines(glyphs)[0].text == "กรม นวด"


def test_sara_am_written_as_nikhahit_and_sara_aa_reads_as_the_dictionary_spells_it():
    # Tesseract writes ำ as ํ + า: การดําเนินงาน tokenized as written is กา รด ํา เนิน งาน, which put the start of
    # ดํา inside a word and asked a space there for 0.56 em; composed it is การ ดำเนินงาน, a 0.45 em gap a space
    words = [("การ", 100, 160), ("ดํา", 174, 200), ("เนิน", 202, 250), ("งาน", 252, 300)]
    line = _line(words)
    assert set(_word_pieces(line.words)) == {2, 3}
    assert _texts(line) == ["การ ดําเนินงาน"]


def test_the_blank_after_a_letter_whose_marks_are_boxed_past_it_counts_for_the_gap_after_the_marks():
    # em ≈ 60 px.  Tesseract boxed the marks of ทั้งนี้ 0.25 em right of their ink and หลัก as far: the space's blank
    # (0.42 em) ends 0.17 em before the box gap, beyond INK_REACH, but right after the box of น.  A blank the join
    # before a letter's own box is nearer (งาน ที่มี) stays that join's alone
    marked = _line([("ทั้ง", 100, 160), ("น", 161, 180), ("ี้", 181, 215), ("หลัก", 222, 300)], x_size=70.0)
    early = _line([("งาน", 100, 160), ("ท", 178, 186), ("ี่", 187, 225), ("มี", 232, 270)], y=300, x_size=70.0)
    ink = _inked((100, 180), (205, 300)) | _inked((100, 160), (178, 270), y=300)
    glyphs = lines_to_glyphs([marked, early], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["ทั้งนี้ หลัก", "งาน ที่มี"]


def test_a_compound_written_apart_is_spaced_where_boxes_and_ink_agree_but_not_beside_a_space():
    # em ≈ 30 px.  จัดซื้อจัดจ้าง is one dictionary word: its box gap (0.47 em) is under THAI_GAP_IN_WORD, but the ink
    # shows a space (0.53 em).  In กรุงเทพมหานคร ประจำปี Tesseract boxed ป alone, and the gap after it (0.47 em,
    # inside ประจำปี, 0.33 em of ink) is the box slipped by a letter next to the real space before it
    compound = _line([("จัดซื้อ", 100, 190), ("จัดจ้าง", 204, 300)])
    slipped = _line([("กรุงเทพมหานคร", 100, 250), ("ป", 264, 275), ("ระจำปี", 289, 360)], y=300)
    ink = _inked((100, 188), (204, 300)) | _inked((100, 250), (264, 275), (285, 360), y=300)
    glyphs = lines_to_glyphs([compound, slipped], 72 / 300, ink)
    assert [ln.text for ln in build_lines(glyphs)] == ["จัดซื้อ จัดจ้าง", "กรุงเทพมหานคร ประจำปี"]

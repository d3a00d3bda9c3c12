"""Signs and letters Tesseract reads as a look-alike (``-`` for –, ``%`` for x, ``@`` for Q, ฎ for ฏ, ``119`` for 1¹⁰)
re-read by shape."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.ingest import ocr_shapes
from extractor.ingest.ocr_image import ink_mask
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from tests.ocr.test_ocr_masks import SIZE, _font, _scan, needs_fonts

FONTS = ["Loma", "Garuda", "Norasi"]


def _reread(pieces: list[tuple[str, str]], font: str = "Loma") -> tuple[list[tuple[str, str]], list[str]]:
    ink, line = _scan(pieces, font)
    return ocr_shapes.reread_lookalikes(ink, [line]), [w.text for w in line.words]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_an_en_dash_read_as_a_hyphen_is_read_by_its_length(font):
    changed, words = _reread([("ค่าเฉลี่ย ", "ค่าเฉลี่ย"), ("4.51 ", "4.51"), ("–", "-"), (" 5.00", "5.00"), (" หมายถึง", "หมายถึง")], font)
    assert changed == [("-", "–")]
    assert words == ["ค่าเฉลี่ย", "4.51", "–", "5.00", "หมายถึง"]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_a_hyphen_stays_a_hyphen(font):
    changed, _ = _reread([("ค่าเฉลี่ย ", "ค่าเฉลี่ย"), ("4.51 ", "4.51"), ("-", "-"), (" 5.00", "5.00"), (" หมายถึง", "หมายถึง")], font)
    assert changed == []


@needs_fonts
def test_hyphens_and_en_dashes_in_one_word_are_read_each_by_its_own_ink():
    changed, words = _reread([("หน้า ", "หน้า"), ("–12-", "-12-"), (" ของแผน", "ของแผน")])
    assert changed == [("-12-", "–12-")]


@needs_fonts
def test_a_dash_alone_on_its_line_is_left_as_read():
    # no glyph on the line to measure its length by (a dash alone in a table cell)
    assert _reread([("–", "-")]) == ([], ["-"])


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(("drawn", "read"), [("x", "%"), ("x", "*"), ("Q", "@"), ("÷", "+"), ("×", "%"), ("๗", "%"), ("๑", "@"), ("๖", "»")])
def test_a_lookalike_is_read_by_shape(font, drawn, read):
    changed, words = _reread([("ซ่อมแซม ", "ซ่อมแซม"), (drawn, read), (" 100 BMA", "100 BMA")], font)
    assert changed == [(read, drawn)]
    assert words[1] == drawn


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_mai_yamok_read_as_a_doubtful_four_is_read_by_shape(font):
    ink, line = _scan([("อื่น ", "อื่น"), ("ๆ", "4"), (" ที่", "ที่")], font)
    line.words[1].confidence = 65.0
    assert ocr_shapes.reread_lookalikes(ink, [line]) == [("4", "ๆ")]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("confidence", [65.0, 96.0])
def test_a_four_stays_a_four(font, confidence):
    ink, line = _scan([("ข้อ ", "ข้อ"), ("4", "4"), (" ที่", "ที่")], font)
    line.words[1].confidence = confidence
    assert ocr_shapes.reread_lookalikes(ink, [line]) == []


def test_only_a_doubtful_four_of_its_own_is_looked_at():
    words = [OcrWord("อื่น", (0, 0, 50, 40), 93.0), OcrWord("4", (60, 0, 80, 40), 96.0), OcrWord("2564", (90, 0, 150, 40), 50.0)]
    line = OcrLine((0, 0, 150, 40), 30, 30.0, words)
    assert not ocr_shapes._doubtful_word(line, 1) and not ocr_shapes._doubtful_word(line, 2)


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("sign", ["%", "*", "@", "+", "»"])
def test_a_sign_that_is_what_was_read_stays(font, sign):
    changed, _ = _reread([("ร้อยละ ", "ร้อยละ"), (sign, sign), (" 100", "100")], font)
    assert changed == []


def _glyph_words(text: str, read: str) -> list[tuple[str, str]]:
    """One piece per base character with its marks, as Tesseract boxes Thai; ``read`` is what it made of them."""
    pieces: list[tuple[str, str]] = []
    for ch, got in zip(text, read):
        if ch in "่้๊๋์ัิีึืุู็" and pieces:
            pieces[-1] = (pieces[-1][0] + ch, pieces[-1][1] + got)
        else:
            pieces.append((ch, got))
    return pieces


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Norasi", "Kinnari", "Waree", "Sawasdee"])
def test_to_patak_read_as_cho_chada_is_read_by_its_tail(font):
    # the plan writes ราษฏร์: Tesseract's language model prefers the dictionary's ราษฎร์
    changed, words = _reread([("ทะเบียน", "ทะเบียน"), *_glyph_words("ราษฏร์", "ราษฎร์")], font)
    assert changed == [("ฎ", "ฏ")]
    assert "".join(words) == "ทะเบียนราษฏร์"


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Garuda", "Garuda-Bold", "Norasi", "Kinnari", "Laksaman", "Umpush", "Waree"])
def test_cho_chada_stays(font):
    changed, _ = _reread([("ข้อ", "ข้อ"), *_glyph_words("กฎหมาย", "กฎหมาย")], font)
    assert changed == []


@needs_fonts
@pytest.mark.parametrize("font", ["Garuda", "Umpush", "Laksaman"])
def test_to_patak_whose_tail_is_cho_chadas_is_left_as_read(font):
    # these fonts draw the two tails alike: the ink cannot tell them apart, so Tesseract's reading stands
    changed, _ = _reread([("ทะเบียน", "ทะเบียน"), *_glyph_words("ราษฏร์", "ราษฎร์")], font)
    assert changed == []


@needs_fonts
def test_a_glyph_boxed_off_its_ink_is_paired_with_it_in_order():
    # Tesseract's boxes of Thai glyphs stray: the ฎ boxed over the right half of ษ and the left of its own ink
    ink, line = _scan([("ทะเบียน", "ทะเบียน"), *_glyph_words("ราษฏร์", "ราษฎร์")])
    words = line.words
    shift = (words[3].bbox[2] - words[3].bbox[0]) // 2
    for word in words[3:5]:
        word.bbox = (word.bbox[0] - shift, word.bbox[1], word.bbox[2] - shift, word.bbox[3])
    assert ocr_shapes.reread_lookalikes(ink, [line]) == [("ฎ", "ฏ")]


def test_a_glyph_boxed_over_a_third_of_its_own_ink_has_that_ink_among_its_candidates():
    # ราษฎร์ on 000's scan: ษ's ink 135-161, ฎ's 164-189, the ฎ boxed 150-172 (a third of its width on its own ink);
    # one stretch more than base characters around it, so nothing pairs in order
    blank = np.zeros((30, 10), dtype=bool)
    stretches = [(left, right, 0, 30, blank) for left, right in [(113, 130), (135, 161), (164, 189), (194, 214), (231, 257), (261, 284)]]
    boxes = [("า", 113, 126), ("ษ", 135, 151), ("ฎ", 150, 172), ("ร", 171, 188), ("ท", 224, 242)]
    line = OcrLine((100, 0, 300, 30), 28, 30.0, [OcrWord(t, (a, 0, b, 30), 93.0) for t, a, b in boxes])
    (candidates,) = ocr_shapes._candidates(line, stretches, 2)
    assert [(s[0], s[1]) for s in candidates] == [(135, 161), (164, 189)]


def test_a_line_without_lookalikes_is_not_looked_at():
    line = OcrLine((0, 0, 100, 40), 30, 30.0, [OcrWord("ความ", (0, 0, 100, 40), 90.0)])
    assert ocr_shapes.reread_lookalikes(None, [line]) == []  # type: ignore[arg-type]  # no ink is cut


def _footnoted(before: str, text: str, number: str, read: str, font: str = "Loma") -> tuple[np.ndarray, OcrLine]:
    """``before`` (Thai, one word) and ``text`` on a line, ``number`` after it as a footnote number (a smaller font,
    raised), and the OCR line Tesseract makes of it: the footnote read into ``text``'s word as ``read``."""
    face, small = _font(font), ImageFont.truetype(_font(font).path, int(0.6 * SIZE))
    baseline = 2 * SIZE
    image = Image.new("L", (80 + 2 * SIZE * (len(before) + len(text) + len(number)) // 3, 3 * SIZE), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, baseline), before, font=face, fill=0, anchor="ls")
    start = 20 + face.getlength(before) + SIZE // 2
    draw.text((start, baseline), text, font=face, fill=0, anchor="ls")
    draw.text((start + face.getlength(text), baseline - 0.35 * SIZE), number, font=small, fill=0, anchor="ls")
    end = start + face.getlength(text) + small.getlength(number)
    pixels = np.clip(np.asarray(image).astype(np.int16) + np.random.default_rng(5).integers(-20, 20, (3 * SIZE, image.width)), 0, 255)
    words = [OcrWord(before, (20, SIZE, int(start) - SIZE // 2, baseline), 90.0), OcrWord(read, (int(start), SIZE, int(end), baseline), 70.0)]
    return ink_mask(pixels.astype(np.uint8)), OcrLine((10, SIZE // 2, image.width - 10, int(2.5 * SIZE)), baseline, 1.16 * SIZE, words)


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize(
    ("before", "text", "number", "read", "expected"),
    [
        ("ประเด็นการพัฒนาที่", "1", "10", "119", "1¹⁰"),
        ("ประเด็นการพัฒนาที่", "5", "18", "51*", "5¹⁸"),
        ("วัตถุประสงค์หลัก", "(Objective)", "11", "(Objective)'!", "(Objective)¹¹"),
    ],
)
def test_a_footnote_number_read_as_digits_of_the_line_is_written_raised(font, before, text, number, read, expected):
    ink, line = _footnoted(before, text, number, read, font)
    assert ocr_shapes.reread_lookalikes(ink, [line]) == [(read, expected)]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("text", ["119", "(2567)*", "ร้อยละ"])
def test_digits_and_signs_on_the_line_are_no_footnote(font, text):
    ink, line = _footnoted("จำนวนทั้งหมด", text, "", text, font)
    assert ocr_shapes.reread_lookalikes(ink, [line]) == []


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_small_letters_as_tall_as_the_capital_are_capitals(font):
    changed, words = _reread([("ระบบ ", "ระบบ"), ("(BMA ", "(BMA"), ("OSS)", "Oss)"), (" ของ", "ของ")], font)
    assert changed == [("Oss)", "OSS)")]
    assert words[2] == "OSS)"


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_small_letters_stay_small(font):
    assert _reread([("ระบบ ", "ระบบ"), ("Zoo", "Zoo"), (" Cox", "Cox"), (" ของ", "ของ")], font)[0] == []


FORMULA = [("ระดับมาก ", "ระดับมาก"), ("A", "4"), (" = ", "="), ("B", "8"), (" x ", "x"), ("100 ", "100"), ("C", "C")]


@needs_fonts
@pytest.mark.parametrize("font", ["Norasi-Italic", "Kinnari-Italic", "Laksaman-Italic"])
def test_italic_capitals_of_a_formula_are_mathematical_italics(font):
    changed, words = _reread(FORMULA, font)
    assert sorted(changed) == [("4", "𝐴"), ("8", "𝐵"), ("C", "𝐶")]
    assert words == ["ระดับมาก", "𝐴", "=", "𝐵", "x", "100", "𝐶"]


@needs_fonts
def test_an_italic_capital_read_with_the_x_after_it_is_split_from_it():
    # Tesseract boxes ``𝐵 x`` as one word ``Bx``
    changed, words = _reread([("ระดับมาก ", "ระดับมาก"), ("A", "A"), (" = ", "="), ("B x", "Bx"), (" 100", "100")], "Norasi-Italic")
    assert ("Bx", "𝐵 x") in changed
    assert words == ["ระดับมาก", "𝐴", "=", "𝐵", "x", "100"]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_upright_capitals_and_digits_of_a_formula_stay(font):
    changed, words = _reread([("ระดับมาก ", "ระดับมาก"), ("A", "A"), (" = ", "="), ("B", "B"), (" x ", "x"), ("4 ", "4"), ("8", "8")], font)
    assert changed == []


@needs_fonts
def test_italic_capitals_are_looked_at_only_on_a_formula_line():
    changed, _ = _reread([("ระดับมาก ", "ระดับมาก"), ("A", "4"), (" และ ", "และ"), ("C", "C")], "Norasi-Italic")
    assert changed == []


@needs_fonts
def test_an_equals_sign_read_with_the_capital_after_it_is_its_own_word():
    # Tesseract reads ``= 𝐵`` as ``=8`` boxed over the 𝐵 alone
    ink, line = _scan([("ระดับมาก ", "ระดับมาก"), ("A", "4"), (" = ", ""), ("B", "=8"), (" x 100", "x")], "Norasi-Italic")
    changed = ocr_shapes.reread_lookalikes(ink, [line])
    assert ("=8", "= 𝐵") in changed
    assert [w.text for w in line.words] == ["ระดับมาก", "𝐴", "=", "𝐵", "x"]
    assert line.words[2].bbox[2] < line.words[3].bbox[0]  # the sign boxed over its own ink


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_an_upright_capital_read_as_a_digit_before_an_equals_sign_is_the_capital(font):
    changed, words = _reread([("B", "8"), (" = ", "="), ("จำนวนผู้ใช้งาน", "จำนวนผู้ใช้งาน")], font)
    assert changed == [("8", "B")]
    assert words == ["B", "=", "จำนวนผู้ใช้งาน"]


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
def test_a_digit_of_a_formula_stays_a_digit(font):
    changed, _ = _reread([("ค่า ", "ค่า"), ("8", "8"), (" = ", "="), ("4 ", "4"), ("x ", "x"), ("0", "0")], font)
    assert changed == []

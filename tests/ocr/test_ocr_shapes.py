"""Signs and letters Tesseract reads as a look-alike (``-`` for –, ``%`` for x, ``@`` for Q, ฎ for ฏ) re-read by shape."""

import pytest

from extractor.ingest import ocr_shapes
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from tests.ocr.test_ocr_masks import _scan, needs_fonts

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
@pytest.mark.parametrize(("drawn", "read"), [("x", "%"), ("x", "*"), ("Q", "@"), ("÷", "+"), ("×", "%")])
def test_a_lookalike_is_read_by_shape(font, drawn, read):
    changed, words = _reread([("ซ่อมแซม ", "ซ่อมแซม"), (drawn, read), (" 100 BMA", "100 BMA")], font)
    assert changed == [(read, drawn)]
    assert words[1] == drawn


@needs_fonts
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("sign", ["%", "*", "@", "+"])
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


def test_a_line_without_lookalikes_is_not_looked_at():
    line = OcrLine((0, 0, 100, 40), 30, 30.0, [OcrWord("ความ", (0, 0, 100, 40), 90.0)])
    assert ocr_shapes.reread_lookalikes(None, [line]) == []  # type: ignore[arg-type]  # no ink is cut

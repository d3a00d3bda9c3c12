"""Thai digits re-read by shape (Tesseract's Thai model reads ๔ ๖ ๗ ๘ ๙ as other digits or letters)."""

import glob

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.ingest import ocr_digits
from extractor.ingest.ocr_image import ink_mask
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

needs_fonts = pytest.mark.skipif(not glob.glob(ocr_digits.FONT_GLOB), reason="fonts-thai-tlwg not installed")


def _page(text: str, font: str = "Garuda", size: int = 34) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """Ink mask of ``text`` drawn at 300 dpi-like size with grey noise, and the text's ink box."""
    path = next(p for p in glob.glob(ocr_digits.FONT_GLOB) if p.endswith(f"/{font}.ttf"))
    image = Image.new("L", (40 + size * len(text), 3 * size), 255)
    ImageDraw.Draw(image).text((20, size // 2), text, font=ImageFont.truetype(path, size), fill=0)
    pixels = np.asarray(image).astype(np.int16)
    noise = np.random.default_rng(3).integers(-20, 20, pixels.shape)
    pixels = np.clip(pixels + noise, 0, 255).astype(np.uint8)
    ink = ink_mask(pixels)
    ys, xs = np.nonzero(ink)
    return ink, (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)


def _line(box: tuple[int, int, int, int], *texts: str) -> OcrLine:
    """A line of OCR words that share ``box``'s width evenly (as Tesseract boxes a digit run glyph by glyph)."""
    x0, y0, x1, y1 = box
    step = (x1 - x0) / len(texts)
    words = [OcrWord(t, (round(x0 + i * step), y0, round(x0 + (i + 1) * step), y1), 90.0) for i, t in enumerate(texts)]
    return OcrLine((x0, y0 - 4, x1, y1 + 4), y1, y1 - y0, words)


@needs_fonts
def test_an_amount_read_with_the_digits_tesseract_confuses_is_read_by_shape():
    ink, box = _page("๔๗๒,๘๙๖", font="Kinnari")
    line = _line(box, "๕๓๒,๕๕๒")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๕๓๒,๕๕๒", "๔๗๒,๘๙๖")]
    assert [w.text for w in line.words] == ["๔๗๒,๘๙๖"]


@needs_fonts
def test_a_dotted_code_in_glyph_words_with_lookalike_letters_becomes_one_word():
    ink, box = _page("๑.๔.๐๗", font="Loma")
    line = _line(box, "๑", ".", "๕", ".", "๐", "ฒ")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๑.๕.๐ฒ", "๑.๔.๐๗")]
    assert len(line.words) == 1 and line.words[0].bbox[0] == box[0]


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Kinnari"])  # Garuda sets the dot touching the digit: one glyph
def test_a_heading_number_with_its_closing_dot_is_read_by_shape(font):
    # a numbered heading or item (๔. สิ่งแวดล้อมดี): Tesseract reads the ๔ as ๕, the dot closes the number
    ink, box = _page("๔.", font=font)
    line = _line(box, "๕", ".")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๕.", "๔.")]


def _thai_line(box: tuple[int, int, int, int], text: str) -> OcrLine:
    """A line of one number word over ``box`` followed by Thai text (past the ink: only the number is re-read)."""
    x0, y0, x1, y1 = box
    words = [OcrWord(text, box, 86.0), OcrWord("โปร่งใสดี", (x1 + 2 * (y1 - y0), y0, x1 + 8 * (y1 - y0), y1), 93.0)]
    return OcrLine((x0, y0 - 4, x1 + 8 * (y1 - y0), y1 + 4), y1, y1 - y0, words)


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Kinnari"])
def test_a_thai_digit_read_as_an_arabic_one_is_read_by_shape(font):
    # Tesseract's eng model reads a bold ๑. opening an item as 9.
    ink, box = _page("๑.", font=font)
    line = _thai_line(box, "9.")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("9.", "๑.")]
    assert line.words[0].text == "๑."


@needs_fonts
@pytest.mark.parametrize(
    "text",
    ["9.", "12", "5.1", "2567", "10"]  # Arabic digits read as such
    + ["No.", "e.g.", "Mr.", "1.6", "KR.)"]  # Latin and Arabic words with a dot opening a line (no item number)
    + ["Map", "code", "plan", "Base)", "spot"],  # short Latin words of the plans (ocr_digits.LATIN_WORD)
)
def test_arabic_digits_and_latin_words_read_as_such_are_left_alone(text):
    ink, box = _page(text, font="Loma")
    line = _thai_line(box, text)
    assert ocr_digits.reread_thai_digits(ink, [line]) == []
    assert line.words[0].text == text


@needs_fonts
@pytest.mark.parametrize(("drawn", "read"), [("๗.", "ฒญ."), ("๖.", "อ.")])
def test_an_item_number_read_as_lookalike_letters_is_read_by_shape(drawn, read):
    # an item opening a table cell (๗. ขุดลอกคลอง...): Tesseract reads the ๗ as two letters, the ๖ as อ
    ink, box = _page(drawn, font="Loma")
    line = _thai_line(box, read)
    assert ocr_digits.reread_thai_digits(ink, [line]) == [(read, drawn)]


@needs_fonts
def test_an_item_number_cut_into_a_digit_and_a_lookalike_is_read_whole():
    # a bold ๖. opening a heading (๖. เรียนดี) boxed by Tesseract as two words, ``๖`` and ``อ.``
    ink, box = _page("๖.", font="Loma")
    line = _thai_line(box, "อ.")
    x0, y0, x1, y1 = box
    line.words[0:1] = [OcrWord("๖", (x0, y0, (x0 + x1) // 2, y1), 35.0), OcrWord("อ.", ((x0 + x1) // 2, y0, x1, y1), 52.0)]
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๖อ.", "๖.")]
    assert [w.text for w in line.words] == ["๖.", "โปร่งใสดี"]


@needs_fonts
def test_a_thai_abbreviation_opening_a_line_is_left_alone():
    ink, box = _page("อ.", font="Loma")  # อำเภอ
    line = _thai_line(box, "อ.")
    assert ocr_digits.reread_thai_digits(ink, [line]) == []


@needs_fonts
def test_letters_under_a_digit_reading_are_left_alone():
    ink, box = _page("กขค")
    line = _line(box, "๕๓๑")
    assert ocr_digits.reread_thai_digits(ink, [line]) == []
    assert line.text == "๕๓๑"


@needs_fonts
def test_a_plain_number_with_a_different_digit_count_is_left_alone():
    ink, box = _page("๔๗๘๙")
    line = _line(box, "๕๓")  # not a grouped amount: the count must match, or be one short of it
    assert ocr_digits.reread_thai_digits(ink, [line]) == []


@needs_fonts
def test_a_number_tesseract_read_a_digit_short_is_read_by_shape():
    # Tesseract reads ๖๗ of a year as one ๒ (ประจำปี ๒๕๒ for ๒๕๖๗): every glyph close to a digit, one more digit
    ink, box = _page("๒๕๖๗", font="Loma")
    line = _line(box, "๒", "๕", "๒")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๒๕๒", "๒๕๖๗")]


def _words(*texts: str) -> OcrLine:
    return OcrLine((0, 0, 10, 10), 10, 10, [OcrWord(w, (0, 0, 1, 1), 90.0) for w in texts])


def test_a_run_opens_on_a_digit_not_on_the_dot_before_it():
    # the dot of พ.ศ. before a year: read with it, the year came back as .๒๕๖๔ (no number) and was left as misread
    assert ocr_digits.numeric_runs(_words("พ", ".", "ศ", ".", "๒", "๕", "๒", "๕", ":")) == [(4, 8)]


def test_a_bracket_parts_two_runs():
    # ๒๕๖๗ (๑ ตุลาคม: read as one run, the bracket came back as a comma (๒๕๖๗,๑)
    assert ocr_digits.numeric_runs(_words("๒", "๕", "๒", "๓", "(๑", "ต")) == [(0, 4), (4, 5)]


def test_an_arabic_number_counts_on_a_line_with_thai_digits_and_no_thai_letter():
    # a project's policy cell P๒๑๘ (OKR ๔.๑.๑๐) read ๒๑๕ (OKR 2.9.90): Thai digits make the line Thai
    words = [OcrWord(w, (i * 20, 0, i * 20 + 10, 10), 90.0) for i, w in enumerate(["๒๑๕", "(OKR", "2.9.90)"])]
    spaced = OcrLine((0, 0, 100, 10), 10, 10, words)
    assert ocr_digits.arabic_runs(spaced) == [(2, 3)]
    assert ocr_digits.arabic_runs(_words("(OKR", "2.9.90)")) == []  # no Thai at all: a Latin line's number


def test_a_run_takes_a_string_of_lookalike_letters():
    assert ocr_digits.numeric_runs(_words("W.A.", "๒", "๕", "อ", "อ", "1:")) == [(1, 5)]


@needs_fonts
@pytest.mark.parametrize(("drawn", "read"), [("๖๐", "vo"), ("๗๐๐", "Moo"), ("๔๗๙", "ever"), ("(๗๕", "(wa")])
def test_a_thai_number_read_as_a_latin_word_is_read_by_shape(drawn, read):
    # a target or a criterion (ร้อยละ ๖๐): Tesseract's eng model wins on a short number alone between Thai words
    ink, box = _page(drawn, font="Loma")
    line = _thai_line(box, read)
    assert ocr_digits.reread_thai_digits(ink, [line]) == [(read, drawn)]
    assert line.words[0].text == drawn


def test_runs_take_lookalike_letters_next_to_digits_only():
    words = ["ข", "้", "อ", "๑", "OKR", "๑", ".", "๕", ".", "๐", "อ)", "จ", "ำ"]
    line = OcrLine((0, 0, 10, 10), 10, 10, [OcrWord(w, (0, 0, 1, 1), 90.0) for w in words])
    assert ocr_digits.numeric_runs(line) == [(3, 4), (5, 11)]


def test_a_lone_lookalike_letter_is_a_run_of_its_own_and_joins_the_code_before_it():
    # ๗ cut off a KR number or read alone before a unit (๗ แห่ง): ฒ never stands alone in Thai; อ does (อ. อำเภอ)
    words = ["๑", ".", "๓", ".", "๐", "ฒ", "จัดทำ", "ฒ", "แห่ง", "อ", "ก"]
    line = OcrLine((0, 0, 10, 10), 10, 10, [OcrWord(w, (0, 0, 1, 1), 90.0) for w in words])
    assert ocr_digits.numeric_runs(line) == [(0, 6), (7, 8)]


@needs_fonts
def test_a_lone_lookalike_letter_that_is_a_digit_is_read_by_shape():
    ink, box = _page("๗", font="Loma")
    line = _thai_line(box, "ฒ")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("ฒ", "๗")]


@needs_fonts
def test_a_lone_lookalike_letter_that_is_a_letter_is_left_alone():
    ink, box = _page("ฒ", font="Loma")
    line = _thai_line(box, "ฒ")
    assert ocr_digits.reread_thai_digits(ink, [line]) == []


@pytest.mark.parametrize(
    "read,number",
    [("๑.๘๔๖,๖๐๐", "๑,๘๔๖,๖๐๐"), ("๒๑.๓๐๐,๐๐๐.๕๐", "๒๑,๓๐๐,๐๐๐.๕๐"), ("๑.๘๔๖", "๑.๘๔๖"), ("๓๒๙,๑๐๐.๐๐", "๓๒๙,๑๐๐.๐๐")],
)
def test_a_dot_before_a_thousands_group_and_a_comma_is_a_comma(read, number):
    assert ocr_digits.thousands_grouped(read) == number


@needs_fonts
@pytest.mark.parametrize(("drawn", "read"), [("๒.๖", "to.)"), ("๑.๖", "9.»")])
def test_a_sub_item_number_read_as_latin_is_read_by_shape(drawn, read):
    # a school's row under its project (๒.๖ ปรับปรุงโรงเรียน…): Tesseract's eng model reads the number as Latin letters
    # and signs, and the row was taken for a project of its own
    ink, box = _page(drawn, font="Loma")
    line = _thai_line(box, read)
    assert ocr_digits.reread_thai_digits(ink, [line]) == [(read, drawn)]
    assert [w.text for w in line.words] == [drawn, "โปร่งใสดี"]


@needs_fonts
def test_a_speck_parted_from_a_digit_by_blank_rows_does_not_spoil_its_reading():
    # JPEG noise under the first ๒ of ๒,๒๔๖,๐๐๐ pushed it past MAX_DISTANCE: the whole amount was left as misread
    ink, box = _page("๒,๒๔๖,๐๐๐", font="Loma")
    x0, y0, x1, y1 = box
    ink[y1 + 2 : y1 + 4, x0 + 4 : x0 + 7] = True  # two rows under the first digit, one blank row between
    assert ocr_digits.read_number(ink, (x0, y0, x1, y1 + 4)) == "๒,๒๔๖,๐๐๐"


def test_a_glyph_keeps_ink_parted_by_blank_rows_when_it_is_no_speck():
    colon = np.zeros((9, 3), dtype=bool)
    colon[1:3] = colon[6:8] = True  # two dots of one size: neither is a speck
    assert ocr_digits._despeckled_rows(colon) == (1, 8)
    digit = np.zeros((12, 6), dtype=bool)
    digit[0:9] = True
    digit[10, 2] = True  # one pixel under it
    assert ocr_digits._despeckled_rows(digit) == (0, 9)


@needs_fonts
def test_a_bracket_tesseract_boxed_with_the_digits_is_not_read_as_one():
    # OKR ๔.๑.๐๑ ): the bracket inside the code's box was taken for a digit, far from every template
    ink, box = _page("๔.๑.๐๑)", font="Loma")
    line = _line(box, "๕.๑.๐๑")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๕.๑.๐๑", "๔.๑.๐๑")]


def _after_first_glyph(ink: np.ndarray, box: tuple[int, int, int, int]) -> OcrLine:
    """A line of one word over ``box`` from the second stretch of ink on: the first glyph is in no word."""
    columns = np.flatnonzero(ink.any(axis=0))
    start = int(columns[np.flatnonzero(np.diff(columns) > 1)[0] + 1])
    word = OcrWord("แห่ง", (start, box[1], box[2], box[3]), 90.0)
    return OcrLine((start, box[1] - 4, box[2], box[3] + 4), box[3], box[3] - box[1], [word])


@needs_fonts
@pytest.mark.parametrize(("drawn", "added"), [("๑ แห่ง", [("", "๑")]), ("ก แห่ง", [])])
def test_a_digit_tesseract_left_out_before_a_line_is_read(drawn, added):
    # ๑ แห่ง read แห่ง: the ๑ is in the ink and in no OCR word; a letter there is left alone
    ink, box = _page(drawn, font="Loma")
    line = _after_first_glyph(ink, box)
    assert ocr_digits.read_digits_before_lines(ink, [line]) == added
    assert [w.text for w in line.words] == [a for _, a in added] + ["แห่ง"]


@needs_fonts
@pytest.mark.parametrize(("drawn", "read"), [("๖.๑", ("\u0e48", "อ.", "๑")), ("๗๖", ("ฒ", "\u0e48", "อ"))])
def test_a_number_with_a_tone_mark_tesseract_made_of_a_hook_is_read_by_shape(drawn, read):
    # ๖.๑ ส่งเสริมการเรียนรู้ read ่ อ. ๑, a page number ๗๖ read ฒ ่ อ: the hook of the ๖ came back as a tone mark
    ink, box = _page(drawn, font="Loma")
    line = _line(box, *read)
    assert ocr_digits.numeric_runs(line) == [(0, 3)]
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("".join(read), drawn)]


def test_a_tone_mark_inside_thai_text_opens_no_number():
    assert ocr_digits.numeric_runs(_words("ท", "\u0e48", "อ", "๑")) == [(3, 4)]


@needs_fonts
def test_a_digit_tesseract_left_out_after_a_run_is_read_with_it():
    # OKR ๒.๑.๐๗ read ๒ . ๑ . ๐: the ๗ is in the ink and in no word
    ink, box = _page("๒.๑.๐๗", font="Loma")
    columns = np.flatnonzero(ink.any(axis=0))
    last = int(columns[np.flatnonzero(np.diff(columns) > 1)[-1]]) + 1  # the end of the ink before the ๗
    line = _line((box[0], box[1], last, box[3]), "๒", ".", "๑", ".", "๐")
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๒.๑.๐", "๒.๑.๐๗")]


def test_a_dash_parts_two_runs():
    # a range (ปี ๒๕๖๕-๒๕๖๖) is two numbers: read as one, the reading was no number and both years stayed misread
    assert ocr_digits.numeric_runs(_words("๒", "๕", "๒", "๕", "-", "๒", "๕", "๒", "๒")) == [(0, 4), (5, 9)]


def test_a_line_of_lookalike_letters_only_is_a_run():
    # ๖๖ alone in a table cell read อ อ: no Thai word is made of look-alikes alone
    assert ocr_digits.numeric_runs(_words("อ", "อ")) == [(0, 2)]
    assert ocr_digits.numeric_runs(_words("อ", "อ", "ก")) == []


@needs_fonts
@pytest.mark.parametrize(
    ("drawn", "read"),
    [
        ("๒๕๖๗", ("๒", "๕", "๒", "๕", "ฒ")),
        ("๗.๒.๐๕", ("ฆ", ".", "๒", ".", "๐", "๕")),
        ("๗.๓.๑.๑", ("ญ", ".", "๓", ".", "๑", ".", "๑")),  # a KPI report's code (๗.๓.๑.๑ read ญ.๓.๑.๑)
        ("๒", ("ธ",)),  # a rubric's score alone in its cell
    ],
)
def test_a_number_read_with_a_digit_cut_in_two_or_a_rarer_lookalike_is_read_by_shape(drawn, read):
    # ๗ read ๕ฒ (one digit more than drawn: taken when a look-alike letter is among them), ๗ read ฆ (OKR ๗.๒.๐๕)
    ink, box = _page(drawn, font="Loma")
    line = _line(box, *read)
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("".join(read), drawn)]


@needs_fonts
@pytest.mark.parametrize("letter", ["จ", "ฆ", "ญ", "ธ"])
def test_a_rarer_lookalike_that_is_a_letter_is_left_alone(letter):
    ink, box = _page(f"{letter}.๒", font="Loma")
    line = _line(box, letter, ".", "๒")
    assert ocr_digits.reread_thai_digits(ink, [line]) == []


def test_a_lookalike_with_a_dot_opens_a_number_before_a_digit():
    # a sub-item ๖.๓ Transform read อ. ๓: the อ with its dot before a digit is the number's first digit
    assert ocr_digits.numeric_runs(_words("อ.", "๓", "Transform")) == [(0, 2)]
    assert ocr_digits.numeric_runs(_words("อ.", "ก")) == []


@needs_fonts
def test_a_lookalike_after_a_run_before_thai_text_is_tried_with_it():
    # OKR ๔.๒.๑๖ สัดส่วน… read ๕.๒.๑ อ ส…: the อ before the Thai text is the last digit, read with the run
    ink, box = _page("๔.๒.๑๖", font="Loma")
    line = _line(box, "๕", ".", "๒", ".", "๑", "อ")
    x0, y0, x1, y1 = box
    line.words.append(OcrWord("สัดส่วน", (x1 + 2 * (y1 - y0), y0, x1 + 8 * (y1 - y0), y1), 90.0))
    assert ocr_digits.numeric_runs(line) == [(0, 5)]
    assert ocr_digits.reread_thai_digits(ink, [line]) == [("๕.๒.๑อ", "๔.๒.๑๖")]

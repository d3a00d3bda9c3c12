"""A table's letter read as Latin after its heading word (``ตาราง A.`` for ตาราง ค.) is re-read by shape."""

import pytest

from extractor.ingest import ocr_letters
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from tests.ocr.test_ocr_digits import _page, needs_fonts


def _heading(box: tuple[int, int, int, int], letter: str, before: tuple[str, ...] = ("ต", "า", "ร", "า", "ง")) -> OcrLine:
    """``before`` (glyph words, as Tesseract boxes Thai) left of ``box``, the letter word over it, Thai after it."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    words = [OcrWord(t, (x0 - (len(before) - i) * h - h, y0, x0 - (len(before) - i - 1) * h - h, y1), 90.0) for i, t in enumerate(before)]
    words += [OcrWord(letter, box, 60.0), OcrWord("แสดง", (x1 + h, y0, x1 + 4 * h, y1), 90.0)]
    return OcrLine((words[0].bbox[0], y0 - 4, x1 + 4 * h, y1 + 4), y1, h, words)


@needs_fonts
@pytest.mark.parametrize("font", ["Loma", "Garuda", "Kinnari"])
@pytest.mark.parametrize("letter", ["ข", "ค", "ฉ"])
def test_a_table_letter_read_as_latin_is_read_by_shape(font, letter):
    ink, box = _page(letter + ".", font=font)
    line = _heading(box, "A.")
    assert ocr_letters.reread_heading_letters(ink, [line]) == [("A.", letter + ".")]
    assert line.words[5].text == letter + "."


@needs_fonts
def test_a_latin_letter_that_is_latin_is_left_alone():
    ink, box = _page("A", font="Loma")
    line = _heading(box, "A")
    assert ocr_letters.reread_heading_letters(ink, [line]) == []


@needs_fonts
def test_a_latin_letter_after_other_words_is_left_alone():
    ink, box = _page("ค", font="Loma")
    line = _heading(box, "A", before=("แบบ",))
    assert ocr_letters.reread_heading_letters(ink, [line]) == []

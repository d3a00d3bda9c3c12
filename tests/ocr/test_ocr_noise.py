"""OCR words read out of ink that is no text (``ocr_noise``): judged by their ink, not by their letters."""

import numpy as np

from extractor.ingest.ocr_noise import drop_noise_words, dropped_message, ink_blobs
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

LETTER = 26  # pixels: a consonant's height (10.5-12 pt at 300 dpi)
WIDTH = 20


def _page() -> np.ndarray:
    return np.zeros((600, 900), dtype=bool)


def _body_line(ink: np.ndarray, baseline: int, x0: int = 100, count: int = 12, text: str = "กนมรวดบทสคงอ") -> OcrLine:
    """A Thai line of single consonants, each a solid letter-high block of ink boxed by Tesseract."""
    words = []
    for i in range(count):
        left = x0 + i * (WIDTH + 6)
        ink[baseline - LETTER : baseline, left : left + WIDTH] = True
        words.append(OcrWord(text[i % len(text)], (left, baseline - LETTER, left + WIDTH, baseline), 93.0))
    return OcrLine((x0, baseline - LETTER, words[-1].bbox[2], baseline), float(baseline), 45.0, words)


def _blob(ink: np.ndarray, x0: int, y0: int, w: int, h: int) -> tuple[int, int, int, int]:
    ink[y0 : y0 + h, x0 : x0 + w] = True
    return (x0, y0, x0 + w, y0 + h)


def _strip(words: list[tuple[str, tuple[int, int, int, int]]], x_size: float = 20.0) -> OcrLine:
    boxes = [box for _, box in words]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return OcrLine(bbox, float(bbox[3]), x_size, [OcrWord(text, box, 70.0) for text, box in words])


def test_ink_blobs_cut_stacked_marks_apart():
    ink = _page()
    _blob(ink, 10, 10, 12, 6)  # a tone mark ...
    _blob(ink, 10, 18, 12, 8)  # ... over an upper vowel, a blank row between
    _blob(ink, 40, 12, 5, 5)
    assert ink_blobs(ink, (0, 0, 60, 40)) == [(10, 10, 22, 16), (10, 18, 22, 26), (40, 12, 45, 17)]


def test_a_strip_of_upper_marks_read_as_letters_is_dropped_with_a_finding():
    # ``ฆ ม % a`` made of the marks over a Thai line, which Tesseract reads there too
    ink = _page()
    body = _body_line(ink, baseline=300)
    tops = 300 - LETTER
    marks = [("ฆ", _blob(ink, 104, tops - 12, 14, 9)), ("ม", _blob(ink, 156, tops - 20, 14, 18)), ("%", _blob(ink, 208, tops - 10, 12, 8)), ("a", _blob(ink, 260, tops - 11, 14, 9))]
    strip = _strip(marks)
    lines = [strip, body]
    dropped = drop_noise_words(ink, lines)
    assert lines == [body] and len(body.words) == 12
    assert [(d.text, d.reason) for d in dropped] == [("ฆ", "marks"), ("ม", "marks"), ("a", "marks"), ("%", "line")]
    assert dropped_message(dropped).startswith("4 OCR word(s)") and "'ฆ' (marks at 104," in dropped_message(dropped)


def test_lower_vowels_of_the_line_above_read_as_a_line_are_dropped():
    ink = _page()
    body = _body_line(ink, baseline=300)
    vowel = _strip([("u", _blob(ink, 130, 303, 12, 10))])  # a ู under the line, read ``u``
    lines = [body, vowel]
    assert [(d.text, d.reason) for d in drop_noise_words(ink, lines)] == [("u", "marks")]
    assert lines == [body]


def test_marks_not_over_a_glyph_of_the_line_stay():
    # a superscript footnote mark after the line's last letter, read as a letter: no base under it
    ink = _page()
    body = _body_line(ink, baseline=300, count=4)
    note = _strip([("x", _blob(ink, 220, 300 - LETTER - 10, 10, 9))])
    lines = [body, note]
    assert drop_noise_words(ink, lines) == [] and lines == [body, note]


def test_a_line_of_text_above_is_kept_with_its_punctuation():
    # real text: letter-high ink, full stops and a bullet in it; a small line of Thai digits (lower than the
    # consonants) on its own baseline
    ink = _page()
    upper = _body_line(ink, baseline=240)
    upper.words.append(OcrWord(".", _blob(ink, 420, 236, 4, 4), 90.0))
    body = _body_line(ink, baseline=300)
    digits = OcrLine((100, 340, 160, 360), 360.0, 30.0, [OcrWord("๑๐", _blob(ink, 100, 340, 40, 20), 90.0)])
    lines = [upper, body, digits]
    assert drop_noise_words(ink, lines) == []
    assert lines == [upper, body, digits] and upper.words[-1].text == "."


def test_a_speck_read_as_a_letter_apart_from_the_words_is_dropped():
    ink = _page()
    body = _body_line(ink, baseline=300, count=6)
    speck = OcrWord("7", _blob(ink, 330, 290, 3, 3), 60.0)
    body.words.append(speck)
    body.words.append(OcrWord("น", _blob(ink, 400, 274, WIDTH, LETTER), 93.0))
    dropped = drop_noise_words(ink, [body])
    assert [(d.text, d.reason) for d in dropped] == [("7", "specks")] and speck not in body.words and len(body.words) == 7


def test_a_row_of_dots_is_text_not_specks():
    # a leader ``.......`` read as ``Serre``: many dots in a row are text (no letters for them here, but no drop)
    ink = _page()
    body = _body_line(ink, baseline=300, count=6)
    x0 = 400
    for i in range(8):
        _blob(ink, x0 + 10 * i, 296, 4, 4)
    body.words.append(OcrWord("Serre", (x0, 296, x0 + 74, 300), 30.0))
    assert drop_noise_words(ink, [body]) == []


def test_a_page_without_measurable_letters_is_left_alone():
    ink = _page()
    line = _strip([("a", _blob(ink, 10, 10, 3, 3))])
    assert drop_noise_words(ink, [line]) == [] and drop_noise_words(ink, []) == []


def test_misboxed_letters_of_a_real_line_stay():
    # Tesseract's box of a letter may hold a sliver of its ink: beside other words, it is no speck; in a line of
    # letter-high ink it is no mark, even where it lies in the mark zone of a tightly set line below
    ink = _page()
    body = _body_line(ink, baseline=300)
    upper = _body_line(ink, baseline=300 - LETTER - 5, count=6)
    upper.words[2].bbox = (upper.words[2].bbox[0], 300 - LETTER - 18, upper.words[2].bbox[2], 300 - LETTER - 5)
    upper.words[4].bbox = (upper.words[4].bbox[0], upper.words[4].bbox[1], upper.words[4].bbox[0] + 3, upper.words[4].bbox[1] + 3)
    lines = [upper, body]
    assert drop_noise_words(ink, lines) == [] and len(upper.words) == 6

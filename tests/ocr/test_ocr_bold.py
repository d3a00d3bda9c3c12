"""Bold on OCR pages from the bitmap's stroke width: bold runs stand out from the page's regular stroke, a page set
in bold throughout still reads as bold, and dashes or rules do not make a word bold."""

import numpy as np

from extractor.ingest.ocr_bold import mark_bold_words
from extractor.ingest.ocr_image import run_lengths, stroke_width
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord


def _stems(ink: np.ndarray, x0: int, y0: int, count: int, width: int, height: int = 30, gap: int = 8) -> tuple[int, int, int, int]:
    """Draw ``count`` vertical stems ``width`` px wide; return their box."""
    x = x0
    for _ in range(count):
        ink[y0 : y0 + height, x : x + width] = True
        x += width + gap
    return (x0, y0, x - gap - 1, y0 + height - 1)


def test_run_lengths_per_row():
    mask = np.array([[1, 1, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=bool)
    assert sorted(run_lengths(mask).tolist()) == [1, 2, 4]


def test_stroke_width_is_the_stem_width_not_the_bars():
    ink = np.zeros((60, 400), dtype=bool)
    box = _stems(ink, 10, 10, 6, 4)
    ink[20:22, 10 : box[2]] = True  # a horizontal bar across the stems: two long runs
    assert stroke_width(ink, [box]) == 4.0


def _line(ink: np.ndarray, y: int, runs: list[tuple[int, int]]) -> OcrLine:
    """A line of runs of words (count, stem width), each run 60 px after the last."""
    words, x = [], 10
    for count, width in runs:
        for _ in range(count):
            box = _stems(ink, x, y, 2, width)
            words.append(OcrWord("กข", box, 90.0))
            x = box[2] + 6
        x += 60
    return OcrLine((10, y, x, y + 30), y + 30, 40.0, words)


def test_bold_run_stands_out_of_regular_text():
    ink = np.zeros((200, 1200), dtype=bool)
    body = [_line(ink, 10, [(4, 4)]), _line(ink, 60, [(4, 4), (3, 6)]), _line(ink, 110, [(4, 4)])]
    mark_bold_words(body, ink, 300)
    assert [w.bold for w in body[1].words] == [False] * 4 + [True] * 3
    assert not any(w.bold for line in (body[0], body[2]) for w in line.words)


def test_page_set_in_bold_throughout_is_bold():
    ink = np.zeros((120, 600), dtype=bool)
    cover = [_line(ink, 10, [(3, 7)]), _line(ink, 60, [(3, 7)])]
    mark_bold_words(cover, ink, 300)  # the regular stroke is capped: 7 px is bold at 300 dpi whatever the median
    assert all(w.bold for line in cover for w in line.words)


def test_digits_need_a_wider_margin_than_thai():
    ink = np.zeros((200, 1200), dtype=bool)
    body = [_line(ink, 10, [(4, 4)]), _line(ink, 60, [(4, 4), (1, 5)]), _line(ink, 110, [(4, 4), (1, 7)])]
    for line in body[1:]:
        line.words[-1].text = "95"  # regular digits draw wider stems than regular Thai letters
    mark_bold_words(body, ink, 300)
    assert not body[1].words[-1].bold and body[2].words[-1].bold

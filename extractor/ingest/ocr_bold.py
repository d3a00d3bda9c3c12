"""Bold on OCR pages, from the bitmap: Tesseract's hOCR says nothing of the weight, but the plans mark headings and
table header rows in bold at the body size, and the layout stage tells them by it.

A line's words are grouped into runs (words closer than ``RUN_GAP`` em: a table row's cells make separate runs);
a run is bold when its stroke width (``ocr_image.stroke_width``) is at least ``BOLD_RATIO`` times the page's regular
stroke.  The regular stroke is the median over the page's runs (by characters), capped at ``REGULAR_STROKE_PT``: on a
page set in bold throughout (a cover) the median is the bold stroke, and nothing would stand out from it.
Measured on TLWG fonts scanned at 200/300 dpi and rendered at 300 dpi: regular 4.1-5.2 px, bold 5.3-7.7 px.
"""

from __future__ import annotations

import numpy as np

from extractor.ingest.ocr_image import stroke_width
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

RUN_GAP = 0.5  # em: words further apart than this on a line are different runs (cells, columns)
BOLD_RATIO = 1.2
# digits and Latin letters draw wider stems than Thai letters in the same face (regular digits measured 5.0-5.6 px
# against 4.1-5.2 for Thai; bold digits 6.9-8.4): a run with no Thai letter must stand out further
BOLD_RATIO_NOT_THAI = 1.45
REGULAR_STROKE_PT = 1.15  # the regular stroke of body text is at most this (points): 4.8 px at 300 dpi
MIN_CHARS = 3  # runs shorter than this do not set the page's regular stroke


def runs_of(line: OcrLine) -> list[list[OcrWord]]:
    """The line's words in runs separated by gaps wider than ``RUN_GAP`` em."""
    runs: list[list[OcrWord]] = [[line.words[0]]] if line.words else []
    for word in line.words[1:]:
        if word.bbox[0] - runs[-1][-1].bbox[2] > RUN_GAP * line.x_size:
            runs.append([word])
        else:
            runs[-1].append(word)
    return runs


def mark_bold_words(lines: list[OcrLine], ink: np.ndarray, dpi: int) -> None:
    """Set ``bold`` on the words of runs drawn with a stroke clearly wider than the page's regular one."""
    measured: list[tuple[list[OcrWord], float, int]] = []
    for line in lines:
        for run in runs_of(line):
            chars = sum(len(w.text) for w in run)
            measured.append((run, stroke_width(ink, [w.bbox for w in run]), chars))
    counted = [(width, chars) for _, width, chars in measured if chars >= MIN_CHARS and width > 0]
    if not counted:
        return
    regular = min(_weighted_median(counted), REGULAR_STROKE_PT * dpi / 72)
    for run, width, _ in measured:
        thai = any("\u0e01" <= ch <= "\u0e2e" for w in run for ch in w.text)
        if width >= (BOLD_RATIO if thai else BOLD_RATIO_NOT_THAI) * regular:
            for word in run:
                word.bold = True


def _weighted_median(values: list[tuple[float, int]]) -> float:
    ordered = sorted(values)
    half, total = sum(w for _, w in ordered) / 2, 0
    for value, weight in ordered:
        total += weight
        if total >= half:
            return value
    return ordered[-1][0]

"""Second look at words Tesseract read as Latin inside Thai text: Thai unit abbreviations (``สนข.``) come back as
``naw.`` or ``nua.`` because ``tha+eng`` lets the English model win on short words.

The suspects (lower-case Latin ending in a dot, on a line with Thai) are cropped, stacked one per line into a small
strip, and read once more with Thai alone (one Tesseract call per page, ``--psm 6``: one block of lines).  A suspect
whose second reading is Thai ending in a dot takes it; each change is returned for a finding.  When the strip does
not come back with one line per suspect, nothing is changed (the mapping would be a guess).
"""

from __future__ import annotations

import numpy as np
import regex as re

from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract

SUSPECT = re.compile(r"^[a-z]{2,5}\.{1,2}$")
THAI_ABBREVIATION = re.compile(r"^[\u0E01-\u0E4E]{2,6}\.(?:[\u0E01-\u0E4E]{1,4}\.)*$")
PAD = 6  # pixels around each crop


def suspects(lines: list[OcrLine]) -> list[OcrWord]:
    """Words worth a second, Thai-only reading."""
    out = []
    for line in lines:
        if any("\u0e01" <= ch <= "\u0e2e" for ch in line.text):
            out.extend(w for w in line.words if SUSPECT.match(w.text))
    return out


def strip_of(pixels: np.ndarray, words: list[OcrWord]) -> np.ndarray:
    """The words' crops stacked top to bottom on white, a crop's height apart."""
    crops = []
    for w in words:
        x0, y0, x1, y1 = w.bbox
        crops.append(pixels[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD])
    width = max(c.shape[1] for c in crops) + 4 * PAD
    gap = max(c.shape[0] for c in crops)
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) + 1)
    strip = np.full((height, width), 255, dtype=np.uint8)
    y = gap
    for c in crops:
        strip[y : y + c.shape[0], 2 * PAD : 2 * PAD + c.shape[1]] = c
        y += c.shape[0] + gap
    return strip


def reread_latin_words(pixels: np.ndarray, lines: list[OcrLine], dpi: int) -> list[tuple[str, str]]:
    """Re-read suspects with Thai alone; change them in place; return the (before, after) pairs changed."""
    words = suspects(lines)
    if not words:
        return []
    again = parse_hocr(run_tesseract(strip_of(pixels, words), dpi, languages="tha", psm=6))
    if len(again) != len(words):
        return []
    changed = []
    for word, line in zip(words, again):
        text = "".join(line.text.split())
        if THAI_ABBREVIATION.match(text):
            changed.append((word.text, text))
            word.text = text
    return changed

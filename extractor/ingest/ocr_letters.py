"""The letter of a lettered heading read as Latin: ``ตาราง A.`` for ตาราง ค.

Plans name their tables by Thai letters (ตาราง ก, ข, ค …).  Alone between Thai words, the letter is short enough for
Tesseract's ``eng`` model to win (ค read ``A``), and the heading then names no table: the table under it is filed
under the letter before.  A single Latin letter right after such a heading word is re-read by its shape among the
Thai consonants (the TLWG templates of ``ocr_digits``); it changes only when the glyph is plainly a consonant.
"""

from __future__ import annotations

import numpy as np
import regex as re

from extractor.ingest.ocr_digits import MAX_DISTANCE, classify, column_glyphs, widened
from extractor.ingest.ocr_tesseract import OcrLine

LETTERED_HEADINGS = ("ตาราง", "ภาคผนวก")  # heading words followed by a Thai letter that names the item
LATIN_LETTER = re.compile(r"^(?P<letter>[A-Za-z])(?P<dot>\.?)$")
CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def reread_heading_letters(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Re-read, in place, each Latin letter that follows a lettered heading word; the (before, after) pairs changed."""
    changed = []
    for line in lines:
        for i, word in enumerate(line.words):
            m = LATIN_LETTER.match(word.text)
            if not m or not _after_heading_word(line, i):
                continue
            letter = read_letter(ink, word.bbox)
            if letter is not None:
                changed.append((word.text, letter + m.group("dot")))
                word.text = letter + m.group("dot")
    return changed


def _after_heading_word(line: OcrLine, i: int) -> bool:
    """Whether the words before ``i`` end with a lettered heading word (Tesseract boxes Thai glyph by glyph)."""
    before = "".join("".join(w.text for w in line.words[:i]).split())
    return before.endswith(LETTERED_HEADINGS)


def read_letter(ink: np.ndarray, box: tuple[int, int, int, int]) -> str | None:
    """The Thai consonant the first glyph in ``box`` is, or None when it is not plainly one."""
    x0, y0, x1, y1 = widened(ink, box)
    glyphs = column_glyphs(ink[y0:y1, x0:x1])
    if not glyphs:
        return None
    letter, distance = classify(glyphs[0][2], CONSONANTS, CONSONANTS)
    return letter if distance <= MAX_DISTANCE else None

"""Short Latin codes (``S1``, ``W6``, ``O3``, ``KR``) read again from the bitmap, by shape.

Plans label items with Latin capitals and Arabic digits set in the Thai text: SWOT items ``S1`` … ``T6``, key
results ``KR 1 :``.  Tesseract's ``tha+eng`` reads such a short code by whichever model wins the word, and the Thai
one often does: ``S1`` comes back as ``ธ 1``, ``T5`` as ``โ 5``, ``O1`` as ``01``, ``S6`` as ``SE``, ``KR`` as
``4@`` or ``6 พ``.  The grammar then finds no code, and the items it opens run into each other.

A code is evidence on the page of its own: its glyphs stand taller than the line's x-height (capitals and digits
reach the cap height; a Thai letter without a mark, and a Latin lower-case one, stop at the x-height) and close
together (no word space inside).  So the line's band of ink is cut into stretches at its blank columns, and the
stretches are grouped up to a word space (``TOKEN_GAP``); a group of up to three under a word Tesseract did not
read as Thai letters alone is read when every stretch is of a capital's height (``CAP_HEIGHT`` × the line's
x-height) and nearest a capital or an Arabic digit of the TLWG fonts (against the Thai letters and the lower-case
letters with an ascender too, within ``MAX_DISTANCE``), and the reading is a code (``CODE``: capitals, or capitals
then digits).  It replaces the words it covers, but where Tesseract read a code in capitals only a digit read for a
letter or a letter for a digit is changed.  Each change is returned for a finding.  No Tesseract call.
"""

from __future__ import annotations

import statistics

import numpy as np
import regex as re

from extractor.ingest.ocr_digits import ARABIC_DIGITS, MAX_DISTANCE, classify
from extractor.ingest.ocr_masks import Stretches, stretches_of
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord

CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CODE_GLYPHS = CAPITALS + ARABIC_DIGITS
THAI_LETTERS = "".join(chr(c) for c in range(0x0E01, 0x0E2F)) + "ะาเแโใไ"  # consonants and the vowels on the line
RIVALS = THAI_LETTERS + "bdfhijklt"  # what else stands as tall: the Thai letters (ป ฝ ฟ, a consonant and its mark)
# and the lower-case letters with an ascender (the others, and the Thai digits, stop at the x-height)
ALPHABET = CODE_GLYPHS + RIVALS
CODE = re.compile(r"^(?:[A-Z]{1,3}[0-9]{1,2}|[A-Z]{2,3})$")  # S1, W10, KR, KPI: a number alone is no code
LATIN_CODE = re.compile(r"^[A-Z0-9]+$")
MIN_STRETCHES = 8  # a line with fewer stretches of ink is left as read (no x-height to compare with)
SMALL = 0.6  # a stretch of ink under this share of the line's median height is a dot, a comma or a detached mark
CAP_HEIGHT = (1.15, 1.55)  # a capital's height over the line's x-height (``_x_height``; Loma 1.28 as scanned)
TOKEN_GAP = 0.3  # a blank wider than this share of the capitals' height is a word space: the code ends there

__all__ = ["reread_codes"]


def reread_codes(ink: np.ndarray, lines: list[OcrLine], cache: Stretches | None = None) -> list[tuple[str, str]]:
    """Replace, in place, the words of each short Latin code Tesseract misread by its reading by shape; return the
    (before, after) pairs changed (``cache``: the lines' stretches, shared with ``ocr_masks``)."""
    changed: list[tuple[str, str]] = []
    for line in lines:
        if not any(_suspect(w.text) for w in line.words):
            continue
        stretches = stretches_of(ink, line, cache)
        if len(stretches) < MIN_STRETCHES:
            continue
        height = _x_height(stretches)
        for left, right, reading in reversed(_codes(line, stretches, height)):
            change = _replace(line, left, right, reading)
            if change is not None:
                changed.append(change)
    changed.reverse()
    return changed


def _x_height(stretches: list[tuple[int, int, int, int, np.ndarray]]) -> float:
    """The line's x-height: the lower quartile of its stretches' heights (dots, commas and detached marks left out:
    under ``SMALL`` of the median), as the Thai letters without marks and the Latin lower-case ones are most of a
    line, and the rest (marks, capitals, digits, brackets) stand taller."""
    heights = [bottom - top for _, _, top, bottom, _ in stretches]
    middle = statistics.median(heights)
    return float(np.percentile([h for h in heights if h >= SMALL * middle], 25))


def _suspect(text: str) -> bool:
    """A word with something other than Thai letters and marks (a digit, a Latin letter, a sign)."""
    return any(not "\u0e01" <= ch <= "\u0e4e" for ch in text)  # Thai digits (U+0E50…) included


def _codes(line: OcrLine, stretches: list[tuple[int, int, int, int, np.ndarray]], height: float) -> list[tuple[int, int, str]]:
    """(left, right, reading) of each token of capital-high glyphs under a suspect word that reads as a code."""
    tokens: list[list[int]] = []
    for index, (left, _, _, _, _) in enumerate(stretches):
        if tokens and left - stretches[tokens[-1][-1]][1] <= TOKEN_GAP * CAP_HEIGHT[0] * height:
            tokens[-1].append(index)
        else:
            tokens.append([index])
    out = []
    for token in tokens:
        left, right = stretches[token[0]][0], stretches[token[-1]][1]
        words = [w for w in line.words if left <= (w.bbox[0] + w.bbox[2]) / 2 <= right]
        if not words or not any(_suspect(w.text) for w in words) or len(token) > 3:
            continue
        reading = _reading([stretches[i] for i in token], height)
        if reading is not None:
            out.append((left, right, reading))
    return out


def _reading(glyphs: list[tuple[int, int, int, int, np.ndarray]], height: float) -> str | None:
    text = ""
    for _, _, top, bottom, mask in glyphs:
        if not CAP_HEIGHT[0] * height <= bottom - top <= CAP_HEIGHT[1] * height:
            return None
        character, distance = classify(mask, ALPHABET, ALPHABET)
        if character not in CODE_GLYPHS or distance > MAX_DISTANCE:
            return None
        text += character
    return text if CODE.match(text) else None


def _plausible(before: str, reading: str) -> bool:
    """A code Tesseract read in capitals and digits is changed only where it read a digit for a letter or a letter
    for a digit (``SE`` for ``S6``, ``01`` for ``O1``): its English model tells the letters apart better than
    the templates do (an ``R`` whose leg the scan thinned reads ``P`` by shape)."""
    if not LATIN_CODE.match(before) or len(before) != len(reading):
        return True
    return all(a == b or a.isdigit() != b.isdigit() for a, b in zip(before, reading))


def _replace(line: OcrLine, left: int, right: int, reading: str) -> tuple[str, str] | None:
    """One word of ``reading`` for the words whose middle is in [left, right), when none of them reaches far out of
    it (a word that does holds more than the code: left as read)."""
    margin = 0.5 * (right - left) / len(reading)
    inside = [i for i, w in enumerate(line.words) if left <= (w.bbox[0] + w.bbox[2]) / 2 <= right]
    if inside != list(range(inside[0], inside[-1] + 1)):
        return None
    words = [line.words[i] for i in inside]
    if any(w.bbox[0] < left - margin or w.bbox[2] > right + margin for w in words):
        return None
    before = "".join(w.text for w in words)
    if before == reading or not _plausible(before, reading):
        return None
    box = (left, min(w.bbox[1] for w in words), right, max(w.bbox[3] for w in words))
    line.words[inside[0] : inside[-1] + 1] = [OcrWord(reading, box, min(w.confidence for w in words), any(w.bold for w in words))]
    return " ".join(w.text for w in words), reading

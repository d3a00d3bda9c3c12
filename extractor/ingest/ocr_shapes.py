"""Signs, letters and footnote numbers Tesseract reads as a look-alike, read again from the bitmap, by shape.

Tesseract's ``tha+eng`` reads some glyphs as a neighbour its language model prefers: an en dash as a hyphen
(``4.51 - 5.00`` for ``4.51 – 5.00``), the letter x or the sign × as ``%`` or ``*`` (``ซ่อมแซม % 100``), ÷ as ``+``,
a capital Q as ``@`` (``BMA @``), Thai digits as signs (๗ as ``%``, ๑ as ``@``, ๖ as ``»``), ๆ as ``4`` (a word of its
own after a Thai word, read with little confidence), and ฏ as ฎ (``ราษฎร์`` where the plan writes ``ราษฏร์``: the
rendered glyph is ฏ, its language model prefers the dictionary's ฎ).  The ink tells them apart:

- a dash's length: a hyphen is about half the height of a Thai letter without marks, an en dash about as long as it
  is high (TLWG fonts, and as measured on the scanned corpus against the text layer of the same pages: hyphens
  0.39-0.52 of the line's glyph height, en dashes 0.96-1.04), so a flat stretch of ink read ``-`` that is at least
  ``EN_DASH`` of the line's glyph height is an en dash;
- the other look-alikes are compared with the TLWG fonts' templates (``ocr_digits.classify``) of the character read
  and of its look-alikes (``LOOKALIKES``); the glyph takes the look-alike only when it is within ``MAX_DISTANCE`` of
  it and nearer it than the character read by ``MARGIN``.

A footnote number set small and raised after a word (``ประเด็นการพัฒนาที่ 1¹⁰``, ``(Objective)¹¹``) is read by
Tesseract as digits of the line or as signs (``119``, ``(Objective)'!``): the stretches of ink a word without Thai
ends with that stand well above the baseline, of a small digit's height and near a digit's shape (``_superscript``),
are written in superscript digits in place of as many characters.

A word of a capital and letters whose small and capital forms differ in size only (``Oss)`` for ``OSS)``: c o s u v
w x z) is written in capitals when their ink is as tall as the capital's (``CAPITAL_SHARE``).

A plan's formula may name its terms with mathematical italic capitals (``𝐴 = 𝐵 x ๑๐๐ 𝐶``, drawn by the renderer's serif
fallback): Tesseract reads them ``4`` or ``A``, ``8`` or ``B``, ``0`` or ``C`` (and ``Bx``, ``=8`` with their
neighbours).  On a line with an equals sign, such a word's glyph is compared with the TLWG serif italics' capital
and with the upright look-alikes (``_italic``): plainly nearer the italic, it is written in the Mathematical Italic
block, the x or the equals sign read with it a word of its own; a digit read for an upright capital (``8 =`` for
``B =``) is written as that capital when its ink is plainly nearer it.

Only the words holding one of these characters, or ending like a word with a footnote number in it and with ink
above the baseline there, are looked at (a few per page), and only where each base character of the word has one
stretch of ink of its own (Tesseract boxes Thai glyph by glyph; a word whose glyphs touch is left as read); the ink
is cut into stretches around those words only.  Each change is returned for a finding.  No Tesseract call.
"""

from __future__ import annotations

import statistics

import numpy as np
import regex as re

from extractor.ingest.ocr_digits import ARABIC_DIGITS, MAX_DISTANCE, SIDE, classify, normalised, templates
from extractor.ingest.ocr_masks import line_stretches
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from extractor.layout.lines import THAI_MARKS

HYPHEN, EN_DASH_SIGN = "-", "\u2013"
LOOKALIKES = {  # what Tesseract read → what the ink may be instead (measured distances on the scanned corpus)
    "%": "x×7๗",  # x read % : x 0.10-0.16, % 0.34-0.36; a real % : % 0.09-0.12, x and × 0.34 and more, 7 and ๗ 0.43
    # and more; ๗ read % (``๒๕๖%)`` for ๒๕๖๗)) : ๗ 0.10, % 0.50
    "*": "x×",  # a real * : * 0.09-0.16, x and × 0.41 and more
    "+": "÷",  # ÷ read + : ÷ 0.07, + 0.15; a real + : + 0.05-0.08, ÷ 0.13-0.16
    "@": "Q1๑๔4",  # Q read @ : Q 0.09-0.11, @ 0.37-0.39, the digits 0.25 and more; ๑ read @ (``@.``) : ๑ 0.14, @ 0.41
    "»": "6๖",  # ๖ read » (``จำนวน » ครั้ง``) : ๖ 0.09-0.13, » 0.39-0.40
    "ฎ": "ฏ",  # ฏ read ฎ : its tail nearer ฏ's by 0.036-0.108; a real ฎ : its tail nearer ฎ's by 0.030-0.138
    "4": "ๆ",  # MAI YAMOK read 4 (``อื่น 4 ที่``) : see DOUBTFUL_WORDS
}
DOUBTFUL_WORDS = frozenset("4")  # looked at only as a word of their own after a Thai word, read with less than
DOUBTFUL_CONFIDENCE = 80.0  # this: the corpus' 31 real 4s after Thai words come at 85-97, its ๆ read 4 at 65
SUSPECTS = frozenset(HYPHEN + "".join(LOOKALIKES)) - DOUBTFUL_WORDS  # a word is looked at only if it holds one of these
TAILS = {"ฎ": 0.3}  # look-alikes told apart by the bottom share of the glyph only (ฎ and ฏ differ in their tails: over
# the whole glyph the corpus' ฏ read ฎ was nearer ฏ by 0.019-0.045 only, and a Laksaman ฎ nearer ฏ)
MARGIN = 0.02  # the look-alike must be nearer the ink than the character read by this much
EN_DASH = 0.7  # a dash at least this long over the line's glyph height is an en dash (hyphens 0.39-0.52, en 0.96-1.04)
MAX_DASH = 1.35  # longer than this: an em dash or a rule, not measured on the corpus: left as read
FLAT = 0.6  # a stretch of ink lower than this share of its width is a dash ...
DASH_HEIGHT = 0.35  # ... and lower than this share of the line's glyph height
SMALL = 0.6  # a stretch lower than this share of the median is a dot, a comma or a speck, not a glyph to measure by
MIN_GLYPHS = 2  # a line with fewer stretches of ink that are no dash has no glyph height to measure a dash by
WINDOW = 2  # words of base characters on each side of a word whose ink is paired with its characters

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FOOTNOTE_END = frozenset("0123456789'!?*>|")  # how the words end that Tesseract read a footnote number into: ``119`` for
# 1¹⁰, ``51*`` for 5¹⁸, ``(Objective)'!`` for (Objective)¹¹, ``3)?`` for 3)⁹ (the scanned corpus' 14)
END_COLUMNS = 0.25  # the last columns of a word looked at first (share of the line's x_size) ...
END_RAISED = 0.1  # ... whose ink must stop this share of it above the baseline (a footnote digit: 0.2 and more)
RAISED = 0.38  # a footnote digit's bottom stands this share of the line's glyph height above its baseline (measured
# 0.43-0.59 on the scanned corpus against the text layer; other digits in words without Thai 0.31 at most)
SUPERSCRIPT_HEIGHT = (0.6, 1.05)  # ... and its height this share (0.72-0.93; the line's digits 1.2, * and quotes 0.41-0.59)
SUPERSCRIPT_DISTANCE = 0.4  # ... and it is this near an Arabic digit's template (0.09-0.36; raised * and " 0.4 and more)

CASE_WORD = re.compile(r"^\(?[A-Z][cosuvwxz]+[).,:]*$")  # a capital then letters whose small and capital forms differ in
# size only (``Oss)`` for OSS): Tesseract's case among them is a guess, the ink's height is not
CAPITAL_SHARE = 0.85  # a letter at least this share of the capital's height is a capital too (small ones: 0.7)

MATH_WORD = re.compile(r"^=?[048ABC]x?$")  # a capital of a formula alone, maybe with the x that multiplies (``Bx``) or
# the equals sign before it (``=8``)
MATH_CAPITALS = {"4": "A", "A": "A", "8": "B", "B": "B", "0": "C", "C": "C"}  # what Tesseract reads a plan's
# mathematical italic capitals as (𝐴 read 4 or A, 𝐵 8 or B, 𝐶 0 or C: no Latin model knows the italic block)
MATH_ITALIC = {"A": "\U0001D434", "B": "\U0001D435", "C": "\U0001D436"}  # 𝐴 𝐵 𝐶
UPRIGHT_LOOKS = "048ABCO"  # the upright characters a glyph read as one of MATH_CAPITALS is compared with
ITALIC_DISTANCE = 0.3  # an italic capital is this near its template: 0.06-0.29 on the scanned corpus ...
ITALIC_MARGIN = 0.02  # ... and nearer it than any upright look-alike by this (0.026-0.15; upright 4 A 8 B 0 C are
# 0.05-0.15 from their template and 0.25 and more from the italic ones)

Stretch = tuple[int, int, int, int, np.ndarray]  # ``ocr_masks.line_stretches``: left, right, top, bottom, mask

__all__ = ["glyph_height", "read_lookalike", "reread_lookalikes"]


def reread_lookalikes(ink: np.ndarray, lines: list[OcrLine]) -> list[tuple[str, str]]:
    """Re-read, in place, the footnote numbers and look-alike characters of each word by their ink; the (before,
    after) words changed."""
    changed: list[tuple[str, str]] = []
    for line in lines:
        if any("=" in w.text for w in line.words):  # a formula's line: its capitals may be mathematical italics
            _math_italics(ink, line, changed)
        for index, word in enumerate(line.words):
            if CASE_WORD.match(word.text):
                _capitals(word, _stretches_around(ink, line, index), changed)
                continue
            raised = _may_end_raised(ink, line, word)
            if not raised and not SUSPECTS.intersection(word.text) and not _doubtful_word(line, index):
                continue
            stretches = _stretches_around(ink, line, index)
            height = glyph_height(stretches)
            text = _with_superscripts(word, line, stretches, height) if raised and height else word.text
            text = _reread_word(text, _candidates(line, stretches, index), height)
            if text != word.text:
                changed.append((word.text, text))
                word.text = text
    return changed


def _doubtful_word(line: OcrLine, index: int) -> bool:
    """A word of ``DOUBTFUL_WORDS`` after a Thai word, read with little confidence (``DOUBTFUL_CONFIDENCE``)."""
    word = line.words[index]
    after_thai = index > 0 and any("\u0e01" <= ch <= "\u0e4e" for ch in line.words[index - 1].text)
    return word.text in DOUBTFUL_WORDS and word.confidence < DOUBTFUL_CONFIDENCE and after_thai


def _capitals(word: OcrWord, stretches: list[Stretch], changed: list[tuple[str, str]]) -> None:
    """Write a ``CASE_WORD``'s small letters as capitals when their ink is as tall as its capital's (``Oss)`` for
    OSS), when its letters have one stretch of ink each."""
    letters = [i for i, ch in enumerate(word.text) if ch.isalpha()]
    mine = [s for s in stretches if word.bbox[0] <= (s[0] + s[1]) / 2 <= word.bbox[2]]
    mine = mine[word.text.startswith("(") : len(mine) - (len(word.text) - 1 - letters[-1])]  # brackets and dots
    if len(mine) != len(letters):
        return
    heights = [bottom - top for _, _, top, bottom, _ in mine]
    if all(h >= CAPITAL_SHARE * heights[0] for h in heights[1:]):
        text = word.text.upper()
        changed.append((word.text, text))
        word.text = text


def _math_italics(ink: np.ndarray, line: OcrLine, changed: list[tuple[str, str]]) -> None:
    """Capitals of a formula's line whose ink is italic (``_italic``) written as mathematical italics (``4`` for 𝐴,
    ``Bx`` for 𝐵 x: the x upright, a word of its own), where each character of the word has one stretch of ink (an
    equals sign read with the capital may lie left of its box: ``=8`` for = 𝐵)."""
    for index in range(len(line.words) - 1, -1, -1):  # from the end: a split word shifts only what follows it
        word = line.words[index]
        if not MATH_WORD.match(word.text):
            continue
        stretches = _stretches_around(ink, line, index)
        mine = [s for s in stretches if word.bbox[0] <= (s[0] + s[1]) / 2 <= word.bbox[2]]
        equals = word.text.startswith("=")
        if equals and len(mine) == len(word.text) - 1:
            mine = [max((s for s in stretches if s[1] <= word.bbox[0]), key=lambda s: s[1], default=None), *mine]
        if len(mine) != len(word.text) or mine[0] is None:
            continue
        capital = _capital(mine[equals][4], word.text[equals])
        if capital is None:
            continue
        pieces = list(word.text)
        pieces[equals] = capital
        changed.append((word.text, " ".join(pieces)))
        line.words[index : index + 1] = [
            OcrWord(piece, (int(s[0]), word.bbox[1], int(s[1]), word.bbox[3]), word.confidence) for piece, s in zip(pieces, mine)
        ]


def _capital(mask: np.ndarray, read: str) -> str | None:
    """The capital a glyph read as ``read`` (one of MATH_CAPITALS) is: its mathematical italic when the ink is italic,
    the upright capital when a digit was read and the ink is plainly nearer that capital (``8 =`` for the formula's
    ``B =``: B 0.14 from its template, a real 8 0.07-0.13 from its own); None when it is what was read."""
    letter = MATH_CAPITALS[read]
    if _italic(mask, letter):
        return MATH_ITALIC[letter]
    if read == letter:
        return None
    upright = classify(mask, letter, read + letter)[1]
    return letter if upright <= MAX_DISTANCE and upright + ITALIC_MARGIN < classify(mask, read, read + letter)[1] else None


def _italic(mask: np.ndarray, capital: str) -> bool:
    """Whether the glyph is the TLWG serif italics' ``capital`` (``ITALIC_DISTANCE``) and plainly nearer it than any
    upright look-alike (``ITALIC_MARGIN``)."""
    distance = classify(mask, capital, capital, italic=True)[1]
    return distance <= ITALIC_DISTANCE and distance + ITALIC_MARGIN < classify(mask, UPRIGHT_LOOKS, UPRIGHT_LOOKS)[1]


def _may_end_raised(ink: np.ndarray, line: OcrLine, word: OcrWord) -> bool:
    """A word without Thai letters ending the way Tesseract ends a word it read a footnote number into
    (``FOOTNOTE_END``), whose last columns of ink stop well above the baseline: a cheap look before the glyphs are
    cut out (most such words are numbers, whose ink reaches the baseline)."""
    if word.text[-1:] not in FOOTNOTE_END or any("\u0e01" <= ch <= "\u0e4e" for ch in word.text):
        return False
    right = min(word.bbox[2], ink.shape[1])
    left = max(word.bbox[0], right - int(END_COLUMNS * line.x_size))
    top, bottom = max(0, line.bbox[1]), min(ink.shape[0], line.bbox[3])
    rows = np.flatnonzero(ink[top:bottom, left:right].any(axis=1))
    return bool(len(rows)) and top + rows[-1] < line.baseline - END_RAISED * line.x_size


def _with_superscripts(word: OcrWord, line: OcrLine, stretches: list[Stretch], height: float) -> str:
    """The word's text with the footnote number its ink ends with (small digits standing above the baseline:
    ``_superscript``) written in superscript digits in place of as many characters Tesseract made of them (``119``
    for 1¹⁰, ``(Objective)'!`` for (Objective)¹¹); as read when those characters hold a letter or the glyph before
    the digits stands above the baseline too (a sign, not plainly text on the line)."""
    mine = [s for s in stretches if word.bbox[0] <= (s[0] + s[1]) / 2 <= word.bbox[2]]
    digits: list[str] = []
    for stretch in reversed(mine):
        digit = _superscript(stretch, line, height)
        if digit is None:
            break
        digits.insert(0, digit)
    kept = len(word.text) - len(digits)  # one character per digit: Tesseract's count of the glyphs before them
    # may differ from the stretches' (``Objective``'s letters touch)
    if not digits or kept < 0 or any(ch.isalpha() for ch in word.text[kept:]):
        return word.text
    before = len(mine) - len(digits)
    if before and _raise(mine[before - 1], line) >= RAISED * height:
        return word.text
    return word.text[:kept] + "".join(digits).translate(SUPERSCRIPTS)


def _raise(stretch: Stretch, line: OcrLine) -> float:
    """How far (pixels) the bottom of a stretch of ink stands above the line's baseline."""
    return line.baseline - (max(0, line.bbox[1]) + stretch[3])


def _superscript(stretch: Stretch, line: OcrLine, height: float) -> str | None:
    """The Arabic digit a stretch of ink is when it is one set as a superscript: its bottom at least ``RAISED`` of
    the glyph height above the baseline, its height within ``SUPERSCRIPT_HEIGHT``, its shape near a digit's."""
    top, bottom, mask = stretch[2], stretch[3], stretch[4]
    if _raise(stretch, line) < RAISED * height or not SUPERSCRIPT_HEIGHT[0] * height <= bottom - top <= SUPERSCRIPT_HEIGHT[1] * height:
        return None
    digit, distance = classify(mask, ARABIC_DIGITS, ARABIC_DIGITS)
    return digit if distance <= SUPERSCRIPT_DISTANCE else None


def _stretches_around(ink: np.ndarray, line: OcrLine, index: int) -> list[Stretch]:
    """The stretches of ink of the line around word ``index``: its ``_window`` and as much again as the line is high
    on each side (a glyph cut at the edge of what is cut out lies outside the window, and the glyphs there measure
    the line's glyph height too).  Cutting out only this costs a tenth of the whole line."""
    start, end = _window(line, index)
    reach = line.bbox[3] - line.bbox[1]
    left = max(line.bbox[0], min(w.bbox[0] for w in line.words[start:end]) - reach)
    right = min(line.bbox[2], max(w.bbox[2] for w in line.words[start:end]) + reach)
    return line_stretches(ink, OcrLine((left, line.bbox[1], right, line.bbox[3]), line.baseline, line.x_size, []))


def _candidates(line: OcrLine, stretches: list[Stretch], index: int) -> list[list[Stretch]]:
    """The stretches of ink that may be each base character of word ``index``.

    Tesseract's boxes of Thai glyphs stray up to half a glyph off their ink (``ษฎร์``: the ฎ boxed over the left
    half of its ink, the ร over the rest, the ์ over the ร), so a stretch is not told by its overlap with one word.
    The words up to ``WINDOW`` words before and after it (with the marks after them) span a stretch of the line;
    when it holds as many stretches of ink as those words have base characters, they pair in order; else the
    stretches whose middle is in the word's box pair with its characters when there is one per character.  A word
    of one character takes all of those and the stretches its box overlaps by a third of their width or of its own
    as candidates (the caller picks the one that looks like what was read or its look-alike: ``ษฎร์``'s ฎ boxed over
    the right of ษ's ink and the left third of its own)."""
    word = line.words[index]
    start, end = _window(line, index)
    left = min(w.bbox[0] for w in line.words[start:end])
    right = max(w.bbox[2] for w in line.words[start:end])
    inside = [s for s in stretches if left <= (s[0] + s[1]) / 2 <= right]
    counts = [len(_bases(w.text)) for w in line.words[start:end]]
    first = sum(counts[: index - start])
    paired = inside[first : first + counts[index - start]] if len(inside) == sum(counts) else []
    centred = [s for s in stretches if word.bbox[0] <= (s[0] + s[1]) / 2 <= word.bbox[2]]
    size = len(_bases(word.text))
    if size != 1:
        pairing = paired or (centred if len(centred) == size else [])
        return [[s] for s in pairing] or [[] for _ in range(size)]
    width = word.bbox[2] - word.bbox[0]
    overlapping = [s for s in stretches if min(s[1], word.bbox[2]) - max(s[0], word.bbox[0]) >= min(s[1] - s[0], width) / 3]
    unique = {id(s): s for s in paired + centred + overlapping}
    return [sorted(unique.values(), key=lambda s: s[0])]


def _window(line: OcrLine, index: int) -> tuple[int, int]:
    """[start, end) of the words around word ``index``: ``WINDOW`` words with base characters before and after it,
    and the marks after the last of them."""
    words = line.words
    start, count = index, 0
    while start > 0 and count < WINDOW:
        start -= 1
        count += bool(_bases(words[start].text))
    end, count = index + 1, 0
    while end < len(words) and (count < WINDOW or not _bases(words[end].text)):
        count += bool(_bases(words[end].text))
        end += 1
    return start, end


def _bases(text: str) -> str:
    return "".join(ch for ch in text if ch not in THAI_MARKS)


def glyph_height(stretches: list[Stretch]) -> float | None:
    """The line's glyph height: the lower quartile of the heights of its stretches of ink that are no dash and no dot
    (a Thai letter without marks, most of a line, is the lowest; digits, capitals and marked letters stand taller);
    None when fewer than ``MIN_GLYPHS`` are."""
    heights = [bottom - top for left, right, top, bottom, _ in stretches if bottom - top >= FLAT * (right - left)]
    if not heights:
        return None
    middle = statistics.median(heights)
    heights = [h for h in heights if h >= SMALL * middle]  # dots, commas, specks
    # the lower quartile as numpy's percentile has it, a tenth of its cost on a few numbers
    return statistics.quantiles(heights, n=4, method="inclusive")[0] if len(heights) >= MIN_GLYPHS else None


def _reread_word(text: str, candidates: list[list[Stretch]], height: float | None) -> str:
    """``text`` with its hyphens and look-alikes read from the candidate stretches of each base character."""
    chars = list(text)
    bases = [i for i, ch in enumerate(text) if ch not in THAI_MARKS]
    for index, options in zip(bases, candidates):
        if chars[index] == HYPHEN and height is not None:
            chars[index] = _dash(options, height)
        elif chars[index] in LOOKALIKES and options and (chars[index] not in DOUBTFUL_WORDS or text == chars[index]):
            chars[index] = read_lookalike(_likest(options, chars[index]), chars[index])
    return "".join(chars)


def _dash(options: list[Stretch], height: float) -> str:
    """An en dash when the one flat stretch among ``options`` is an en dash's length, else a hyphen."""
    flat = [right - left for left, right, top, bottom, _ in options if bottom - top < min(FLAT * (right - left), DASH_HEIGHT * height)]
    return EN_DASH_SIGN if len(flat) == 1 and EN_DASH * height <= flat[0] <= MAX_DASH * height else HYPHEN


def _likest(options: list[Stretch], read: str) -> np.ndarray:
    """The mask of the stretch nearest ``read`` or one of its look-alikes."""
    if len(options) == 1:
        return options[0][4]
    alphabet = read + LOOKALIKES[read]
    return min((s[4] for s in options), key=lambda mask: classify(mask, alphabet, alphabet)[1])


def read_lookalike(mask: np.ndarray, read: str) -> str:
    """``read`` or the look-alike of it (``LOOKALIKES``) the glyph's ink is plainly nearer (``MARGIN``; the tail
    alone for ``TAILS``), within ``MAX_DISTANCE`` over the whole glyph."""
    options = read + LOOKALIKES[read]
    other, distance = classify(mask, LOOKALIKES[read], options)
    if distance > MAX_DISTANCE:
        return read
    if read in TAILS:
        return other if _tail_distance(mask, other, options, TAILS[read]) + MARGIN < _tail_distance(mask, read, options, TAILS[read]) else read
    return other if distance + MARGIN < classify(mask, read, options)[1] else read


def _tail_distance(mask: np.ndarray, character: str, characters: str, share: float) -> float:
    """The least mean pixel difference between the bottom ``share`` of the glyph and of ``character``'s templates
    (glyph and templates scaled to the same square as ``ocr_digits.classify`` compares them)."""
    shape = normalised(mask)
    chars, shapes, _ = templates(characters)
    if shape is None:
        return float("inf")
    rows = int(round(SIDE * (1 - share)))
    mine = np.array([c == character for c in chars])
    return float(np.abs(shapes[mine, rows:, :] - shape[0][rows:, :]).mean(axis=(1, 2)).min())

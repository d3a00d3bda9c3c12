"""Masked spans (``xxxxxx``) read again from the bitmap, by shape.

Some plans hide words behind a run of Latin ``x``, one per code point of the hidden text
(``สำนักxxxxxxxxxxและประเมินผล``; ``extractor.thai.detect.find_masked_spans``).  Tesseract's ``tha+eng`` reads
such a run as Thai digits and noise (``2๐๐๐๐๐๐๐๐๐``, ``>»%๐๐๐``, ``๐0๐0๐๐๐๐๐๓๐``): the ``tha`` model has no
``x``, and an ``x`` set between Thai letters is read by it.  The text around the run then holds a number where the
source has a mask, and a table cell or a heading whose run was read as digits is misread by the grammar.

The ``x`` is one fixed shape, far from every digit, so the run is read here by template, like the digits
(``ocr_digits``): an OCR line's band of the page's ink mask is cut into stretches of ink at its blank columns; the
stretches under a run of words without a Thai letter, and the stretches next to them, are compared with the ``x``
and its rivals (the digits, the other lower-case Latin letters) rendered from the installed TLWG fonts, a stretch
as wide as several x's (touching x's run into one) cut into that many equal slices.  At least ``MIN_RUN`` x's in a
row (no blank wider than ``GAP`` between them) replace the words they cover by one word of as many x's; a word
reaching into them keeps its Thai letters only, a Thai mark stays with its letter.  A line of masks is no strip
of detached marks (``ocr.split_noise``).  Each change is returned for a finding.  No Tesseract call.
"""

from __future__ import annotations

import numpy as np

from extractor.ingest.ocr_digits import ARABIC_DIGITS, MAX_DISTANCE, THAI_DIGITS, column_glyphs, classify
from extractor.ingest.ocr_tesseract import OcrLine, OcrWord
from extractor.layout.lines import THAI_MARKS

MASK = "x"
RIVALS = THAI_DIGITS + ARABIC_DIGITS + "abcdefghijklmnopqrstuvwyz"  # what else a glyph in a run without Thai letters may
# be (no Thai letter of the TLWG fonts comes within 0.3 of their x: ``tests/ocr/test_ocr_masks.py``)
MIN_RUN = 3  # a mask has at least three x (two are a Latin word's: ``ext``, ``Index``)
HEIGHT = (0.3, 0.85)  # an x's height over the line's x_size (Tesseract's, about 1.2 em: an x is 0.5 of it, jittering)
GAP = 0.3  # x's touch or nearly: a blank wider than this share of the glyph height is a space between two masks
ASPECT = (0.7, 1.15)  # an x's width over its height (TLWG fonts: Loma 0.86 as scanned, others up to 1.0)

__all__ = ["Stretches", "is_mask", "line_stretches", "reread_masks", "stretches_of"]


def is_mask(text: str) -> bool:
    """Is ``text`` a mask as ``reread_masks`` writes it (``MIN_RUN`` x's or more)?"""
    return len(text) >= MIN_RUN and text == MASK * len(text)


def _is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"  # the Thai digits (U+0E50…) are not letters


def candidate_runs(line: OcrLine) -> list[tuple[int, int]]:
    """[start, end) word indexes of the runs of words without a Thai letter."""
    runs, start = [], None
    for i, word in enumerate([*line.words, None]):
        inside = word is not None and not any(_is_thai_letter(ch) for ch in word.text)
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            runs.append((start, i))
            start = None
    return runs


class _LineInk:
    """The stretches of ink of an OCR line (``line_stretches``), read as x's on demand."""

    def __init__(self, line: OcrLine, stretches: list[tuple[int, int, int, int, np.ndarray]]) -> None:
        self.x_size = line.x_size
        self.stretches = stretches
        self._read: dict[int, list[tuple[int, int]] | None] = {}

    def xs(self, index: int) -> list[tuple[int, int]] | None:
        """Page-pixel [left, right) of each x of stretch ``index``, or None when it is not one or more x's."""
        if index not in self._read:
            left, _, top, bottom, mask = self.stretches[index]
            slices = _sliced(mask) if HEIGHT[0] * self.x_size <= bottom - top <= HEIGHT[1] * self.x_size else None
            self._read[index] = None if slices is None else [(left + a, left + b) for a, b in slices]
        return self._read[index]

    def centre(self, index: int) -> float:
        left, right = self.stretches[index][:2]
        return (left + right) / 2

    def gap(self, index: int) -> int:
        """Blank columns between stretch ``index`` and the one before it."""
        return self.stretches[index][0] - self.stretches[index - 1][1]


def line_stretches(ink: np.ndarray, line: OcrLine) -> list[tuple[int, int, int, int, np.ndarray]]:
    """(left, right, top, bottom, mask) of each run of inked columns of the line's band of ``ink``, left to right:
    left and right in page pixels, top and bottom in the band, the mask cropped to its ink."""
    x0, y0, x1, y1 = line.bbox
    band = ink[max(0, y0) : y1, max(0, x0) : x1]
    if not band.size:
        return []
    out, left = [], 0
    columns = band.any(axis=0)
    for top, bottom, mask in column_glyphs(band):
        while not columns[left]:
            left += 1
        out.append((max(0, x0) + left, max(0, x0) + left + mask.shape[1], top, bottom, mask))
        left += mask.shape[1]
    return out


Stretches = dict[int, list[tuple[int, int, int, int, np.ndarray]]]  # a page's ``line_stretches`` by ``id`` of the line


def stretches_of(ink: np.ndarray, line: OcrLine, cache: Stretches | None) -> list[tuple[int, int, int, int, np.ndarray]]:
    """``line_stretches`` of ``line``, cut once per page when the readers share a ``cache`` (a line's box and ink do
    not change while its words are re-read)."""
    if cache is None:
        return line_stretches(ink, line)
    if id(line) not in cache:
        cache[id(line)] = line_stretches(ink, line)
    return cache[id(line)]


def _sliced(mask: np.ndarray) -> list[tuple[int, int]] | None:
    """[a, b) columns of each x in a stretch of ink that is one or more touching x's, or None: the stretch cut into
    k equal slices for each k an x's width (``ASPECT`` × height) allows, the k whose slices are all near an x
    (nearest the x of all ``RIVALS``, within ``MAX_DISTANCE``) at the least mean distance."""
    height, width = mask.shape
    best: tuple[float, list[tuple[int, int]]] | None = None
    for count in range(max(1, int(width / (ASPECT[1] * height))), int(np.ceil(width / (ASPECT[0] * height))) + 1):
        edges = np.linspace(0, width, count + 1).round().astype(int).tolist()
        slices = list(zip(edges, edges[1:]))
        distances = []
        for a, b in slices:  # stops at the first slice that is not an x (a digit, a letter: most stretches)
            distance = _x_distance(mask[:, a:b])
            if distance is None:
                break
            distances.append(distance)
        else:
            mean = sum(distances) / count
            if best is None or mean < best[0]:
                best = (mean, slices)
    return best[1] if best else None


def _x_distance(glyph: np.ndarray) -> float | None:
    """The glyph's distance to the x when it reads as one (nearest the x of all ``RIVALS``, within
    ``MAX_DISTANCE``), else None.

    The x's own templates first: most glyphs tried are digits, further than ``MAX_DISTANCE`` from every x, and that
    settles them without the 45 rivals' templates (the same distances, at a fortieth of the cost)."""
    if classify(glyph, MASK, MASK)[1] > MAX_DISTANCE:
        return None
    character, distance = classify(glyph, MASK + RIVALS, MASK + RIVALS)
    return distance if character == MASK and distance <= MAX_DISTANCE else None


def x_stretches(line_ink: _LineInk, seeds: list[int]) -> list[tuple[int, int, int]]:
    """(left, right, count) of each stretch of at least ``MIN_RUN`` x's around the ink stretches ``seeds``: the
    seeds that read as x's, joined to the x's next to them (a blank wider than ``GAP`` × the x height apart is
    a space between two masks)."""
    out: list[tuple[int, int, int]] = []
    done: set[int] = set()
    for seed in seeds:
        if seed in done or line_ink.xs(seed) is None:
            continue
        first = last = seed
        while first > 0 and _joined(line_ink, first) and line_ink.xs(first - 1) is not None:
            first -= 1
        while last + 1 < len(line_ink.stretches) and _joined(line_ink, last + 1) and line_ink.xs(last + 1) is not None:
            last += 1
        done.update(range(first, last + 1))
        xs = [x for index in range(first, last + 1) for x in line_ink.xs(index)]
        if len(xs) >= MIN_RUN:
            out.append((xs[0][0], xs[-1][1], len(xs)))
    return sorted(set(out))


def _joined(line_ink: _LineInk, index: int) -> bool:
    """Are stretch ``index`` and the one before it close enough to be one mask?"""
    height = line_ink.stretches[index][3] - line_ink.stretches[index][2]
    return line_ink.gap(index) <= GAP * height


def reread_masks(ink: np.ndarray, lines: list[OcrLine], cache: Stretches | None = None) -> list[tuple[str, str]]:
    """Replace, in place, the words of each mask read as digits or noise by one word of its x's; return the
    (before, after) pairs changed (``cache``: the lines' stretches, shared with ``ocr_codes``)."""
    changed: list[tuple[str, str]] = []
    for line in lines:
        runs = candidate_runs(line)
        if not runs:
            continue
        line_ink = _LineInk(line, stretches_of(ink, line, cache))
        seeds = [i for i in range(len(line_ink.stretches)) if any(_inside(line, start, end, line_ink.centre(i)) for start, end in runs)]
        for left, right, count in reversed(x_stretches(line_ink, seeds)):
            change = _replace(line, left, right, count)
            if change is not None:
                changed.append(change)
    changed.reverse()
    return changed


def _inside(line: OcrLine, start: int, end: int, x: float) -> bool:
    return line.words[start].bbox[0] <= x < line.words[end - 1].bbox[2]


def _replace(line: OcrLine, left: int, right: int, count: int) -> tuple[str, str] | None:
    """Put one word of ``count`` x's over [left, right) of ``line``: the words whose middle is in it go (but for
    Thai marks, which stay with the letter before the mask), a word reaching into it from either side loses its
    characters that are not Thai letters on that side and is cut back to the mask's edge (Tesseract read the x next
    to it as part of it: ``«ติดตาม``, ``ตาม»``)."""
    margin = 0.5 * (right - left) / count
    sides = [_side(w, left, right, margin) for w in line.words]
    inside = [i for i, side in enumerate(sides) if side == "inside"]
    if inside and inside != list(range(inside[0], inside[-1] + 1)):
        return None
    old = ""
    for word, side in zip(line.words, sides):
        if side == "before":
            old += _trim(word, left, keep="start")
        elif side == "inside" and not _is_marks(word.text):
            old += word.text
        elif side == "after":
            old += _trim(word, right, keep="end")
    text = MASK * count
    if old == text:
        return None
    taken = [line.words[i] for i in inside if not _is_marks(line.words[i].text)]
    top = min((w.bbox[1] for w in taken), default=line.bbox[1])
    bottom = max((w.bbox[3] for w in taken), default=line.bbox[3])
    confidence = min((w.confidence for w in taken), default=0.0)
    mask = OcrWord(text, (left, top, right, bottom), confidence, any(w.bold for w in taken))
    words: list[OcrWord] = []
    for word, side in zip(line.words, sides):
        if side in ("left", "before") or (side == "inside" and _is_marks(word.text)):
            words.append(word)
    words.append(mask)
    words += [w for w, side in zip(line.words, sides) if side in ("after", "right")]
    line.words[:] = [w for w in words if w.text]  # a word of noise only, reaching into the mask, is gone
    return old, text


def _side(word: OcrWord, left: int, right: int, margin: float) -> str:
    """Where ``word`` is from the mask [left, right): wholly ``left`` or ``right`` of it, reaching into it from
    ``before`` or ``after`` it, or ``inside`` (its middle in the mask and its box within ``margin`` of it)."""
    x0, x1 = word.bbox[0], word.bbox[2]
    middle = (x0 + x1) / 2
    if left <= middle <= right and x0 >= left - margin and x1 <= right + margin:
        return "inside"
    if middle < left or (middle <= right and x0 < left - margin):
        return "before" if x1 > left + margin else "left"
    return "after" if x0 < right - margin else "right"


def _is_marks(text: str) -> bool:
    return bool(text) and all(ch in THAI_MARKS for ch in text)


def _trim(word: OcrWord, edge: int, keep: str) -> str:
    """Cut ``word`` back to ``edge`` (keeping its start or its end); drop the characters on the cut side that are not
    Thai letters (Thai marks stay with their letter); return what was dropped."""
    text = word.text
    if keep == "start":
        kept = text.rstrip("".join(ch for ch in set(text) if not _is_thai_letter(ch)))
        dropped = text[len(kept) :]
        word.bbox = (word.bbox[0], word.bbox[1], min(word.bbox[2], edge), word.bbox[3])
    else:
        kept = text.lstrip("".join(ch for ch in set(text) if not _is_thai_letter(ch)))
        dropped = text[: len(text) - len(kept)]
        word.bbox = (max(word.bbox[0], edge), word.bbox[1], word.bbox[2], word.bbox[3])
    word.text = kept
    return dropped

"""OCR words read out of ink that is no text: the detached marks of a Thai line read again as a line of their own,
and specks of dust read as letters.

Tesseract now and then makes a line of its own of the upper marks of a Thai line (``ฆ ม ฆ ม % a`` for the ``้ ื ื้ ี่``
over ``ไข้เลือดออกในพื้นที่``) while it reads the same marks in that line too; the layout stage then puts the
strip's letters into the field above or beside (a project's name ending in ``ฆม ฆ ม% a``); the lower vowels of a
line come back the same way (``บ่`` for a ู).  Specks of a few pixels that survive the speck filter
(``ocr_image.speckles``) come back as letters or digits (``ลำดับที่ 7``).

The words are judged by their ink, not by their letters (Tesseract's readings of such ink are ordinary letters):

- *marks of another line*: the word's line is made of small ink (the median over its words of their tallest
  blob, cut by ``ink_blobs``, is well under a letter's height), and the word's ink lies in the zone where the
  upper marks of a Thai line sit (up to half an em above its letter tops) or its lower vowels (under its
  baseline), over or under that line's glyphs, in blobs lower than a letter;
- *specks*: the word's ink is one or two specks, a fraction of a letter's height and width, and the word stands
  apart from the words beside it (the box of a letter of a real word may hold only a sliver of its ink).

Only words claiming a letter or a digit are judged: a full stop, a comma, a bullet or a footnote ``*`` read as
such stays (their ink is small too), and so does a row of dots (a leader).  A line left with no letter or digit
after its noise words are dropped goes as a whole (``ย *``: the ``*`` there is a mark too).  ``ocr.noise_words_dropped``
lists what was dropped, with the reason, on the page.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import numpy as np

from extractor.ingest.ocr_digits import ink_spans
from extractor.ingest.ocr_tesseract import CONSONANT_PER_EM, OcrLine, OcrWord

MIN_CONSONANTS = 3  # a line with fewer single-consonant words is measured by the page's consonants
MARK_ZONE = 0.55  # em above a line's letter tops where its upper marks reach (stacked vowel and tone mark)
LOWER_ZONE = 0.45  # em below a line's baseline where its lower vowels (ุ ู) and descenders reach
SLACK = 0.15  # share of the letter height a mark's ink may reach into the letters' band (blur, skew)
BOX_SLACK = 0.5  # ... and a line's box past the mark zones, for its ink to be looked at
MARK_BLOB = 1.0  # a blob lower than this share of the page's letter height is no letter (a tone mark over an upper
# vowel, blurred into one blob, measures 0.81)
# a line is judged by the median over its words of their tallest blob, in page letter heights: the scanned corpus
# has strips of marks at 0.19-0.62, lines of Thai digits at 0.77-0.80 (the digits are lower than the consonants),
# text at 0.8 and more
STRIP = 0.65  # below: a strip of marks; its words' boxes may take in the tops of the letters under them
SMALL = 0.85  # below: small ink, judged only when it lies wholly in a line's mark zone
SPECK = 0.3  # a blob lower and narrower than this share of the page's letter height is a speck ...
MAX_SPECKS = 2  # ... in a word of at most this many blobs (a row of dots is a leader, ``......``: text) ...
APART = 1.0  # ... this far (page letter heights) from the words beside it: Tesseract's boxes of the letters of a
# real word may hold only slivers of their ink, but they touch each other
HEIGHT_RANGE = (0.75, 1.5)  # a line's letter height off the page's by more than this is a misboxed line's

Box = tuple[int, int, int, int]  # pixels: x0, y0, x1, y1


@dataclass(slots=True)
class Dropped:
    """A word taken out of the OCR text, and why."""

    text: str
    bbox: Box
    reason: str  # "marks" (detached marks of the line below), "specks", "line" (the rest of an emptied line)


def ink_blobs(ink: np.ndarray, box: Box) -> list[Box]:
    """Boxes (page pixels, exclusive ends) of the pieces of ink inside ``box``: runs of inked columns, each cut at
    blank rows (an XY cut: marks stacked over each other come apart, as connected components would)."""
    x0, y0, x1, y1 = (max(0, int(v)) for v in box)
    crop = ink[y0 : y1 + 1, x0 : x1 + 1]
    blobs = []
    for left, right in ink_spans(crop.any(axis=0)):
        for top, bottom in ink_spans(crop[:, left:right].any(axis=1)):
            blobs.append((x0 + left, y0 + top, x0 + right, y0 + bottom))
    return blobs


def letter_height(line: OcrLine) -> float | None:
    """The height (pixels) of the line's consonants without ascender or descender, or None with too few of them."""
    heights = line.consonant_heights()
    return statistics.median(heights) if len(heights) >= MIN_CONSONANTS else None


@dataclass(slots=True)
class _Page:
    """What the words of a page are judged against."""

    ink: np.ndarray
    letter: float  # the page's letter height (pixels): the median of its lines'
    thai: list[OcrLine]  # the lines holding Thai letters, whose marks may be read apart
    heights: dict[int, float] = field(default_factory=dict)  # id(line) → its letter height (the page's when unsure)


def drop_noise_words(ink: np.ndarray, lines: list[OcrLine]) -> list[Dropped]:
    """Take the noise words (see the module) out of ``lines`` in place, and lines left without a letter or a digit;
    return what was taken."""
    measured = {id(line): letter_height(line) for line in lines}
    if not any(measured.values()):
        return []
    letter = statistics.median(h for h in measured.values() if h)
    low, high = (share * letter for share in HEIGHT_RANGE)
    thai = [line for line in lines if any("\u0e01" <= ch <= "\u0e2e" for ch in line.text)]
    page = _Page(ink, letter, thai, {key: h if h and low <= h <= high else letter for key, h in measured.items()})
    dropped: list[Dropped] = []
    for line in list(lines):
        found = _noise_words(page, line)
        if not found:
            continue
        gone = {id(word) for word, _ in found}
        line.words = [w for w in line.words if id(w) not in gone]
        dropped.extend(Dropped(w.text, w.bbox, reason) for w, reason in found)
        if not any(ch.isalnum() for w in line.words for ch in w.text):
            dropped.extend(Dropped(w.text, w.bbox, "line") for w in line.words)
            lines.remove(line)
    return dropped


def _noise_words(page: _Page, line: OcrLine) -> list[tuple[OcrWord, str]]:
    """The line's words claiming a letter or a digit that are noise, with the reason ("specks", "marks").

    The ink is looked at only where the boxes allow noise (a word apart from the others, a line lying in the mark
    zone of another): on a page of a thousand words it costs a few milliseconds, not fifty."""
    words = line.words
    claims = [any(ch.isalnum() for ch in w.text) for w in words]
    blobs: dict[int, list[Box]] = {}

    def blobs_of(index: int) -> list[Box]:
        if index not in blobs:
            blobs[index] = ink_blobs(page.ink, words[index].bbox)
        return blobs[index]

    size = 1.0
    if _in_a_mark_zone(page, line):
        tallest = [max(b[3] - b[1] for b in blobs_of(i)) for i in range(len(words)) if claims[i] and blobs_of(i)]
        size = statistics.median(tallest) / page.letter if tallest else 1.0
    found = []
    for i, word in enumerate(words):
        if not claims[i]:
            continue
        if _apart(line, i, page.letter) and _specks(blobs_of(i), page.letter):
            found.append((word, "specks"))
        elif size < SMALL and blobs_of(i) and _marks_of_a_line(page, line, blobs_of(i), loose=size < STRIP):
            found.append((word, "marks"))
    return found


def _apart(line: OcrLine, index: int, letter: float) -> bool:
    """Is the word this far from the words beside it (``APART``)?"""
    words = line.words
    x0, x1 = words[index].bbox[0], words[index].bbox[2]
    before = index == 0 or x0 - words[index - 1].bbox[2] >= APART * letter
    after = index == len(words) - 1 or words[index + 1].bbox[0] - x1 >= APART * letter
    return before and after


def _specks(blobs: list[Box], letter: float) -> bool:
    """Ink of one or two specks (and some ink)."""
    return 0 < len(blobs) <= MAX_SPECKS and all(b[3] - b[1] < SPECK * letter and b[2] - b[0] < SPECK * letter for b in blobs)


def _in_a_mark_zone(page: _Page, line: OcrLine) -> bool:
    """Does the line's box lie within the band of another Thai line it overlaps, from the top of its upper marks to
    the bottom of its lower ones (boxes only: where marks read apart may be)?"""
    x0, y0, x1, y1 = line.bbox
    for other in page.thai:
        if other is line or other.bbox[2] <= x0 or x1 <= other.bbox[0]:
            continue
        height = page.heights[id(other)]
        em = height / CONSONANT_PER_EM
        reach = BOX_SLACK * height  # Tesseract's boxes reach past the ink they hold
        if other.baseline - height - MARK_ZONE * em - reach <= y0 and y1 <= other.baseline + LOWER_ZONE * em + reach:
            return True
    return False


def _marks_of_a_line(page: _Page, line: OcrLine, blobs: list[Box], loose: bool) -> bool:
    """Does all of the ink lie in the mark zone above or below another Thai line, over or under its glyphs, in
    pieces lower than a letter?  ``loose``: the ink may reach into that line's letters (the box of a word of a strip
    of marks takes in the tops of the letters under them)."""
    if any(b[3] - b[1] >= MARK_BLOB * page.letter for b in blobs):
        return False
    x0, x1 = min(b[0] for b in blobs), max(b[2] for b in blobs)
    y0, y1 = min(b[1] for b in blobs), max(b[3] for b in blobs)
    for other in page.thai:
        if other is line or not any(w.bbox[0] < x1 and x0 < w.bbox[2] for w in other.words):
            continue
        height = page.heights[id(other)]
        em, base = height / CONSONANT_PER_EM, other.baseline
        tops = base - height
        above = tops - MARK_ZONE * em <= y0 and y1 <= (base if loose else tops + SLACK * height)
        below = (tops if loose else base - SLACK * height) <= y0 and y1 <= base + LOWER_ZONE * em
        if above or below:
            return True
    return False


def dropped_message(dropped: list[Dropped]) -> str:
    """The finding's text: how many words, and each with its reason and place."""
    items = "; ".join(f"{d.text!r} ({d.reason} at {d.bbox[0]},{d.bbox[1]})" for d in dropped[:20])
    more = f" and {len(dropped) - 20} more" if len(dropped) > 20 else ""
    return f"{len(dropped)} OCR word(s) read out of ink that is no text (detached marks of the line below, specks): {items}{more}"

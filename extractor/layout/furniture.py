"""Page furniture: running headers and footers, page numbers, footnotes.

Furniture is recognised, not guessed per line: a page number is a lone number (``3``, ``- 3 -``, ``หน้า 3``) in the
top or bottom band of the page; a running header/footer is a line of the band whose text, digits aside, repeats on
several pages.  Both are kept out of the content flow (and counted in a reader finding).  Footnotes are the lines
under a short separator rule near the page bottom, or small lines at the bottom opening with a note mark.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex as re

from extractor.layout.types import Ruling, TextLine

BAND = 0.09  # top and bottom bands, as a fraction of the page height
SLOT_PAGES = 3  # pages with a page number read in a slot before a misread line there is taken for one
SLOT_SHIFT = 0.25  # a line in the slot: its centre this share of the slot's width from the slot's centre at most,
SLOT_WIDTH = 1.5  # and no wider than this many times the slot's width (a few glyphs: no line of content)
# a scan's dash may come back as ``=``, or after the number as ``%`` (``- 57 -`` read ``= 57=``, ``- 27 -`` read
# ``- 27%``; a number with ``%`` alone is a percentage)
_PAGE_NUMBER = re.compile(
    r"^(?:(?:หน้า|page|-|–|=|\(|\[)?\s*[\d๐-๙]{1,4}\s*(?:-|–|=|\)|\]|/\s*[\d๐-๙]{1,4})?|[-–=]\s*[\d๐-๙]{1,4}\s*%)$", re.I
)
_DIGITS = re.compile(r"[\d๐-๙]+")
_NOTE_START = re.compile(r"^(?:[\d๐-๙]{1,2}|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")


def in_band(line: TextLine, height: float) -> bool:
    return line.y1 <= BAND * height or line.y0 >= (1 - BAND) * height


def running_keys(pages: list[tuple[float, list[TextLine]]]) -> set[str]:
    """Texts (digits folded) that recur in the top/bottom bands of enough pages to be running headers/footers."""
    counts: Counter[str] = Counter()
    for height, lines in pages:
        counts.update({_key(ln) for ln in lines if in_band(ln, height)})
    need = 2 if len(pages) <= 4 else max(3, len(pages) // 4)
    return {k for k, n in counts.items() if n >= need and k}


def is_furniture(line: TextLine, height: float, running: set[str], slot: NumberSlot | None = None) -> bool:
    if not in_band(line, height):
        return False
    if _PAGE_NUMBER.match(line.text.strip()) or _key(line) in running:
        return True
    return slot is not None and slot.holds(line, height)


@dataclass(frozen=True)
class NumberSlot:
    """Where the page numbers of pages of one width stand in one band: the median centre and width of the lines
    read as page numbers there.  A scan misreads a few of them (``- 18 -`` read ``= 101 8``, ``- ๓ -`` read
    ``. 3".``, ``แว 7``); a short line read off the image that stands in the slot is the page number all the same."""

    top: bool
    centre: float
    width: float

    def holds(self, line: TextLine, height: float) -> bool:
        if not line.ink_widths or (line.y1 <= BAND * height) != self.top:
            return False
        centre = (line.x0 + line.x1) / 2
        return abs(centre - self.centre) <= SLOT_SHIFT * self.width and line.x1 - line.x0 <= SLOT_WIDTH * self.width


def number_slots(pages: list[tuple[float, float, list[TextLine]]]) -> dict[tuple[int, bool], NumberSlot]:
    """The page-number slot of each (page width, band) where enough pages (``SLOT_PAGES``) have a page number read
    as one; ``pages``: (width, height, lines) per page."""
    found: dict[tuple[int, bool], list[TextLine]] = {}
    for width, height, lines in pages:
        for line in lines:
            if in_band(line, height) and _PAGE_NUMBER.match(line.text.strip()):
                found.setdefault((round(width), line.y1 <= BAND * height), []).append(line)
    return {
        key: NumberSlot(top=key[1], centre=statistics.median((ln.x0 + ln.x1) / 2 for ln in lines),
                        width=statistics.median(ln.x1 - ln.x0 for ln in lines))
        for key, lines in found.items() if len(lines) >= SLOT_PAGES
    }


def _key(line: TextLine) -> str:
    return _DIGITS.sub("#", "".join(line.text.split()))


def footnote_start(lines: list[TextLine], rulings: list[Ruling], width: float, height: float, body: float) -> float:
    """The y where the page's footnote area begins (``inf`` when the page has none)."""
    separators = [
        r.pos
        for r in rulings
        if r.horizontal and r.pos > 0.6 * height and r.end - r.start < 0.45 * width
        and not any(abs(ln.y0 - r.pos) < 2 or ln.y0 < r.pos < ln.y1 for ln in lines)
    ]
    below = [s for s in separators if any(ln.y0 >= s for ln in lines)]
    if below:
        return max(below)
    start = float("inf")
    for ln in sorted(lines, key=lambda t: -t.y0):
        if ln.y0 < 0.7 * height or ln.size > 0.88 * body:
            break
        if _NOTE_START.match(ln.text):
            start = ln.y0
    return start

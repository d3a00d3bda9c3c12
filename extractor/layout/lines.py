"""Thai-aware line building: glyphs → lines (split at wide gaps into segments).

Plain y-clustering of glyphs splits Thai words: above/below vowels, tone marks, thanthakhat and nikhahit sit above or
below the base line, and a reader that clusters every glyph by its vertical position emits them as separate lines
(``รหสยทธศาสตร\\nุ`` from PyMuPDF ``find_tables``).  Here only *base* glyphs are clustered into lines; each combining
mark is then attached to the base glyph it belongs to horizontally, whatever its vertical offset:

- a zero-width mark (the usual case: PDF writers place it at the pen position after its base, the ink hanging
  left) belongs to the base whose right edge is nearest to it, among the bases it stands over or just past (a
  shaping font moves a tone mark stacked on an upper vowel left, over its base: Kinnari ``เนื้อ``);
- a mark with a real ink box belongs to the base it overlaps most.

Footnote references glued to a word (``วัตถุประสงค์หลัก1``) are recognised by their smaller size and raise and taken
out of the text into ``TextLine.marks``, so nothing is lost and the word stays clean.

Glyphs are read left to right, which is visual order; right-to-left text (Arabic, Hebrew) is stored the other way.
The reader delivers text in logical order, and only here, where glyphs are put in x order, is the visual order
made: so here each run of right-to-left characters is read right to left (``logical_order``).  The glyphs' own
order in the content stream is no help: a shaping writer (MuPDF's Story) draws them in logical order, a word
processor in visual order; the positions say it either way.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from extractor.layout.types import FootnoteMark, TextLine

# Thai combining marks (สระบน สระล่าง วรรณยุกต์ ไม้ทัณฑฆาต นิคหิต ...) and their private-use positional variants.
THAI_MARKS = frozenset(
    [chr(0x0E31), *map(chr, range(0x0E34, 0x0E3B)), *map(chr, range(0x0E47, 0x0E4F))]
    + [*map(chr, range(0xF701, 0xF70F)), *map(chr, range(0xF710, 0xF71B))]
)
_TONE_LIKE = frozenset("\u0e48\u0e49\u0e4a\u0e4b\u0e4c")  # tone marks and THANTHAKHAT: stored after a vowel
_DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
_SPACES = frozenset(" \u00a0\u2002\u2003\u2009\t")

WORD_GAP = 0.18  # a gap wider than this × font size is a space between words
SEGMENT_GAP = 1.4  # a gap wider than this × font size splits a line into segments (columns of a borderless table)
_MARK_REACH = 0.2  # a zero-width mark may sit this × size away from its base's right edge
_FOOTNOTE_SIZE = 0.82  # footnote digits are smaller than this × the line's size ...
_FOOTNOTE_RAISE = 0.12  # ... and their bottom is raised by more than this × the line's size

# Code points of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, ... and their presentation forms):
# a cheap test of a line before its bidi classes are looked at
RTL_SCRIPTS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_NUMBER_SEPARATORS = frozenset(",./:+-\u066b\u066c")  # inside a number (1,234 ١٫٥): kept with its digits

_BOLD_CACHE: dict[str, bool] = {}


def is_bold_font(font: str) -> bool:
    """Bold by font name (``DilleniaUPCBold``, ``THSarabunPSK-Bold``, ``Garuda-Bold``)."""
    bold = _BOLD_CACHE.get(font)
    if bold is None:
        low = font.lower()
        bold = "bold" in low or low.endswith(("-b", ",bold", "-bd", "black", "heavy"))
        _BOLD_CACHE[font] = bold
    return bold


class _Line:
    """A line under construction: base glyphs sorted by x, marks attached per base."""

    __slots__ = ("bases", "x0s", "marks", "cy", "y0", "y1", "size")

    def __init__(self, first) -> None:
        x0, y0, x1, y1 = first.bbox
        self.bases = [first]
        self.y0, self.y1 = y0, y1
        self.cy = (y0 + y1) / 2
        self.size = first.size
        self.x0s: list[float] = []
        self.marks: dict[int, list] = {}

    def finish(self) -> None:
        bases = self.bases
        bases.sort(key=_x0)
        self.x0s = [g.bbox[0] for g in bases]
        boxes = [g.bbox for g in bases]
        self.y0 = min(b[1] for b in boxes)
        self.y1 = max(b[3] for b in boxes)
        self.size = _dominant_size(bases)


def _x0(glyph) -> float:
    return glyph.bbox[0]


def _dominant_size(glyphs: list) -> float:
    counts: dict[float, int] = {}
    for g in glyphs:
        size = g.size
        counts[size] = counts.get(size, 0) + 1
    return round(max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0], 1)


def build_lines(glyphs: list, *, split_segments: bool = True) -> list[TextLine]:
    """Lines of text in reading order (top to bottom, left to right) from glyphs in any order.

    With ``split_segments`` a line is cut at gaps wider than ``SEGMENT_GAP`` × size, so the columns of a borderless
    table come out as separate segments; without it a line is kept whole (the text of one table cell).
    """
    bases, marks = [], []
    for g in glyphs:
        (marks if g.char in THAI_MARKS else bases).append(g)
    if not bases:  # marks only: keep them as text rather than lose them
        bases, marks = marks, []
    lines = _cluster(bases)
    centres = [ln.cy for ln in lines]
    for mark in marks:
        _attach(mark, lines, centres)
    out: list[TextLine] = []
    for line in lines:
        out.extend(_emit(line, split_segments))
    out.sort(key=lambda t: (round(t.y0 / 2), t.x0))
    return out


def _cluster(bases: list) -> list[_Line]:
    """Group base glyphs into lines by vertical centre (marks are not involved, so they cannot split a line)."""
    keyed = sorted(((g.bbox[1] + g.bbox[3]) * 0.5, i, g) for i, g in enumerate(bases))
    lines: list[_Line] = []
    current: _Line | None = None
    for cy, _, g in keyed:
        if current is not None:
            y0, y1 = g.bbox[1], g.bbox[3]
            reach = 0.3 * max(current.y1 - current.y0, y1 - y0)
            if -reach <= cy - current.cy <= reach:
                current.bases.append(g)
                continue
        current = _Line(g)
        lines.append(current)
    for line in lines:
        line.finish()
    lines.sort(key=lambda ln: ln.cy)
    return lines


def _attach(mark, lines: list[_Line], centres: list[float]) -> None:
    """Attach a combining mark to the base glyph it belongs to horizontally, in the nearest line vertically."""
    mx0, my0, mx1, my1 = mark.bbox
    my = (my0 + my1) / 2
    best = None
    k = bisect_left(centres, my)
    lo, hi = k - 1, k
    # walk outwards from the nearest centres; a line further than any found match cannot win
    while lo >= 0 or hi < len(lines):
        for i in (lo, hi):
            if not 0 <= i < len(lines):
                continue
            line = lines[i]
            h = line.y1 - line.y0
            if line.y0 - h <= my <= line.y1 + 0.5 * h:
                index = _base_for(mark, line)
                if index is not None:
                    dist = abs(my - line.cy)
                    if best is None or dist < best[0]:
                        best = (dist, line, index)
        lo, hi = lo - 1, hi + 1
        nearest = min(
            abs(my - lines[lo].cy) if lo >= 0 else float("inf"),
            abs(my - lines[hi].cy) if hi < len(lines) else float("inf"),
        )
        if nearest > 3 * max(mark.size, 1.0) or (best is not None and nearest > best[0]):
            break
    if best is None:  # an orphan mark: keep it as a glyph of its own
        line = min(lines, key=lambda ln: abs(ln.cy - my))
        index = bisect_right(line.x0s, mx0)
        line.bases.insert(index, mark)
        line.x0s.insert(index, mx0)
        line.marks = {(k + 1 if k >= index else k): v for k, v in line.marks.items()}
        return
    best[1].marks.setdefault(best[2], []).append(mark)


def _base_for(mark, line: _Line) -> int | None:
    """Index of the base glyph in ``line`` that ``mark`` sits on, or None when none is close enough."""
    mx0, _, mx1, _ = mark.bbox
    bases, x0s = line.bases, line.x0s
    if mx1 - mx0 < 0.05 * mark.size:  # zero width: over a base, or just past its right edge; nearest right edge
        reach = _MARK_REACH * max(mark.size, line.size)
        k = bisect_right(x0s, mx0 + reach)
        best, best_d = None, float("inf")
        for i in range(max(0, k - 3), k):
            bx0, _, bx1, _ = bases[i].bbox
            d = abs(bx1 - mx0)
            if bx0 < mx0 <= bx1 + reach and d <= best_d:
                best, best_d = i, d
        return best
    k = bisect_left(x0s, mx1)
    best, best_overlap = None, 0.0
    for i in range(max(0, k - 3), k):
        bx0, _, bx1, _ = bases[i].bbox
        overlap = min(bx1, mx1) - max(bx0, mx0)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _emit(line: _Line, split_segments: bool) -> list[TextLine]:
    """Turn a built line into one or more TextLines (segments), with words spaced and footnote marks taken out."""
    size = line.size
    bottom = _main_bottom(line)
    out: list[TextLine] = []
    parts: list[str] = []
    seg_glyphs: list = []
    footnotes: list[FootnoteMark] = []
    prev_x1 = None
    lead_x1 = None  # right edge of the segment's first word
    lead_edges: list[float] = []  # right edges of its base glyphs
    pending_space = False
    for i, g in enumerate(line.bases):
        ch = g.char
        if ch in _SPACES:  # a space counts where it stands after the previous glyph (not under it: fake bold)
            pending_space = pending_space or (prev_x1 is not None and g.bbox[0] >= prev_x1 - 0.1 * size)
            continue
        if ch in _DIGITS and parts and parts[-1] != " " and _is_footnote_digit(g, size, bottom):
            over = line.marks.get(i)
            if over:  # a mark over the digit ends the word before
                parts[-1] += "".join(mark.char for mark in over)
            _add_footnote(footnotes, g, sum(map(len, parts)))  # glued to the word before it
            seg_glyphs.append(g)
            continue
        x0 = g.bbox[0]
        if prev_x1 is not None:
            gap = x0 - prev_x1
            if split_segments and gap > SEGMENT_GAP * size:
                out.append(_text_line(parts, seg_glyphs, size, footnotes, lead_x1, lead_edges))
                parts, seg_glyphs, footnotes, lead_x1, lead_edges = [], [], [], None, []
            elif pending_space or gap > WORD_GAP * size:
                parts.append(" ")
                if lead_x1 is None:
                    lead_x1 = prev_x1
        pending_space = False
        marks = line.marks.get(i)
        parts.append(ch + "".join(_stored_order(marks)) if marks else ch)  # one part per base glyph, marks with it
        seg_glyphs.append(g)
        x1 = g.bbox[2]
        if prev_x1 is None or x1 > prev_x1:
            prev_x1 = x1
        if lead_x1 is None:
            lead_edges.append(prev_x1)
    if seg_glyphs:
        out.append(_text_line(parts, seg_glyphs, size, footnotes, lead_x1, lead_edges))
        out[-1].ends_with_space = pending_space
    return [t for t in out if t.text or t.marks]


def is_rtl(char: str) -> bool:
    """``char`` (one character) is strong right-to-left: bidi class R or AL.  Cheap for Thai and Latin."""
    return ("\u0590" <= char < "\u0e00" or char >= "\ufb1d") and unicodedata.bidirectional(char) in ("R", "AL")


def logical_order(parts: list[str]) -> list[str]:
    """The parts of a line (one per glyph, with its marks, or a word space) in logical order from visual order.

    A run of right-to-left parts, with the neutrals (spaces, punctuation) and numbers between them, is reversed:
    the inverse of the bidi algorithm for a left-to-right paragraph, where such a run has level 1.  Numbers inside
    the run (level 2) keep their left-to-right order.  Neutrals and numbers at the run's edges stay outside it: from
    the drawing alone ``123 CBA`` may be ``ABC 123`` or ``123 ABC``, and the left-to-right reading is kept.
    """
    kinds = [_bidi_kind(p) for p in parts]
    out: list[str] = []
    i, n = 0, len(parts)
    while i < n:
        if kinds[i] != "R":
            out.append(parts[i])
            i += 1
            continue
        end = j = i
        while j + 1 < n and kinds[j + 1] != "L":
            j += 1
            if kinds[j] == "R":
                end = j
        out.extend(_reversed_run(parts[i : end + 1], kinds[i : end + 1]))
        i = end + 1
    return out


def _bidi_kind(part: str) -> str:
    """R (right-to-left letter), N (digit), L (left-to-right letter) or W (neutral) by the part's first character."""
    if not part:
        return "W"
    kind = unicodedata.bidirectional(part[0])
    if kind in ("R", "AL"):
        return "R"
    if kind in ("EN", "AN"):
        return "N"
    return "L" if kind == "L" else "W"


def _reversed_run(parts: list[str], kinds: list[str]) -> list[str]:
    """A right-to-left run reversed, numbers (digits, and one separator between two digits) kept in order."""
    units: list[list[str]] = []
    k = 0
    while k < len(parts):
        if kinds[k] == "N":
            number = [parts[k]]
            k += 1
            while k < len(parts) and (
                kinds[k] == "N"
                or (parts[k] in _NUMBER_SEPARATORS and k + 1 < len(parts) and kinds[k + 1] == "N")
            ):
                number.append(parts[k])
                k += 1
            units.append(number)
        else:
            units.append([parts[k]])
            k += 1
    return [p for unit in reversed(units) for p in unit]


def _stored_order(marks: list) -> list[str]:
    """The marks of one base in Thai storage order (vowel before tone mark), whatever order they were drawn in.

    A shaping font draws them in visual order (the tone mark stacked last or first), an encoding detail: the text
    says vowel then tone.  Ties by canonical combining class, so the result is already NFC.
    """
    chars = [m.char for m in marks]
    if len(chars) > 1:
        chars.sort(key=_storage_rank)
    return chars


def _storage_rank(ch: str) -> tuple[bool, int]:
    return ch in _TONE_LIKE, unicodedata.combining(ch)


def _main_bottom(line: _Line) -> float:
    bottoms = [g.bbox[3] for g in line.bases if abs(g.size - line.size) < 0.5]
    return max(bottoms) if bottoms else line.y1


def _is_footnote_digit(glyph, size: float, bottom: float) -> bool:
    return glyph.size < _FOOTNOTE_SIZE * size and glyph.bbox[3] < bottom - _FOOTNOTE_RAISE * size


def _add_footnote(footnotes: list[FootnoteMark], glyph, offset: int) -> None:
    if footnotes and footnotes[-1].offset == offset:  # a multi-digit reference: ¹² → "12"
        last = footnotes[-1]
        b = last.bbox
        last.text += glyph.char
        last.bbox = (b[0], min(b[1], glyph.bbox[1]), glyph.bbox[2], max(b[3], glyph.bbox[3]))
        return
    footnotes.append(FootnoteMark(glyph.char, offset, tuple(glyph.bbox)))


def _text_line(
    parts: list[str], glyphs: list, size: float, footnotes: list[FootnoteMark], lead_x1: float | None,
    lead_edges: list[float],
) -> TextLine:
    text = "".join(parts)
    if RTL_SCRIPTS.search(text):
        text = "".join(logical_order(parts))
    text = text.strip()
    boxes = [g.bbox for g in glyphs]
    bold_count = 0
    last_font, last_bold = None, False
    for g in glyphs:
        if g.font is not last_font:
            last_font, last_bold = g.font, is_bold_font(g.font)
        bold_count += last_bold
    x1 = max(b[2] for b in boxes)
    return TextLine(
        text,
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        x1,
        max(b[3] for b in boxes),
        size,
        bold_count * 2 > len(glyphs),
        list(footnotes),
        lead_x1=x1 if lead_x1 is None else lead_x1,
        lead_edges=tuple(lead_edges),
    )

"""Glyph-level repairs, for readers that know each glyph's position and font (the PDF reader).

A ``Glyph`` is one character as drawn: its text, its box, its font and size.  Working at this level lets the
repairs use what plain text has lost: the font family (to pick the legacy remap table) and the positions (a
fake-bold glyph is the same character drawn twice at almost the same place; a character that a font's ToUnicode
map glued to the previous glyph was never drawn at all: it has no width and sits at that glyph's origin).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from extractor.blocks import Repair
from extractor.thai.chars import COMBINING

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[,\-]?(Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Light)+$", re.I)


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, top-left origin
    font: str = ""  # font name as in the PDF, e.g. "BGPEOA+DilleniaUPCBold"
    size: float = 0.0


@functools.lru_cache(maxsize=1024)
def font_family(font_name: str) -> str:
    """Family of a PDF font name: subset prefix and style suffixes removed (``ABCDEF+DilleniaUPC,Bold`` → ``DilleniaUPC``)."""
    name = _SUBSET_PREFIX.sub("", font_name)
    previous = None
    while previous != name:
        previous, name = name, _STYLE_SUFFIX.sub("", name)
    return name


# A zero-width glyph whose left edge is within this many points of the previous glyph's left edge starts where
# that glyph starts: it is a further character of that glyph's ToUnicode string, not a glyph of its own.
_SAME_ORIGIN = 1e-3
_UNKNOWN = "\ufffd"  # a drawn glyph the reader could not map to Unicode


def _width(g: Glyph) -> float:
    return g.bbox[2] - g.bbox[0]


def _tail_length(glyphs: list[Glyph], base: int) -> int:
    """How many Thai marks after ``glyphs[base]`` are its ToUnicode tail: zero width, at the base's own origin."""
    x0, end = glyphs[base].bbox[0], base + 1
    while end < len(glyphs):
        g = glyphs[end]
        if g.char not in COMBINING or _width(g) > _SAME_ORIGIN or abs(g.bbox[0] - x0) > _SAME_ORIGIN:
            break
        end += 1
    return end - base - 1


def _drawn_marks(glyphs: list[Glyph], start: int) -> list[str]:
    """The marks drawn as glyphs of their own from ``start`` on (Thai marks and unmapped glyphs) up to the next base."""
    drawn, end = [], start
    while end < len(glyphs) and (glyphs[end].char in COMBINING or glyphs[end].char == _UNKNOWN):
        drawn.append(glyphs[end].char)
        end += 1
    return drawn


def _tail_kept(tail: list[Glyph], drawn: list[str]) -> list[bool]:
    """Which tail marks carry a mark no drawn glyph names: the one an unmapped drawn glyph stands for."""
    kept = []
    for k, g in enumerate(tail):
        if g.char in (t.char for t in tail[:k]):  # the same mark twice in one tail: one reading at most
            kept.append(False)
        elif g.char in drawn:  # drawn again as its own glyph: the tail copy is a duplicate
            drawn.remove(g.char)
            kept.append(False)
        elif _UNKNOWN in drawn:  # the drawn glyph has no Unicode of its own: the tail names it
            drawn.remove(_UNKNOWN)
            kept.append(True)
        else:  # nothing drawn for it: the tail is the base glyph's stale ToUnicode (ActualText said otherwise)
            kept.append(False)
    return kept


def drop_tounicode_tails(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Drop Thai marks that a base glyph's ToUnicode string adds but that are not drawn there.

    Word writes one ToUnicode entry per glyph, taken from the first cluster the glyph was drawn in: after
    ``ศึกษา`` the ศ glyph maps to ``ศึ`` everywhere, and Word covers the wrong uses with an ActualText span
    (``วิทยาศาสตร์``) that a glyph-level reader does not see.  Such a tail (zero width, at the base's own origin,
    where a drawn mark never sits: drawn marks come after their base, at its right edge) is dropped when the
    same mark is drawn as a glyph of its own in the cluster (a duplicate) and when no drawn glyph stands for it
    (stale); it is kept only when the cluster has a drawn glyph without Unicode for it to name.
    """
    kept: list[Glyph] = []
    repairs: list[Repair] = []
    i = 0
    while i < len(glyphs):
        base = glyphs[i]
        kept.append(base)
        following = glyphs[i + 1].char if i + 1 < len(glyphs) else ""
        if following not in COMBINING or base.char in COMBINING or _width(base) <= _SAME_ORIGIN:
            i += 1  # the common case: no mark follows a base
            continue
        n = _tail_length(glyphs, i)
        if not n:
            i += 1
            continue
        tail = glyphs[i + 1 : i + 1 + n]
        for k, (g, keep) in enumerate(zip(tail, _tail_kept(tail, _drawn_marks(glyphs, i + 1 + n)))):
            if keep:
                kept.append(g)
            else:
                repairs.append(Repair("thai.tounicode_tail", i + 1 + k, g.char, ""))
        i += 1 + n
    return kept, repairs


# Two glyphs are one fake-bold pair when the same character is drawn again with its box shifted by less than
# this share of the font size (fake bold offsets the second copy by a fraction of a point).
FAKE_BOLD_SHIFT = 0.15


def _same_place(a: Glyph, b: Glyph) -> bool:
    tol = FAKE_BOLD_SHIFT * max(a.size, b.size, 1.0)
    return a.char == b.char and all(abs(p - q) <= tol for p, q in zip(a.bbox, b.bbox))


def dedupe_fake_bold(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Drop a glyph that repeats one of the previous few glyphs at (almost) the same place."""
    kept: list[Glyph] = []
    repairs: list[Repair] = []
    for i, g in enumerate(glyphs):
        if _repeats_recent(g, kept):
            repairs.append(Repair("thai.fake_bold_glyph", i, g.char, ""))
            continue
        kept.append(g)
    return kept, repairs


def _repeats_recent(g: Glyph, kept: list[Glyph]) -> bool:
    """Whether ``g`` is a fake-bold copy of one of the last four kept glyphs (chars compared first: cheap)."""
    ch = g.char
    if ch.isspace():
        return False
    for k in kept[-4:]:
        if k.char == ch and _same_place(g, k):
            return True
    return False


@functools.lru_cache(maxsize=1024)
def _remap_table(font_name: str) -> dict[str, tuple[str, str]]:
    """{glyph char: (Thai char, repair code)} for one font: its family's legacy table under the PUA table."""
    from extractor.thai.legacy import table_for_font
    from extractor.thai.pua import pua_table

    table = {latin: (thai, "thai.latin1_remap") for latin, thai in table_for_font(font_family(font_name)).items()}
    table.update((pua, (thai, "thai.pua_glyph")) for pua, thai in pua_table().items())
    return table


def map_glyph_chars(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Private-use glyphs through the PUA table; Latin-1 glyphs through their font family's legacy table."""
    out: list[Glyph] = []
    repairs: list[Repair] = []
    for i, g in enumerate(glyphs):
        hit = _remap_table(g.font).get(g.char)
        if hit is not None:
            repairs.append(Repair(hit[1], i, g.char, hit[0]))
            g = Glyph(hit[0], g.bbox, g.font, g.size)
        out.append(g)
    return out, repairs


def _drop_step(step, glyphs: list[Glyph], index: list[int]) -> tuple[list[Glyph], list[int], list[Repair]]:
    """Run a glyph-dropping step; its repairs and the surviving glyphs' indexes refer to the original list."""
    kept, repairs = step(glyphs)
    if not repairs:
        return kept, index, []
    dropped = {r.position for r in repairs}
    repairs = [replace(r, position=index[r.position]) for r in repairs]
    return kept, [index[i] for i in range(len(glyphs)) if i not in dropped], repairs


def repair_glyphs(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Glyph-level repairs before text assembly: ToUnicode tails and fake-bold copies dropped by position and
    identity, then PUA and legacy-font remaps.

    Both drops run before anything reads the text: a tail left in place turns ``ศาสตร์`` into ``ศึาสตร์``, which
    no text-level mark repair can tell from a real (misplaced) SARA UE.  Repair positions are glyph indexes in
    the input list.  Mark order, SARA AM and the rest are text-level: run ``repair_text`` on the assembled line
    (it leaves already-repaired characters alone).
    """
    index = list(range(len(glyphs)))
    kept, index, tail_repairs = _drop_step(drop_tounicode_tails, glyphs, index)
    kept, index, dedupe_repairs = _drop_step(dedupe_fake_bold, kept, index)
    mapped, map_repairs = map_glyph_chars(kept)
    map_repairs = [replace(r, position=index[r.position]) for r in map_repairs]
    return mapped, sorted(tail_repairs + dedupe_repairs + map_repairs, key=lambda r: r.position)

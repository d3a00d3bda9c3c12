"""Glyph-level repairs, for readers that know each glyph's position and font (the PDF reader).

A ``Glyph`` is one character as drawn: its text, its box, its font and size.  Working at this level lets the
repairs use what plain text has lost: the font family (to pick the legacy remap table) and the positions (a
fake-bold glyph is the same character drawn twice at almost the same place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractor.blocks import Repair

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_STYLE_SUFFIX = re.compile(r"[,\-]?(Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular|Light)+$", re.I)


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, top-left origin
    font: str = ""  # font name as in the PDF, e.g. "BGPEOA+DilleniaUPCBold"
    size: float = 0.0


def font_family(font_name: str) -> str:
    """Family of a PDF font name: subset prefix and style suffixes removed (``ABCDEF+DilleniaUPC,Bold`` → ``DilleniaUPC``)."""
    name = _SUBSET_PREFIX.sub("", font_name)
    previous = None
    while previous != name:
        previous, name = name, _STYLE_SUFFIX.sub("", name)
    return name


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
        if not g.char.isspace() and any(_same_place(g, k) for k in kept[-4:]):
            repairs.append(Repair("thai.fake_bold_glyph", i, g.char, ""))
            continue
        kept.append(g)
    return kept, repairs


def map_glyph_chars(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Private-use glyphs through the PUA table; Latin-1 glyphs through their font family's legacy table."""
    from extractor.thai.legacy import table_for_font
    from extractor.thai.pua import pua_table

    pua = pua_table()
    out: list[Glyph] = []
    repairs: list[Repair] = []
    for i, g in enumerate(glyphs):
        new, code = pua.get(g.char), "thai.pua_glyph"
        if new is None:
            new, code = table_for_font(font_family(g.font)).get(g.char), "thai.latin1_remap"
        if new is not None:
            repairs.append(Repair(code, i, g.char, new))
            g = replace(g, char=new)
        out.append(g)
    return out, repairs


def repair_glyphs(glyphs: list[Glyph]) -> tuple[list[Glyph], list[Repair]]:
    """Glyph-level repairs before text assembly: fake-bold dedupe by position, then PUA and legacy-font remaps.

    Repair positions are glyph indexes in the input list.  Mark order, SARA AM and the rest are text-level:
    run ``repair_text`` on the assembled line (it leaves already-repaired characters alone).
    """
    kept, dedupe_repairs = dedupe_fake_bold(glyphs)
    dropped = {r.position for r in dedupe_repairs}
    original_index = [i for i in range(len(glyphs)) if i not in dropped]
    mapped, map_repairs = map_glyph_chars(kept)
    map_repairs = [replace(r, position=original_index[r.position]) for r in map_repairs]
    return mapped, sorted(dedupe_repairs + map_repairs, key=lambda r: r.position)

"""One PDF page → the layout stage's page model (raw glyphs, rulings, images), with PyMuPDF.

Glyphs are read at the raw level (``rawdict``): a plain ``get_text()`` drops the private-use positional tone marks
that Thai fonts emit, and its word/line grouping splits Thai words.  Drawn lines and rectangles become rulings:
a stroked axis-parallel line, a thin filled rectangle (Word/InDesign draw table rules that way), the edges of a
stroked rectangle, and the edges of a coloured cell fill.
"""

from __future__ import annotations

import unicodedata

import pymupdf

from extractor.layout.lines import is_rtl
from extractor.layout.types import BBox, PageModel, Ruling
from extractor.thai import Glyph

# rawdict without image blocks; keep whitespace (word gaps) and ligatures as written; clip to the media box.
_TEXT_FLAGS = (
    pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_PRESERVE_LIGATURES
    | pymupdf.TEXT_MEDIABOX_CLIP
    | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE  # legacy fonts: keep the Latin-1 code (É, Ê) the Thai repair remaps
)
_THIN = 2.0  # a filled rectangle thinner than this (points) is a ruling
_AXIS_TOLERANCE = 1.0  # a line whose ends differ by less than this in x (or y) is vertical (or horizontal)
_MIN_RULING = 3.0  # shorter segments are ticks or dots, not rulings
# Code points a font draws with the glyph of another: Garuda's one dash glyph maps back to U+2010 HYPHEN (and
# U+2011), so ``0409-0968``, a ``-`` cell (no budget) and the page number ``- 2 -`` would read back changed; Latin
# ligature glyphs (``Staﬀ``) are the letters they join.
_GLYPH_FOLDS = {
    0x2010: "-", 0x2011: "-",
    0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
}


# Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF): the shaped contextual glyphs (initial, medial, final,
# isolated, ligatures) that a text layer maps back to instead of the letters.  Shaping is an encoding artefact, so
# they are read as their base letters (NFKC on these characters only: NFKC elsewhere would rewrite Thai and digits).
_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


class GlyphCodes:
    """Per-document memory of the codes ``rawdict`` gave to glyphs the trace could not map: (font, glyph id) → char.

    ``rawdict`` costs more than the rest of the page read; a legacy-font document has unmapped glyphs on nearly
    every page, always the same few.  Once a (font, glyph id) pair has been resolved, later pages holding only known
    pairs skip ``rawdict``.  A pair ever resolved to two different codes is never taken from memory again.
    """

    __slots__ = ("known", "conflicted")

    def __init__(self) -> None:
        self.known: dict[tuple[str, int], str] = {}
        self.conflicted: set[tuple[str, int]] = set()

    def covers(self, keys: list[tuple[str, int]]) -> bool:
        return all(k in self.known and k not in self.conflicted for k in keys)

    def learn(self, key: tuple[str, int], char: str) -> None:
        seen = self.known.setdefault(key, char)
        if seen != char:
            self.conflicted.add(key)


def read_page(page: pymupdf.Page, number: int, codes: GlyphCodes | None = None) -> PageModel:
    """The raw page model of ``page`` (1-based ``number``); ``codes``: the document's GlyphCodes, if shared."""
    rect = page.rect
    glyphs = read_glyphs(page, codes)
    rulings, images = read_graphics(page, rect.width, rect.height)
    return PageModel(number, rect.width, rect.height, glyphs, rulings, images)


def read_glyphs(page: pymupdf.Page, codes: GlyphCodes | None = None) -> list[Glyph]:
    """Every glyph of the text layer with its box, font and size, in content-stream order.

    Positions come from the text trace, not ``rawdict``: MuPDF's structured-text builder moves a zero-width mark
    drawn in a text object of its own (a raised tone mark) to the end of the previous line, where it no longer sits
    on its base glyph.  The trace keeps every glyph where it was drawn.  Glyphs the trace cannot map to Unicode
    (U+FFFD: legacy Thai fonts without a ToUnicode map) take the character code ``rawdict`` reports at the same
    origin (``É`` for a shifted MAI EK), which the Thai repair remaps by font family.  Hyphen variants a font
    draws with its one dash glyph are folded to ``-``, ligatures to their letters (``_GLYPH_FOLDS``): encoding
    artefacts, not content.
    """
    glyphs: list[Glyph] = []
    append = glyphs.append
    unknown: list[tuple[int, tuple[float, float], tuple[str, int]]] = []  # U+FFFD glyphs: index, origin, key
    x_max, y_max = page.rect.width + 1, page.rect.height + 1
    for span in page.get_texttrace():
        if span["dir"][1] != 0.0 or span["wmode"]:  # rotated or vertical text (stamps, side notes)
            continue
        font, size = span["font"], span["size"]
        for code, gid, origin, bbox in span["chars"]:
            if -1 <= bbox[0] <= x_max and -1 <= bbox[1] <= y_max:
                if code == 0xFFFD:
                    unknown.append((len(glyphs), origin, (font, gid)))
                append(Glyph(_GLYPH_FOLDS[code] if code in _GLYPH_FOLDS else chr(code), bbox, font, size))
    if unknown:
        _fill_unknown(page, glyphs, unknown, codes or GlyphCodes())
    return glyphs


def fold_presentation_forms(glyphs: list[Glyph]) -> tuple[list[Glyph], int]:
    """``glyphs`` with Arabic presentation forms read as their base letters (``ﻫ`` → ``ه``, ``ﻻ`` → ``لا``); how many."""
    folded = 0
    out = glyphs
    for index, g in enumerate(glyphs):
        if g.char and _is_presentation_form(g.char):
            base = unicodedata.normalize("NFKC", g.char)
            if base != g.char:
                if out is glyphs:
                    out = list(glyphs)
                out[index] = Glyph(base, g.bbox, g.font, g.size)
                folded += 1
    return out, folded


def rtl_glyph_count(glyphs: list[Glyph]) -> int:
    """How many glyphs are right-to-left letters (Unicode bidi class R or AL: Hebrew, Arabic, ...)."""
    return sum(1 for g in glyphs if g.char and is_rtl(g.char[0]))


def _is_presentation_form(char: str) -> bool:
    code = ord(char[0])
    return any(lo <= code <= hi for lo, hi in _PRESENTATION_FORMS)


def _fill_unknown(page: pymupdf.Page, glyphs: list[Glyph], unknown: list, codes: GlyphCodes) -> None:
    if codes.covers([key for _, _, key in unknown]):
        for index, _, key in unknown:
            _replace_char(glyphs, index, codes.known[key])
        return
    by_origin: dict[tuple[float, float], str] = {}
    for block in page.get_text("rawdict", flags=_TEXT_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for ch in span["chars"]:
                    # a code point of an unmapped legacy glyph (a zero-width glyph shares its origin with the next
                    # glyph, so only these codes are kept)
                    if "\x80" <= ch["c"] <= "\xff":
                        by_origin[(round(ch["origin"][0], 1), round(ch["origin"][1], 1))] = ch["c"]
    for index, (x, y), key in unknown:
        char = by_origin.get((round(x, 1), round(y, 1)))
        if char is not None:
            codes.learn(key, char)
            _replace_char(glyphs, index, char)
        elif key in codes.known and key not in codes.conflicted:  # rawdict lost it at this origin: use memory
            _replace_char(glyphs, index, codes.known[key])


def _replace_char(glyphs: list[Glyph], index: int, char: str) -> None:
    g = glyphs[index]
    glyphs[index] = Glyph(char, g.bbox, g.font, g.size)


def read_graphics(page: pymupdf.Page, width: float, height: float) -> tuple[list[Ruling], list[BBox]]:
    """Ruling segments from vector drawings, and image boxes (kept so that no content is silently lost)."""
    rulings: list[Ruling] = []
    for path in page.get_drawings():
        filled = path.get("fill") is not None and path["type"] in ("f", "fs")
        stroked = path["type"] in ("s", "fs")
        for item in path["items"]:
            op = item[0]
            if op == "l":
                _line_ruling(item[1], item[2], rulings)
            elif op == "re":
                _rect_rulings(item[1], filled, stroked, path.get("fill"), width, height, rulings)
            elif op == "qu":
                _rect_rulings(item[1].rect, filled, stroked, path.get("fill"), width, height, rulings)
    # image boxes need a pass over the page content: only when the page's resources hold images at all
    images = [tuple(info["bbox"]) for info in page.get_image_info()] if page.get_images() else []
    return rulings, images


def _line_ruling(p1, p2, out: list[Ruling]) -> None:
    if abs(p1.y - p2.y) < _AXIS_TOLERANCE and abs(p1.x - p2.x) >= _MIN_RULING:
        out.append(Ruling(True, (p1.y + p2.y) / 2, min(p1.x, p2.x), max(p1.x, p2.x)))
    elif abs(p1.x - p2.x) < _AXIS_TOLERANCE and abs(p1.y - p2.y) >= _MIN_RULING:
        out.append(Ruling(False, (p1.x + p2.x) / 2, min(p1.y, p2.y), max(p1.y, p2.y)))


def _rect_rulings(r, filled: bool, stroked: bool, fill, width: float, height: float, out: list[Ruling]) -> None:
    w, h = r.width, r.height
    if filled and h < _THIN and w >= _MIN_RULING:
        out.append(Ruling(True, (r.y0 + r.y1) / 2, r.x0, r.x1))
        return
    if filled and w < _THIN and h >= _MIN_RULING:
        out.append(Ruling(False, (r.x0 + r.x1) / 2, r.y0, r.y1))
        return
    if w < _MIN_RULING or h < _MIN_RULING:
        return
    if not stroked and not _is_cell_fill(fill, w, h, width, height):
        return
    out.append(Ruling(True, r.y0, r.x0, r.x1))
    out.append(Ruling(True, r.y1, r.x0, r.x1))
    out.append(Ruling(False, r.x0, r.y0, r.y1))
    out.append(Ruling(False, r.x1, r.y0, r.y1))


def _is_cell_fill(fill, w: float, h: float, width: float, height: float) -> bool:
    """A coloured (not white) fill smaller than most of the page: a shaded cell or header band."""
    if fill is None or min(fill) > 0.95:
        return False
    return w < 0.95 * width or h < 0.95 * height

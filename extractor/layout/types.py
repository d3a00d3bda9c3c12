"""Geometry types shared by the layout stage.

The layout stage works on any reader's page model (text-layer PDF today, OCR later): glyphs with a box, font and
size; ruling segments; the page size.  Coordinates are PDF points with a top-left origin (PyMuPDF's convention).
These are slotted dataclasses because one is made per glyph or per line on the hot path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Ruling:
    """A drawn horizontal or vertical line segment (a stroked line, a thin filled rectangle, a rectangle edge)."""

    horizontal: bool
    pos: float  # y of a horizontal ruling, x of a vertical one
    start: float  # x0 (horizontal) or y0 (vertical)
    end: float


@dataclass(slots=True)
class FootnoteMark:
    """A footnote reference glued to a word (smaller, raised digits), taken out of the line text."""

    text: str
    offset: int  # position in the line text where it was glued
    bbox: BBox


@dataclass(slots=True)
class TextLine:
    """One line of text: glyphs on a common baseline, combining marks attached to their base glyph."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # font size of the line's main text
    bold: bool
    marks: list[FootnoteMark] = field(default_factory=list)
    ends_with_space: bool = False  # a space glyph follows the last glyph (a wrap at a real space)
    lead_x1: float = 0.0  # right edge of the first word (up to the first space); 0.0 when not measured
    lead_edges: tuple[float, ...] = ()  # right edge of each base glyph of that first word (to measure a head of it)
    ink_widths: bool = False  # widths are ink read off an image (OCR), not the advances a typesetter measured

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.y0, self.x1, self.y1)

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(slots=True)
class PageModel:
    """What a reader hands to the layout stage for one page."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: list  # extractor.thai.glyphs.Glyph-like objects: .char, .bbox, .font, .size
    rulings: list[Ruling] = field(default_factory=list)
    images: list[BBox] = field(default_factory=list)
    from_image: bool = False  # glyphs read off a page image (OCR): a text layer's conventions say nothing of it

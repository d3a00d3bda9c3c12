"""Small PDFs drawn with PyMuPDF for the layout tests: Thai text in a TLWG font, ruled tables with merged cells."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
GARUDA = FONT_DIR / "Garuda.ttf"
GARUDA_BOLD = FONT_DIR / "Garuda-Bold.ttf"


def require_fonts() -> None:
    if not GARUDA.exists():
        pytest.skip("TLWG fonts (fonts-thai-tlwg) are not installed")


class Drawer:
    """A document being drawn page by page."""

    def __init__(self, width: float = 595, height: float = 842) -> None:
        require_fonts()
        self.doc = pymupdf.open()
        self.width, self.height = width, height
        self.page: pymupdf.Page | None = None

    def new_page(self) -> pymupdf.Page:
        self.page = self.doc.new_page(width=self.width, height=self.height)
        self.page.insert_font(fontname="garuda", fontfile=str(GARUDA))
        if GARUDA_BOLD.exists():
            self.page.insert_font(fontname="garudab", fontfile=str(GARUDA_BOLD))
        return self.page

    def text(self, x: float, y: float, text: str, size: float = 12, bold: bool = False) -> None:
        """Text with its baseline at y."""
        name = "garudab" if bold and GARUDA_BOLD.exists() else "garuda"
        self.page.insert_text((x, y), text, fontname=name, fontsize=size)

    def width_of(self, text: str, size: float = 12) -> float:
        return pymupdf.Font(fontfile=str(GARUDA)).text_length(text, fontsize=size)

    def line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.page.draw_line((x0, y0), (x1, y1), color=(0, 0, 0), width=0.7)

    def bytes(self) -> bytes:
        return self.doc.tobytes()


@dataclass
class CellSpec:
    """A cell to draw: grid position, spans, text lines."""

    row: int
    col: int
    lines: list[str]
    row_span: int = 1
    col_span: int = 1
    bold: bool = False


def draw_table(
    d: Drawer, x: float, y: float, col_widths: list[float], row_heights: list[float], cells: list[CellSpec], size=11
) -> None:
    """Draw a ruled table: the outer frame, and every cell edge except those inside a merged cell."""
    xs = [x]
    for w in col_widths:
        xs.append(xs[-1] + w)
    ys = [y]
    for h in row_heights:
        ys.append(ys[-1] + h)
    for c in cells:
        x0, x1 = xs[c.col], xs[c.col + c.col_span]
        y0, y1 = ys[c.row], ys[c.row + c.row_span]
        d.line(x0, y0, x1, y0)
        d.line(x0, y1, x1, y1)
        d.line(x0, y0, x0, y1)
        d.line(x1, y0, x1, y1)
        for k, text in enumerate(c.lines):
            d.text(x0 + 3, y0 + 3 + size * (k + 1) * 1.25, text, size=size, bold=c.bold)

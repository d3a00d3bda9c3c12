"""``extractor debug INPUT --page N -o PAGE.png``: one PDF page rendered with what the layout stage saw.

Drawn over a copy of the page: text lines (blue boxes), rulings (red), table regions (green frame) and their cells
(thin green; a cell spanning rows or columns is orange and labelled ``rows×cols``), footnote references (magenta).
It is the first thing to look at when a table comes out wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pymupdf

from extractor.errors import InputError
from extractor.ingest.pdf_page import read_page
from extractor.layout.document import analyse_page
from extractor.thai import repair_glyphs

BLUE, RED, GREEN, ORANGE, MAGENTA = (0.1, 0.3, 0.9), (0.9, 0.1, 0.1), (0.1, 0.6, 0.2), (1.0, 0.55, 0.0), (0.8, 0.0, 0.8)


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("debug", help="render a PDF page with glyph lines, rulings and table cells drawn on it")
    p.add_argument("input", type=Path, help="a born-digital PDF")
    p.add_argument("--page", type=int, required=True, help="1-based page number")
    p.add_argument("-o", "--output", type=Path, required=True, help="PNG to write")
    p.add_argument("--dpi", type=int, default=110)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    render_debug_page(args.input, args.page, args.output, dpi=args.dpi)
    print(f"wrote {args.output}")
    return 0


def render_debug_page(path: Path, number: int, output: Path, *, dpi: int = 110) -> None:
    """Write the annotated rendering of page ``number`` of ``path`` to ``output`` (PNG)."""
    try:
        doc = pymupdf.open(path)
    except (RuntimeError, ValueError) as exc:
        raise InputError(f"cannot open {path}: {exc}") from exc
    if not 1 <= number <= doc.page_count:
        raise InputError(f"page {number} out of range 1..{doc.page_count}")
    model = read_page(doc[number - 1], number)
    model.glyphs, _ = repair_glyphs(model.glyphs)
    layout = analyse_page(model)
    copy = pymupdf.open()
    copy.insert_pdf(doc, from_page=number - 1, to_page=number - 1)
    page = copy[0]
    _draw(page, model, layout)
    page.get_pixmap(dpi=dpi).save(str(output))


def _draw(page: pymupdf.Page, model, layout) -> None:
    for r in model.rulings:
        a, b = ((r.start, r.pos), (r.end, r.pos)) if r.horizontal else ((r.pos, r.start), (r.pos, r.end))
        page.draw_line(a, b, color=RED, width=0.8)
    for ln in layout.lines:
        page.draw_rect(pymupdf.Rect(ln.bbox), color=BLUE, width=0.4)
        for m in ln.marks:
            page.draw_rect(pymupdf.Rect(m.bbox), color=MAGENTA, width=0.8)
    for table in layout.tables:
        page.draw_rect(pymupdf.Rect(table.bbox), color=GREEN, width=1.6)
        for row in table.rows:
            for cell in row:
                spanned = cell.row_span > 1 or cell.col_span > 1
                rect = pymupdf.Rect(cell.bbox)
                page.draw_rect(rect, color=ORANGE if spanned else GREEN, width=1.2 if spanned else 0.4)
                if spanned:
                    page.insert_text((rect.x0 + 1, rect.y0 + 6), f"{cell.row_span}x{cell.col_span}", fontsize=5,
                                     color=ORANGE)
                for ln in cell.lines:
                    page.draw_rect(pymupdf.Rect(ln.bbox), color=BLUE, width=0.3)

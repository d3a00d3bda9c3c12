"""Second look at table cells Tesseract left empty: its page segmentation drops short isolated text in narrow
columns (the row numbers 5-12 of a project table, a lone ``-``), although the cell plainly holds ink.

The ruled grid of the page (the rulings found in the bitmap) gives the cells; a cell with a fair amount of ink
that no OCR word covers is a *blank-read cell*.  Their crops are stacked one under the other into a strip, a
cell's height apart, and read in one Tesseract call (``--psm 6``: a single block of text lines); each line read
goes back to the cell whose slot it falls in, as an OCR line in page pixels.  One call per page that has such
cells, none for the others.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractor.ingest.ocr_tesseract import OcrLine, OcrWord, parse_hocr, run_tesseract
from extractor.layout.types import Ruling

INSET = 4  # pixels kept clear of the cell's rulings (their grey fringe)
MIN_INK_EM2 = 0.04  # a cell holds text when its uncovered ink is at least this share of an em square
WORD_MARGIN = 3  # pixels around an OCR word's box counted as covered
MIN_CELL_PT = 6.0  # rulings closer than this are one rule drawn twice, not a cell


@dataclass(slots=True)
class CellBox:
    x0: int
    y0: int
    x1: int
    y1: int


def grid_cells(rulings: list[Ruling], scale: float) -> list[CellBox]:
    """Cells (pixels) between consecutive horizontal rules and the vertical rules crossing both.

    A rule left slightly tilted after deskewing is found as pieces on neighbouring rows: rulings closer than
    ``MIN_CELL_PT`` are one rule (their extents joined), and a vertical rule crosses a row when its pieces cover
    most of the row's height.
    """
    px = 1.0 / scale
    rows = _clusters([r for r in rulings if r.horizontal])
    columns = _clusters([r for r in rulings if not r.horizontal])
    cells: list[CellBox] = []
    for (top, top_pieces), (bottom, bottom_pieces) in zip(rows, rows[1:]):
        xs = [x for x, pieces in columns if _covers(pieces, top, bottom) and _covers(top_pieces, x, x) and _covers(bottom_pieces, x, x)]
        for a, b in zip(xs, xs[1:]):
            if b - a >= MIN_CELL_PT:
                cells.append(CellBox(int(a * px) + INSET, int(top * px) + INSET, int(b * px) - INSET, int(bottom * px) - INSET))
    return cells


def _clusters(rulings: list[Ruling]) -> list[tuple[float, list[tuple[float, float]]]]:
    """(position, extents of its pieces) of each rule, rulings closer than ``MIN_CELL_PT`` taken as one."""
    out: list[tuple[float, list[tuple[float, float]]]] = []
    for r in sorted(rulings, key=lambda r: r.pos):
        if out and r.pos - out[-1][0] < MIN_CELL_PT:
            out[-1][1].append((r.start, r.end))
        else:
            out.append((r.pos, [(r.start, r.end)]))
    return out


def _covers(pieces: list[tuple[float, float]], lo: float, hi: float, tol: float = 3.0) -> bool:
    """Do the pieces cover [lo, hi] (points) but for a small share, within ``tol``?"""
    if hi - lo <= 2 * tol:
        return any(a - tol <= lo and hi <= b + tol for a, b in pieces)
    covered = sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in pieces)
    return covered >= 0.8 * (hi - lo)


def blank_read_cells(cells: list[CellBox], ink: np.ndarray, lines: list[OcrLine], em: float) -> list[CellBox]:
    """The cells holding ink that no OCR word covers."""
    covered = np.zeros_like(ink)
    for line in lines:
        for w in line.words:
            x0, y0, x1, y1 = w.bbox
            covered[max(0, y0 - WORD_MARGIN) : y1 + WORD_MARGIN + 1, max(0, x0 - WORD_MARGIN) : x1 + WORD_MARGIN + 1] = True
    out = []
    for c in cells:
        if c.x1 <= c.x0 or c.y1 <= c.y0:
            continue
        loose = ink[c.y0 : c.y1, c.x0 : c.x1] & ~covered[c.y0 : c.y1, c.x0 : c.x1]
        if loose.sum() >= MIN_INK_EM2 * em * em and not covered[c.y0 : c.y1, c.x0 : c.x1].any():
            out.append(c)
    return out


def reread_cells(pixels: np.ndarray, cells: list[CellBox], dpi: int) -> list[OcrLine]:
    """OCR lines (page pixels) read from the cells' crops, stacked into one strip."""
    if not cells:
        return []
    gap = max(c.y1 - c.y0 for c in cells)
    width = max(c.x1 - c.x0 for c in cells) + 2 * gap
    slots, y = [], gap
    for c in cells:
        slots.append(y)
        y += (c.y1 - c.y0) + gap
    strip = np.full((y, width), 255, dtype=np.uint8)
    for c, top in zip(cells, slots):
        strip[top : top + c.y1 - c.y0, gap : gap + c.x1 - c.x0] = pixels[c.y0 : c.y1, c.x0 : c.x1]
    out: list[OcrLine] = []
    for line in parse_hocr(run_tesseract(strip, dpi, psm=6)):
        middle = (line.bbox[1] + line.bbox[3]) / 2
        for c, top in zip(cells, slots):
            if top <= middle < top + (c.y1 - c.y0):
                out.append(_moved(line, c.x0 - gap, c.y0 - top))
                break
    return out


def _moved(line: OcrLine, dx: int, dy: int) -> OcrLine:
    def box(b: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)

    words = [OcrWord(w.text, box(w.bbox), w.confidence, w.bold) for w in line.words]
    return OcrLine(box(line.bbox), line.baseline + dy, line.x_size, words)

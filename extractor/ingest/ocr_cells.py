"""Second look at ink Tesseract did not read: its page segmentation drops short isolated text, in narrow table
columns (the row numbers 5-12 of a project table, a lone ``-``) and elsewhere (a short bold part heading,
``ส่วนที่ 1``, alone at the top of a page), although the page plainly holds ink there.

Two kinds of regions: *blank-read cells* (the ruled grid of the page, from the rulings found in the bitmap, gives
the cells; a cell with a fair amount of ink and no OCR word), and *unread lines* outside them (bands of ink no OCR
word covers, cut at wide gaps, of a text line's height).  Their crops are stacked one under the other into a
strip, a region's height apart, and read in one Tesseract call (``--psm 6``: a single block of text lines); each
line read goes back to the region whose slot it falls in, as an OCR line in page pixels.  One call per page that has
such regions, none for the others.
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
UNREAD_GAP_EM = 1.5  # unread ink further apart than this (em) on a band is two regions
MIN_LINE_EM, MAX_LINE_EM = 0.5, 2.5  # an unread region is a text line: its height in em


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


def covered_by(lines: list[OcrLine], shape: tuple[int, int], margin: int = WORD_MARGIN, whole_lines: bool = False) -> np.ndarray:
    """The pixels under the OCR words' boxes (or the lines' boxes), with a margin."""
    covered = np.zeros(shape, dtype=bool)
    boxes = [line.bbox for line in lines] if whole_lines else [w.bbox for line in lines for w in line.words]
    for x0, y0, x1, y1 in boxes:
        covered[max(0, y0 - margin) : y1 + margin + 1, max(0, x0 - margin) : x1 + margin + 1] = True
    return covered


def unread_lines(ink: np.ndarray, lines: list[OcrLine], cells: list[CellBox], em: float) -> list[CellBox]:
    """Boxes of text-line height around ink outside every OCR line (its marks included: half an em around it)
    and outside the grid's cells (read as cells)."""
    loose = ink & ~covered_by(lines, ink.shape, int(0.5 * em), whole_lines=True)
    for c in cells:
        loose[c.y0 - INSET : c.y1 + INSET, c.x0 - INSET : c.x1 + INSET] = False
    out: list[CellBox] = []
    for top, bottom in _spans(loose.sum(axis=1) > 0, gap=max(1, int(0.15 * em))):
        band = loose[top:bottom]
        for left, right in _spans(band.sum(axis=0) > 0, gap=int(UNREAD_GAP_EM * em)):
            box = band[:, left:right]
            rows = np.flatnonzero(box.any(axis=1))
            height = rows[-1] - rows[0] + 1
            if MIN_LINE_EM * em <= height <= MAX_LINE_EM * em and right - left >= MIN_LINE_EM * em and box.sum() >= MIN_INK_EM2 * em * em:
                pad = int(0.3 * em)
                out.append(CellBox(max(0, left - pad), max(0, top + rows[0] - pad), right + pad, top + rows[-1] + 1 + pad))
    return out


def _spans(present: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in ``present``, runs closer than ``gap`` merged."""
    idx = np.flatnonzero(present)
    if not len(idx):
        return []
    breaks = np.flatnonzero(np.diff(idx) > gap)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]])) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def blank_read_cells(cells: list[CellBox], ink: np.ndarray, covered: np.ndarray, em: float) -> list[CellBox]:
    """The cells holding ink where no OCR word is."""
    out = []
    for c in cells:
        if c.x1 <= c.x0 or c.y1 <= c.y0:
            continue
        loose = ink[c.y0 : c.y1, c.x0 : c.x1] & ~covered[c.y0 : c.y1, c.x0 : c.x1]
        if loose.sum() >= MIN_INK_EM2 * em * em and not covered[c.y0 : c.y1, c.x0 : c.x1].any():
            out.append(c)
    return out


def reread_regions(pixels: np.ndarray, cells: list[CellBox], dpi: int) -> list[OcrLine]:
    """OCR lines (page pixels) read from the regions' crops, stacked into one strip."""
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

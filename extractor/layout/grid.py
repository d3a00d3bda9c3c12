"""The cell grid of a table region, with row and column spans.

A ruled table's grid lines are the distinct x positions of its vertical rulings and y positions of its horizontal
ones.  Two neighbouring grid cells belong to one (merged) cell when the ruling between them is not drawn; cells are
the connected regions, so every cell knows its row span and column span (pdfplumber and PyMuPDF lose them).

Then a ruled row that holds several text rows (budget tables often rule only groups of rows) is split into one row
per text line when the split is clean — at least two columns have a line at every start position — and the evidence
is strong: a column whose every line is a value of its own (an amount, a dash, a code), or a key column whose every
line opens with a row number.  Lines on common baselines alone prove nothing: a word processor wraps all the cells
of a row onto the same baselines (``หน่วยงาน / รับผิดชอบหลัก`` beside ``ตัววัดผลหลัก / (Key Result : KR)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extractor.layout.rulings import cluster_positions, covered
from extractor.layout.types import BBox, Ruling, TextLine

GRID_TOLERANCE = 3.0  # grid lines closer than this are one (double rules under a total row)
EDGE_COVERAGE = 0.6  # a boundary is drawn when rulings cover this fraction of it
MIN_BAND = 3.0  # rows or columns thinner than this are gaps between double rules, not cells
# a line that is a value of its own: an amount or count, a dash standing for zero/none, a numeric code
# (not in parentheses: ``( 40 )`` under a target is last year's result, a note on the value above)
_VALUE_LINE = re.compile(r"^[-+]?[\d๐-๙][\d๐-๙,./:-]*%?$|^[-–—‐]$")
# a line opening a numbered row: ``1.``, ``2)``, ``(3)``
_ROW_NUMBER = re.compile(r"^(?:[\d๐-๙]{1,3}[.)]|\([\d๐-๙]{1,3}\))(?:\s|$)")


@dataclass(slots=True)
class GridCell:
    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBox
    glyphs: list = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)


@dataclass(slots=True)
class Grid:
    xs: list[float]
    ys: list[float]
    cells: list[GridCell]  # row-major by (row, col) of their top-left grid cell

    @property
    def bbox(self) -> BBox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


def build_grid(hs: list[Ruling], vs: list[Ruling]) -> Grid | None:
    """The grid of a ruled table from its horizontal and vertical rulings, or None when it has no cells."""
    xs = _bands(cluster_positions([v.pos for v in vs], GRID_TOLERANCE))
    ys = _bands(cluster_positions([h.pos for h in hs], GRID_TOLERANCE))
    if len(xs) < 2 or len(ys) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and covered(vs, xs[c + 1], ys[r], ys[r + 1], GRID_TOLERANCE) < EDGE_COVERAGE:
                parent[find(here)] = find(here + 1)
            if r + 1 < n_rows and covered(hs, ys[r + 1], xs[c], xs[c + 1], GRID_TOLERANCE) < EDGE_COVERAGE:
                parent[find(here)] = find(here + n_cols)
    regions: dict[int, list[int]] = {}
    for i in range(n_rows * n_cols):
        regions.setdefault(find(i), []).append(i)
    cells = []
    for members in regions.values():
        rows = [m // n_cols for m in members]
        cols = [m % n_cols for m in members]
        r0, r1, c0, c1 = min(rows), max(rows), min(cols), max(cols)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return Grid(xs, ys, cells)


def _bands(positions: list[float]) -> list[float]:
    """Drop grid lines that would make bands thinner than MIN_BAND."""
    out: list[float] = []
    for p in positions:
        if out and p - out[-1] < MIN_BAND:
            continue
        out.append(p)
    return out


def cell_index(grid: Grid) -> dict[tuple[int, int], GridCell]:
    """Every grid position → the (possibly merged) cell covering it."""
    index: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.row_span):
            for c in range(cell.col, cell.col + cell.col_span):
                index[(r, c)] = cell
    return index


@dataclass(slots=True)
class LogicalCell:
    """A cell of the final table: grid position, spans and its text lines."""

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: BBox
    lines: list[TextLine]


def logical_rows(grid: Grid) -> list[list[LogicalCell]]:
    """Rows of cells, ruled rows split into text rows where the split is clean (see module doc)."""
    by_row: dict[int, list[GridCell]] = {}
    for cell in grid.cells:
        by_row.setdefault(cell.row, []).append(cell)
    spanning_rows = {r for cell in grid.cells if cell.row_span > 1 for r in range(cell.row, cell.row + cell.row_span)}
    out: list[list[LogicalCell]] = []
    row_map: dict[int, int] = {}  # grid row → first logical row
    for r in range(grid.n_rows):
        row_map[r] = len(out)
        cells = by_row.get(r, [])
        starts = [] if r in spanning_rows else _split_points(cells)
        if len(starts) < 2:
            out.append([LogicalCell(c.row, c.col, c.row_span, c.col_span, c.bbox, c.lines) for c in cells])
            continue
        out.extend(_split_row(cells, starts))
    # row spans count logical rows: a cell spanning grid rows r..r+k spans the logical rows they became
    for row in out:
        for cell in row:
            if cell.row_span > 1:
                end = cell.row + cell.row_span
                last = row_map[end] if end in row_map else len(out)
                cell.row_span = last - row_map[cell.row]
    for index, row in enumerate(out):
        for cell in row:
            cell.row = index
    return out


def _line_centre(line: TextLine) -> float:
    return (line.y0 + line.y1) / 2


def _split_points(cells: list[GridCell]) -> list[float]:
    """Centres of the text rows that start a new row, or [] when the ruled row is one row (see module doc).

    The starts are the lines of the record columns (every line a value or a numbered row); each start must open a
    line in another column too.  Lines of other columns between two starts are wrapped text of the row above.
    """
    filled = [c for c in cells if c.lines]
    records = [c for c in filled if len(c.lines) >= 2 and _lines_are_records(c)]
    if len(filled) < 2 or not records:
        return []
    heights = [ln.height for c in filled for ln in c.lines]
    tolerance = 0.4 * (sum(heights) / len(heights))
    starts = cluster_positions([_line_centre(ln) for c in records for ln in c.lines], tolerance)
    if len(starts) < 2 or any(sum(1 for c in filled if _has_line_at(c, y, tolerance)) < 2 for y in starts):
        return []
    return starts


def _lines_are_records(cell: GridCell) -> bool:
    """Every line of the cell is a value of its own, or every line opens with a row number: one record per line."""
    texts = [ln.text.strip() for ln in cell.lines]
    return all(_VALUE_LINE.match(t) for t in texts) or all(_ROW_NUMBER.match(t) for t in texts)


def _has_line_at(cell: GridCell, y: float, tolerance: float) -> bool:
    return any(abs(_line_centre(ln) - y) <= tolerance for ln in cell.lines)


def _split_row(cells: list[GridCell], starts: list[float]) -> list[list[LogicalCell]]:
    heights = [ln.height for c in cells for ln in c.lines]
    tolerance = min(0.4 * (sum(heights) / len(heights)), 0.4 * min(b - a for a, b in zip(starts, starts[1:])))
    rows: list[list[LogicalCell]] = [[] for _ in starts]
    for cell in cells:
        buckets: list[list[TextLine]] = [[] for _ in starts]
        for ln in cell.lines:
            buckets[_bucket(_line_centre(ln), starts, tolerance)].append(ln)
        for k, lines in enumerate(buckets):
            x0, _, x1, _ = cell.bbox
            y0 = min((ln.y0 for ln in lines), default=starts[k])
            y1 = max((ln.y1 for ln in lines), default=starts[k])
            rows[k].append(LogicalCell(cell.row, cell.col, 1, cell.col_span, (x0, y0, x1, y1), lines))
    return rows


def _bucket(y: float, starts: list[float], tolerance: float) -> int:
    index = 0
    for k, s in enumerate(starts):
        if y >= s - tolerance:
            index = k
    return index

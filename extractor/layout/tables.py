"""Table regions of a page → table blocks (rows of cells with spans, header rows, provenance).

Ruled tables come from the page's rulings (``rulings`` + ``grid``); the glyphs inside a table are split by cell
*before* lines are built, so a cell's wrapped lines are joined inside the cell and never mixed with the
neighbouring cell.  Borderless tables come from aligned line segments (``borderless``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex as re

from extractor.blocks import Block, BlockKind, Cell, Provenance, Repair, Row
from extractor.layout.grid import Grid, LogicalCell, build_grid, cell_index, logical_rows
from extractor.layout.lines import build_lines
from extractor.layout.rulings import merge_rulings, ruling_groups
from extractor.layout.paragraphs import LineOpenings, broke_early, opens_written_item
from extractor.layout.text import joined_text
from extractor.layout.types import BBox, PageModel, TextLine

MAX_HEADER_ROWS = 4
_EDGE_SLACK = 2.0  # points a line may start right of a cell's left text edge and still be at it
# a number that is data, not a header label: amounts with separators/decimals, or a dash standing for zero
_DATA_NUMBER = re.compile(
    r"^[-+(]?[\d๐-๙][\d๐-๙,]*\.[\d๐-๙]+\)?$|^[\d๐-๙]{1,3}(,[\d๐-๙]{3})+$|^[-–—]$|^[\d๐-๙]{1,3}$"
)


@dataclass(slots=True)
class TableRegion:
    """A table found on a page, before it becomes a block: cells in logical rows, with their lines."""

    bbox: BBox
    rows: list[list[LogicalCell]]
    n_cols: int
    ruled: bool
    col_edges: list[float]


def find_ruled_tables(page: PageModel) -> tuple[list[TableRegion], list]:
    """Ruled tables of the page and the glyphs left outside them."""
    grids = [g for g in (build_grid(h, v) for h, v, _ in ruling_groups(merge_rulings(page.rulings))) if g]
    grids = [g for g in grids if g.n_rows * g.n_cols >= 2]
    if not grids:
        return [], page.glyphs
    rest = _assign_glyphs(page.glyphs, grids)
    regions = []
    for grid in grids:
        for cell in grid.cells:
            if cell.glyphs:
                cell.lines = build_lines(cell.glyphs, split_segments=False)
        rows = logical_rows(grid)
        if any(cell.lines for row in rows for cell in row):
            regions.append(TableRegion(grid.bbox, rows, grid.n_cols, True, list(grid.xs)))
        else:  # a frame with no text (a box around a figure, a signature line): its glyphs are page text
            rest.extend(g for cell in grid.cells for g in cell.glyphs)
    return regions, rest


def _assign_glyphs(glyphs: list, grids: list[Grid]) -> list:
    """Put each glyph in the grid cell containing its centre (a glyph across a column line: see ``_column_of``);
    return the glyphs outside every grid."""
    frames = [(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1], g.xs, g.ys, cell_index(g)) for g in grids]
    rest = []
    keep = rest.append
    for i, glyph in enumerate(glyphs):
        x0, y0, x1, y1 = glyph.bbox
        x = (x0 + x1) * 0.5 - 0.01  # zero-width marks sit on their base's right edge: lean left
        y = (y0 + y1) * 0.5
        for fx0, fy0, fx1, fy1, xs, ys, index in frames:
            if fx0 <= x < fx1 and fy0 <= y < fy1:
                cell = index.get((bisect_right(ys, y) - 1, _column_of(glyphs, i, xs, bisect_right(xs, x) - 1)))
                if cell is not None:
                    cell.glyphs.append(glyph)
                    break
        else:
            keep(glyph)
    return rest


_TOUCH = 0.5  # points between two glyphs of one word (a scan's word is cut into glyphs edge to edge)


def _column_of(glyphs: list, i: int, xs: list[float], column: int) -> int:
    """The column of glyph ``i``, whose centre lies in ``column``.  A glyph across a column line goes with the
    word it belongs to: a scan's word box can reach over the ruling (``ร|้อยละ`` where the cell holds ร้อยละ, the
    row number's cell getting the ร), and text can run over a cell's edge.  It starts a word that goes on across
    the line (it touches the next glyph, not the one before): the next column; it ends a word that came from
    across the line: the column before."""
    x0, _, x1, _ = glyphs[i].bbox
    if column + 2 < len(xs) and x1 > xs[column + 1]:
        line = xs[column + 1]
        if _touches(glyphs, i, i + 1) and not _touches(glyphs, i - 1, i) and glyphs[i + 1].bbox[0] >= line:
            return column + 1
    if column > 0 and x0 < xs[column]:
        line = xs[column]
        if _touches(glyphs, i - 1, i) and not _touches(glyphs, i, i + 1) and glyphs[i - 1].bbox[2] <= line:
            return column - 1
    return column


def _touches(glyphs: list, left: int, right: int) -> bool:
    """Whether two glyphs of the list sit edge to edge on one line (neither a space)."""
    if left < 0 or right >= len(glyphs):
        return False
    a, b = glyphs[left], glyphs[right]
    if not a.char.strip() or not b.char.strip():
        return False
    return abs(b.bbox[0] - a.bbox[2]) <= _TOUCH and a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3]


@dataclass(slots=True)
class CellEnds:
    """A cell's first and last text line and its text edges: what joining its text across a page break needs."""

    first: TextLine
    last: TextLine
    left: float
    right: float
    spaces_kept: bool

    def written_break_before(self, below: CellEnds) -> bool:
        """The cell's text ended where the author broke the line (``paragraphs.broke_early``), not in a wrap, before
        ``below``, the text that goes on in the same column on the next page."""
        return broke_early(self.last, below.first, self.left, self.right, self.spaces_kept)


def region_block(
    region: TableRegion,
    page: int,
    ends: dict[int, CellEnds] | None = None,
    openings: LineOpenings | None = None,
    spaces_kept: bool = False,
) -> Block:
    """The table block of a region: cells with spans, row-spanned values copied below as ``inherited`` cells.
    ``ends`` receives, by ``id`` of each cell with text, its first and last lines (for stitching across pages);
    ``openings``: the document's evidence of written line breaks the geometry cannot prove; ``spaces_kept``: the
    document's text layer keeps a wrap's space glyph (``document.keeps_line_end_spaces``), else the table's own."""
    rows: list[Row] = []
    bold_rows: list[bool] = []
    # OCR shows no wrap's space (a space it reads at a line end is before a speck): a join there may stand at one,
    # and a line ending without one before a digit or a bracket may have wrapped at one (not a written break)
    spaces_kept = spaces_kept or _spaces_kept(region, read_off_image=False)
    carried: dict[int, tuple[Cell, int]] = {}  # column → (cell spanning down, rows left)
    spaced = openings.spaced if openings else None
    for logical in region.rows:
        cells: list[Cell] = []
        for cell in logical:
            text, raw, repairs, joins = joined_text(
                cell.lines, _hard_break_in(cell, spaces_kept, openings), spaced, spaces_kept
            )
            # footnote numbers glued to a word left the text: recorded, as in text blocks (layout.paragraphs)
            repairs += tuple(Repair("layout.footnote_ref", m.offset, m.text, "") for ln in cell.lines for m in ln.marks)
            made = Cell(
                text, raw, cell.row_span, cell.col_span, False, Provenance(page=page, bbox=cell.bbox), repairs, joins
            )
            if ends is not None and cell.lines:
                ends[id(made)] = _cell_ends(cell, spaces_kept)
            cells.append(made)
            if cell.row_span > 1:
                carried[cell.col] = (made, cell.row_span - 1)
        cells = _with_inherited(cells, logical, carried)
        y0 = min(c.bbox[1] for c in logical) if logical else region.bbox[1]
        y1 = max(c.bbox[3] for c in logical) if logical else region.bbox[3]
        rows.append(Row(cells, Provenance(page=page, bbox=(region.bbox[0], y0, region.bbox[2], y1))))
        lines = [ln for c in logical for ln in c.lines]
        bold_rows.append(bool(lines) and all(ln.bold for ln in lines))
    mark_header_rows(rows, bold_rows)
    return Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=page, bbox=region.bbox))


def _cell_ends(cell: LogicalCell, spaces_kept: bool) -> CellEnds:
    left, right = _text_edges(cell)
    return CellEnds(cell.lines[0], cell.lines[-1], left, right, spaces_kept)


def _text_edges(cell: LogicalCell) -> tuple[float, float]:
    """The left and right edges of a cell's text: the cell edges less the padding seen on the left."""
    left = min((ln.x0 for ln in cell.lines), default=cell.bbox[0])
    return left, cell.bbox[2] - max(left - cell.bbox[0], 0.0)


def _spaces_kept(region: TableRegion, read_off_image: bool = True) -> bool:
    """The table's text layer keeps the space glyph at the end of lines wrapped at a space (``read_off_image``:
    lines OCR read, ``ink_widths``, count too)."""
    lines = (ln for row in region.rows for cell in row for ln in cell.lines)
    return any(ln.ends_with_space and (read_off_image or not ln.ink_widths) for ln in lines)


def line_breaks(region: TableRegion, spaces_kept: bool = False) -> Iterator[tuple[TextLine, TextLine, bool]]:
    """Each break between two lines of a cell that both start at its left text edge, and whether the geometry
    proves it written (``paragraphs.broke_early``): the evidence ``LineOpenings`` learns from (``spaces_kept``: as
    ``region_block`` takes it; here a space OCR read at a line end counts too, so a scan's break after a number or
    a bracket counts as proven, as the openings were tuned on: without it 002 lost ``ส่วนราชการ`` as an opening)."""
    spaces_kept = spaces_kept or _spaces_kept(region)
    for row in region.rows:
        for cell in row:
            left, right = _text_edges(cell)
            kept = [ln for ln in cell.lines if ln.text]
            for prev, ln in zip(kept, kept[1:]):
                if _at_left_edge(prev, ln, left):
                    yield prev, ln, broke_early(prev, ln, left, right, spaces_kept)


def _at_left_edge(prev: TextLine, ln: TextLine, left: float) -> bool:
    """Both lines start at the cell's left text edge (a break between them is a wrap or a written break)."""
    return prev.x0 <= left + _EDGE_SLACK and ln.x0 <= left + _EDGE_SLACK


def _hard_break_in(
    cell: LogicalCell, spaces_kept: bool, openings: LineOpenings | None = None
) -> Callable[[TextLine, TextLine], bool]:
    """The test of a line break the author wrote inside ``cell`` (``paragraphs.broke_early``): against the cell's
    right text edge (the cell edge less the padding seen on the left); ``spaces_kept`` when the table's text layer
    keeps the space glyph at the end of lines wrapped at a space.  Where the geometry proves nothing (the line
    above is full), a scan's line opening a list item of a kind the cell breaks before is written
    (``paragraphs.opens_written_item``), and ``openings`` decides between two lines at the left edge by the
    document's evidence."""
    left, right = _text_edges(cell)
    kept = [ln for ln in cell.lines if ln.text]
    following = {id(a): b for a, b in zip(kept, kept[1:])}

    def proven(prev: TextLine, ln: TextLine) -> bool:
        return broke_early(prev, ln, left, right, spaces_kept)

    def hard_break(prev: TextLine, ln: TextLine) -> bool:
        if proven(prev, ln) or opens_written_item(ln, kept, proven):
            return True
        if openings is None or not _at_left_edge(prev, ln, left):
            return False
        return openings.written(prev, ln, following.get(id(ln)))

    return hard_break


def _with_inherited(cells: list[Cell], logical: list[LogicalCell], carried: dict[int, tuple[Cell, int]]) -> list[Cell]:
    """Insert copies of cells spanning down from rows above, in column order (marked ``inherited``)."""
    own_cols = {c.col for c in logical}
    extra: list[tuple[int, Cell]] = []
    for col, (source, left) in list(carried.items()):
        if col in own_cols:
            continue
        copy = Cell(source.text, source.raw, 1, source.col_span, True, source.provenance, wrap_joins=source.wrap_joins)
        extra.append((col, copy))
        if left <= 1:
            del carried[col]
        else:
            carried[col] = (source, left - 1)
    if not extra:
        return cells
    ordered = [(c.col, cell) for c, cell in zip(logical, cells)] + extra
    ordered.sort(key=lambda item: item[0])
    return [cell for _, cell in ordered]


def mark_header_rows(rows: list[Row], bold_rows: list[bool]) -> None:
    """Mark the leading rows that are column labels.

    When the first row has spanning cells, the header is what they span: the rows a row-spanning label covers, or
    the row of sub-labels under a column-spanning one.  Otherwise the candidates are the run of label rows at the
    top (no amount-like number; at most MAX_HEADER_ROWS, never the whole table): the run is the header when data
    rows follow it (then at most two rows: a longer run is text, not labels); else only a bold first row over
    non-bold rows is a header.
    """
    if len(rows) < 2:
        return
    first = [c for c in rows[0].cells if not c.inherited]
    if any(c.row_span > 1 or c.col_span > 1 for c in first):
        count = max(max(c.row_span for c in first), 2 if any(c.col_span > 1 for c in first) else 1)
        count = min(count, MAX_HEADER_ROWS, len(rows) - 1)
    else:
        limit = min(MAX_HEADER_ROWS, len(rows) - 1)
        count = 0
        while count < limit and label_row(rows[count]):
            count += 1
        if count == 0:
            return
        if not (_differs_below(rows, count) and count <= 2):
            if not (bold_rows[0] and not bold_rows[1]):
                return
            count = 1
    for row in rows[:count]:
        row.is_header = True


def label_row(row: Row) -> bool:
    """A row of labels: some text, and no cell that is a data number (an amount, a dash standing for zero)."""
    texts = [c.text for c in row.cells if c.text and not c.inherited]
    return bool(texts) and not any(_DATA_NUMBER.match(t) for t in texts)


def _differs_below(rows: list[Row], count: int) -> bool:
    """The row below the candidate header holds data (a number) — the usual shape of a labelled table."""
    if count >= len(rows):
        return False
    return any(_DATA_NUMBER.match(c.text) for c in rows[count].cells if c.text)


def line_rows(lines: list[TextLine]) -> list[list[TextLine]]:
    """Group segments sharing a vertical band into rows, top to bottom."""
    rows: list[list[TextLine]] = []
    for ln in sorted(lines, key=lambda t: ((t.y0 + t.y1) / 2, t.x0)):
        cy = (ln.y0 + ln.y1) / 2
        if rows:
            last = rows[-1][0]
            if abs(cy - (last.y0 + last.y1) / 2) <= 0.35 * max(last.height, ln.height):
                rows[-1].append(ln)
                continue
        rows.append([ln])
    for row in rows:
        row.sort(key=lambda t: t.x0)
    return rows

"""Borderless tables: runs of text rows whose segments line up in columns.

A line is cut into segments at wide gaps (``lines.SEGMENT_GAP``).  Consecutive rows with two or more segments form a
candidate; its columns are the x intervals no segment crosses (the projection of all segments, merged where they
overlap).  The run is a table when it has at least MIN_ROWS rows and two columns, and every row puts at most one
segment in most columns (segments sharing a column are one cell's words).  Budget summaries (``งบประมาณรายจ่าย  478,966,500  บาท``) are the typical case.
"""

from __future__ import annotations

from extractor.layout.grid import LogicalCell
from extractor.layout.tables import TableRegion, line_rows
from extractor.layout.types import TextLine

MIN_ROWS = 3
MAX_ROW_GAP = 1.6  # rows further apart than this × line height end the run


def find_borderless_tables(lines: list[TextLine]) -> tuple[list[TableRegion], list[TextLine]]:
    """Borderless table regions among ``lines`` (segments), and the lines not used by any table."""
    rows = line_rows(lines)
    regions: list[TableRegion] = []
    rest: list[TextLine] = []
    run: list[list[TextLine]] = []
    for row in rows + [[]]:
        if len(row) >= 2 and (not run or _close(run[-1], row)):
            run.append(row)
            continue
        _close_run(run, regions, rest)
        run = [row] if len(row) >= 2 else []
        if len(row) < 2:
            rest.extend(row)
    return regions, rest


def _close(previous: list[TextLine], row: list[TextLine]) -> bool:
    h = max(ln.height for ln in previous)
    return min(ln.y0 for ln in row) - max(ln.y1 for ln in previous) <= MAX_ROW_GAP * h


def _close_run(run: list[list[TextLine]], regions: list[TableRegion], rest: list[TextLine]) -> None:
    region = _as_table(run) if len(run) >= MIN_ROWS else None
    if region is None:
        rest.extend(ln for row in run for ln in row)
    else:
        regions.append(region)


def _as_table(run: list[list[TextLine]]) -> TableRegion | None:
    columns = _columns([ln for row in run for ln in row])
    if len(columns) < 2:
        return None
    table_rows: list[list[LogicalCell]] = []
    for r, row in enumerate(run):
        by_col: dict[int, list[TextLine]] = {}
        for ln in row:
            col = next(i for i, (a, b) in enumerate(columns) if a <= ln.x0 <= b)
            by_col.setdefault(col, []).append(ln)
        if sum(len(v) > 1 for v in by_col.values()) * 2 > len(by_col):
            return None  # segments do not line up: a wide-spaced paragraph, not a table
        y0 = min(ln.y0 for ln in row)
        y1 = max(ln.y1 for ln in row)
        table_rows.append(
            [LogicalCell(r, c, 1, 1, (a, y0, b, y1), by_col.get(c, [])) for c, (a, b) in enumerate(columns)]
        )
    x0 = columns[0][0]
    x1 = columns[-1][1]
    y0 = min(ln.y0 for ln in run[0])
    y1 = max(ln.y1 for ln in run[-1])
    edges = [a for a, _ in columns] + [x1]
    return TableRegion((x0, y0, x1, y1), table_rows, len(columns), False, edges)


def _columns(lines: list[TextLine]) -> list[tuple[float, float]]:
    """x intervals covered by segments, merged where they overlap."""
    out: list[list[float]] = []
    for ln in sorted(lines, key=lambda t: t.x0):
        if out and ln.x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], ln.x1)
        else:
            out.append([ln.x0, ln.x1])
    return [(a, b) for a, b in out]

"""Tables continued across pages → one table.

A table that ends a page and a table that opens the next page with the same columns are one table.  On the join:
leading rows of the continuation that repeat the header rows are dropped; a first row whose leading cell is empty
continues the row cut by the page break and is merged into it (text cells joined with the Thai wrap rules) when its
filled cells do not clash with filled cells above; otherwise it is kept and marked ``is_continuation``.
"""

from __future__ import annotations

from extractor.blocks import Block, Cell, Row
from extractor.layout.text import wrap_glue
from extractor.thai import join_wrapped

EDGE_TOLERANCE = 6.0  # column edges of the two parts may differ this much (points)
_DASHES = frozenset("-–—")  # a cell holding only a dash: no code, no budget


def n_columns(block: Block) -> int:
    return max((sum(c.col_span for c in row.cells) for row in block.rows), default=0)


def compatible(first: Block, second: Block, first_edges: list[float], second_edges: list[float]) -> bool:
    """Same column count, and the same column edges when both are known."""
    if n_columns(first) != n_columns(second):
        return False
    if len(first_edges) == len(second_edges) and first_edges:
        return all(abs(a - b) <= EDGE_TOLERANCE for a, b in zip(first_edges, second_edges))
    return True


def stitch(first: Block, second: Block, findings: list) -> Block:
    """Append the rows of ``second`` (next page) to ``first``; record what was dropped or merged."""
    rows = list(second.rows)
    header = [r for r in first.rows if r.is_header] or first.rows[:1]
    dropped = 0
    while dropped < len(header) and rows and _same_texts(rows[0], header[dropped]):
        rows.pop(0)
        dropped += 1
    for row in rows:  # header guesses on the continued part do not hold once its repeated header is gone
        row.is_header = False
    if dropped:
        findings.append(("table.header_repeat_dropped", f"{dropped} repeated header row(s) dropped", second.provenance))
    if rows and first.rows and _continues(rows[0]):
        if _can_merge(first.rows[-1], rows[0]):
            first.rows[-1] = _merge_rows(first.rows[-1], rows.pop(0))
            findings.append(("table.continuation_merged", "row split by a page break merged", second.provenance))
        else:
            rows[0].is_continuation = True
    first.rows.extend(rows)
    first.provenance = first.provenance.merge(second.provenance)
    return first


def _same_texts(a: Row, b: Row) -> bool:
    return [_fold(t) for t in a.texts] == [_fold(t) for t in b.texts]


def _fold(text: str) -> str:
    return "".join(text.split())


def _continues(row: Row) -> bool:
    return not row.is_header and bool(row.cells) and not row.cells[0].text and any(c.text for c in row.cells)


def _can_merge(above: Row, row: Row) -> bool:
    """Cells line up and no value of the continuation (a number, or a dash standing for none) lands on a filled
    cell above: two values in one column are two rows (``๒๐๒,๐๐๐`` above, ``-`` below)."""
    if len(above.cells) != len(row.cells):
        return False
    return not any(cell.text and top.text and _is_value(cell.text) for top, cell in zip(above.cells, row.cells))


def _is_value(text: str) -> bool:
    return text in _DASHES or (any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text))


def _merge_rows(above: Row, row: Row) -> Row:
    cells = []
    for top, cell in zip(above.cells, row.cells):
        if not cell.text:
            cells.append(top)
            continue
        if not top.text:
            cells.append(cell)
            continue
        text, repairs = join_wrapped(top.text + wrap_glue(top.text, cell.text) + cell.text)
        cells.append(
            Cell(
                text,
                top.raw + wrap_glue(top.raw, cell.raw) + cell.raw,
                top.row_span,
                top.col_span,
                top.inherited,
                top.provenance,
                top.repairs + cell.repairs + tuple(repairs),
            )
        )
    return Row(cells, above.provenance, above.is_header, above.is_continuation)

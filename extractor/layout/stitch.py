"""Tables continued across pages → one table.

A table that ends a page and a table that opens the next page with the same columns are one table.  On the join:
leading rows of the continuation that repeat the header rows are dropped (on a scan, a repeat read with a few
letters changed: ``KPIโครงการ`` read ``๕51 โครงการ``, then ``6๕861 โครงการ``); a first row whose leading cell is empty
continues the row cut by the page break and is merged into it when its filled cells do not clash with filled cells
above; otherwise it is kept and marked ``is_continuation``.  Text cells are joined with the Thai wrap rules, or with
a newline where the cell above ended in a line break the author wrote (the next word would have fitted: seen on
the lines, ``CellEnds``).  Two values in one column clash (``๒๐๒,๐๐๐`` above, ``-`` below), and so does a row
whose every column with text on both sides ended in such a break: the row above was complete, this is a new one
whose first cell is empty (a SWOT matrix row under its category label), and so does a row of more than one column
with text on both sides where one column opens the next item of a numbered list (``๒. …`` above, ``๓. …`` below).
A bracket left open above and closed below goes on across the break whatever the lines say.
"""

from __future__ import annotations

import difflib

import regex as re

from extractor.blocks import Block, Cell, Row
from extractor.layout.tables import MAX_HEADER_ROWS, CellEnds, label_row
from extractor.layout.text import wrap_glue, wrap_joins
from extractor.thai import join_wrapped
from extractor.thai.digits import thai_digits_to_arabic

EDGE_TOLERANCE = 6.0  # column edges of the two parts may differ this much (points)
_DASHES = frozenset("-–—")  # a cell holding only a dash: no code, no budget
REPEAT_SIMILARITY = 0.9  # a scanned header repeat differs from the first reading by a few letters, no more
_MAX_SPECKS = 4  # characters a scan read from specks beside a repeated header's text (``ซ่ =``), no more
_MIN_SPECKED = 6  # letters of a header cell that, one off and with specks beside, are still recognised
_MIN_SAME_CELLS = 2  # filled cells read the same that make a header repeat whatever its one other cell reads
# a numbered list item opening a line (``๓. ปรับปรุง…``; not a dotted number, ``๓.๑``)
_ITEM = re.compile(r"^\s*([0-9๐-๙]{1,2})\s*[.)](?![0-9๐-๙])\s*\S", re.M)


def n_columns(block: Block) -> int:
    return max((sum(c.col_span for c in row.cells) for row in block.rows), default=0)


def compatible(first: Block, second: Block, first_edges: list[float], second_edges: list[float]) -> bool:
    """Same column count, and the same column edges when both are known."""
    if n_columns(first) != n_columns(second):
        return False
    if len(first_edges) == len(second_edges) and first_edges:
        return all(abs(a - b) <= EDGE_TOLERANCE for a, b in zip(first_edges, second_edges))
    return True


def stitch(first: Block, second: Block, findings: list, ends: dict[int, CellEnds] | None = None) -> Block:
    """Append the rows of ``second`` (next page) to ``first``; record what was dropped or merged.  ``ends`` has the
    first and last lines of the cells by ``id`` (without it, every cut is taken for a wrap)."""
    ends = ends or {}
    rows = list(second.rows)
    header = [r for r in first.rows if r.is_header] or first.rows[:1]
    dropped = 0
    while dropped < len(header) and rows and _same_texts(rows[0], header[dropped]):
        rows.pop(0)
        dropped += 1
    # a header printed with more rows than were recognised as header (a sub-label row the layout took for text):
    # the label rows repeated right after it go too
    while dropped and dropped < min(len(first.rows) - 1, MAX_HEADER_ROWS) and rows and label_row(rows[0]) \
            and _same_texts(rows[0], first.rows[dropped]):
        rows.pop(0)
        dropped += 1
    for row in rows:  # header guesses on the continued part do not hold once its repeated header is gone
        row.is_header = False
    if dropped:
        findings.append(("table.header_repeat_dropped", f"{dropped} repeated header row(s) dropped", second.provenance))
    if rows and first.rows and _continues(rows[0]):
        if _can_merge(first.rows[-1], rows[0], ends):
            first.rows[-1] = _merge_rows(first.rows[-1], rows.pop(0), ends)
            findings.append(("table.continuation_merged", "row split by a page break merged", second.provenance))
        else:
            rows[0].is_continuation = True
    first.rows.extend(rows)
    first.provenance = first.provenance.merge(second.provenance)
    return first


def _same_texts(a: Row, b: Row) -> bool:
    """``a`` repeats ``b``: the same cells, spaces aside, or (a scan read twice) nearly the same letters in the same
    cells (``KPIโครงการ`` read ``๕51 โครงการ`` on one page and ``6๕861 โครงการ`` on the next), or the same text in
    every cell but one of at least ``_MIN_SAME_CELLS`` + 1 (one short label read as another word: ``SWOT`` read
    ``รพอา`` beside ``ด้านแผน | ด้านเทคโนโลยีสารสนเทศ`` read right), a cell read with a few specks beside its text
    counting as the same."""
    first, second = [_fold(t) for t in a.texts], [_fold(t) for t in b.texts]
    if first == second:
        return True
    if len(first) != len(second) or [bool(t) for t in first] != [bool(t) for t in second]:
        return False
    same = [x == y or _specked(x, y) for x, y in zip(first, second) if x]
    if len(same) > _MIN_SAME_CELLS and same.count(False) == 1:
        return True
    matcher = difflib.SequenceMatcher(None, "|".join(first), "|".join(second), autojunk=False)
    return matcher.ratio() >= REPEAT_SIMILARITY


def _specked(cell: str, header: str) -> bool:
    """``cell`` is the header's text, one letter or mark aside, with a few specks a scan read beside it
    (``ซ่ = ส่วนราชการทีรับผิดชอบ`` for ``ส่วนราชการที่รับผิดชอบ``)."""
    if len(header) < _MIN_SPECKED:
        return False
    blocks = difflib.SequenceMatcher(None, cell, header, autojunk=False).get_matching_blocks()
    matched = sum(b.size for b in blocks)
    return matched >= len(header) - 1 and len(cell) - matched <= _MAX_SPECKS


def _fold(text: str) -> str:
    return "".join(text.split())


def _continues(row: Row) -> bool:
    return not row.is_header and bool(row.cells) and not row.cells[0].text and any(c.text for c in row.cells)


def _can_merge(above: Row, row: Row, ends: dict[int, CellEnds]) -> bool:
    """Cells line up, no value of the continuation (a number, or a dash standing for none) lands on a filled cell
    above (two values in one column are two rows: ``๒๐๒,๐๐๐`` above, ``-`` below), no column opens the next item
    of a numbered list, and the text of some column goes on across the break (not every column with text on both
    sides ended in a written line break)."""
    if len(above.cells) != len(row.cells):
        return False
    pairs = [(top, cell) for top, cell in zip(above.cells, row.cells) if top.text and cell.text]
    if any(_is_value(cell.text) for _, cell in pairs):
        return False
    if len(pairs) > 1 and any(_next_item(top.text, cell.text) for top, cell in pairs):
        return False
    breaks = [_written_break(top, cell, ends) for top, cell in pairs]
    return not breaks or not all(b is True for b in breaks)


def _next_item(above: str, below: str) -> bool:
    """``below`` opens the item after the last numbered item of ``above`` (``๒. …`` then ``๓. …``): a new row of a
    numbered list, whatever the line geometry says (a speck after the last word of a scanned cell fills its line).
    Not alone: one column's list may go on across a break in a row whose other columns ended on the first page."""
    opening, items = _ITEM.match(below), _ITEM.findall(above)
    if not opening or not items:
        return False
    return int(thai_digits_to_arabic(opening.group(1))) == int(thai_digits_to_arabic(items[-1])) + 1


def _written_break(top: Cell, cell: Cell, ends: dict[int, CellEnds]) -> bool | None:
    """Whether ``top`` ended in a line break the author wrote before ``cell`` goes on; None when the lines are not
    known (a cell copied from a row-spanning one).  A bracket ``top`` leaves open and ``cell`` closes goes on across
    the break, whatever the line geometry says (``(BMA`` / ``OSS)``)."""
    above, below = ends.get(id(top)), ends.get(id(cell))
    if above is None or below is None:
        return None
    if _open_brackets(top.text) > 0 > _open_brackets(cell.text):
        return False
    return above.written_break_before(below)


def _open_brackets(text: str) -> int:
    """Brackets opened and not closed in ``text`` (negative: closed and not opened in it)."""
    return text.count("(") - text.count(")")


def _is_value(text: str) -> bool:
    return text in _DASHES or (any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text))


def _merge_rows(above: Row, row: Row, ends: dict[int, CellEnds]) -> Row:
    cells = []
    for top, cell in zip(above.cells, row.cells):
        if not cell.text:
            cells.append(top)
            continue
        if not top.text:
            cells.append(cell)
            continue
        glue_text, glue_raw = _glues(top, cell, ends)
        text, repairs = join_wrapped(top.text + glue_text + cell.text)
        merged = Cell(
            text,
            top.raw + glue_raw + cell.raw,
            top.row_span,
            top.col_span,
            top.inherited,
            top.provenance,
            top.repairs + cell.repairs + tuple(repairs),
            top.wrap_joins + wrap_joins(top.text, glue_text, cell.text, _space_unseen(top, ends)) + cell.wrap_joins,
        )
        if id(top) in ends and id(cell) in ends:  # the merged cell may be cut again by the next page break
            ends[id(merged)] = CellEnds(ends[id(top)].first, ends[id(cell)].last, ends[id(cell)].left,
                                        ends[id(cell)].right, ends[id(cell)].spaces_kept)
        cells.append(merged)
    return Row(cells, above.provenance, above.is_header, above.is_continuation)


def _space_unseen(top: Cell, ends: dict[int, CellEnds]) -> bool:
    """The text layer of ``top``'s table keeps no space glyph at line ends: a join after it may have been a space."""
    above = ends.get(id(top))
    return above is not None and not above.spaces_kept


def _glues(top: Cell, cell: Cell, ends: dict[int, CellEnds]) -> tuple[str, str]:
    """What the cut between ``top`` and ``cell`` stood for, in text and raw: a newline after a written line break,
    else the Thai wrap rule (a space glyph ending the line above stood for a space)."""
    if _written_break(top, cell, ends):
        return "\n", "\n"
    above = ends.get(id(top))
    space_seen = above is not None and above.last.ends_with_space
    return wrap_glue(top.text, cell.text, space_seen), wrap_glue(top.raw, cell.raw, space_seen)

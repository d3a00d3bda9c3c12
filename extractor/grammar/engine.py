"""Runs a grammar over the block flow and builds the plan tree.

The tree is generic: nodes of the kinds the grammar declares (part, strategy, tactic, …), each with the fields its
heading pattern captured, the paragraphs that follow it, and the logical tables whose rows attach to it.  The model
stage (``extractor.model.build``) turns the tree into typed records.

Rules applied here, for every template:
- a heading line opens a node under the nearest open node of an allowed parent kind (levels are never taken from
  markdown, which the exports get wrong);
- a table row is classified by header fingerprint; header rows repeated after a page break are dropped and the rows
  continue the same logical table;
- cells are placed in columns by content type (6-digit codes, KR/KPI ids, budgets, unit abbreviations, P-codes)
  where the row lost its empty cells, and by position otherwise;
- a row without its key cell continues the previous record (wrapped cells, page-break continuations);
- nothing is dropped: unmatched text stays as paragraphs of the current node, unclassified tables are kept raw.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.grammar.fingerprint import header_score
from extractor.grammar.spec import EntitySpec, Grammar, TableSpec


@dataclass(slots=True)
class TableRecord:
    """One logical row of a recognised table: column name → cell (several source rows when continued)."""

    cells: dict[str, Cell]
    provenance: Provenance
    continued: int = 0  # how many continuation rows were merged into it
    extra: list[Cell] = field(default_factory=list)  # non-empty cells no column could take
    open_columns: list[str] | None = None  # ``line_rows`` tables: columns its last row wrote (None: not tracked)
    widest_lines: dict[str, int] = field(default_factory=dict)  # per column, the widest source line merged into it

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.text if cell else ""


@dataclass(slots=True)
class LogicalTable:
    """A table as the document means it: one header (maybe written many times), rows across page breaks."""

    role: str
    header: list[Row]
    records: list[TableRecord] = field(default_factory=list)
    header_values: list[list[str]] = field(default_factory=list)  # subheader rows (e.g. target years)
    header_values_at: list[int] = field(default_factory=list)  # records read before each subheader row
    repeated_headers: int = 0
    provenance: Provenance = field(default_factory=Provenance)
    totals: list[TableRecord] = field(default_factory=list)  # rows stating the table's totals (spec ``total``)
    notes: list[Block] = field(default_factory=list)  # text read while the table was open (also node paragraphs)


Glue = Callable[[str, str], str]


@dataclass(slots=True)
class Node:
    kind: str
    fields: dict[str, str] = field(default_factory=dict)
    block: Block | None = None
    children: list[Node] = field(default_factory=list)
    paragraphs: list[Block] = field(default_factory=list)
    tables: list[LogicalTable] = field(default_factory=list)
    raw_tables: list[Block] = field(default_factory=list)  # tables no grammar spec recognised
    glue: Glue | None = None  # the root only: what stands between two lines of one text (``build_tree``)

    @property
    def provenance(self) -> Provenance:
        return self.block.provenance if self.block else Provenance()

    def walk(self):
        """This node and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, kind: str) -> list[Node]:
        return [n for n in self.walk() if n.kind == kind]


def build_tree(blocks: list[Block], grammar: Grammar, glue: Glue | None = None) -> Node:
    """The plan tree of a block flow under one grammar.

    ``glue(before, after)``: what stands between a record's cell text and the same cell's text in a continuation
    row (the Thai stage's document evidence: nothing for a wrap inside a phrase); a line break without it.
    """
    return _TreeBuilder(grammar, glue).run(blocks)


class _TreeBuilder:
    def __init__(self, grammar: Grammar, glue: Glue | None = None) -> None:
        self.grammar = grammar
        self.glue = glue
        self.root = Node(kind="root", glue=glue)
        self.stack: list[Node] = [self.root]
        self.table: LogicalTable | None = None
        self.table_spec: TableSpec | None = None
        self.admits = {e.kind: set(e.admits) for e in grammar.entities if e.admits is not None}

    def run(self, blocks: list[Block]) -> Node:
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.is_table:
                self._table_block(block)
            elif (cell_lines := self._cell_line_table(blocks, index)) is not None:
                index += cell_lines.consumed
                continue
            else:
                self._text_block(block)
            index += 1
        return self.root

    def _cell_line_table(self, blocks: list[Block], index: int) -> CellLineTable | None:
        """A table written one cell per line that starts here (web scrapes): its header and rows are then placed
        exactly like the rows of any other table (repeated headers continue it, records by column)."""
        found = read_cell_lines(blocks, index, self.grammar)
        if found is None:
            return None
        self._header(found.header, found.spec)
        for row in found.rows:
            self._record(row, found.spec, self.table)
        return found

    # -- text -------------------------------------------------------------------------------------------------

    def _text_block(self, block: Block) -> None:
        match = next((m for m in entity_matches(block.text, block.kind, self.grammar) if self._can_open(m[0])), None)
        if match is None:
            self.stack[-1].paragraphs.append(block)
            if self.table is not None:
                self.table.notes.append(block)  # footnotes, or the sentences stating a summary table's totals
            return
        spec, fields = match
        self._open(Node(kind=spec.kind, fields=fields, block=block), spec)

    def _can_open(self, spec: EntitySpec) -> bool:
        """Whether a matched heading may open its node here: no node it may not open within is open (``not_within``),
        the innermost open node that restricts what it admits (a table of contents quoting Part headings) must admit
        it, and a strict entity needs an allowed parent open."""
        if any(selects(node, s) for node in self.stack for s in spec.not_within):
            return False
        for node in reversed(self.stack):
            allowed = self.admits.get(node.kind)
            if allowed is not None:
                if spec.kind not in allowed:
                    return False
                break
        return not spec.strict or any(selects(node, s) for node in self.stack for s in spec.parents)

    def _open(self, node: Node, spec: EntitySpec) -> None:
        """Attach under the nearest open node of an allowed kind; close everything deeper.

        A heading repeated with the same key under the same parent (a running heading after a page break) reopens
        the node it repeats, so its content is not split in two.
        """
        for depth in range(len(self.stack) - 1, -1, -1):
            if any(selects(self.stack[depth], s) for s in spec.parents):
                del self.stack[depth + 1 :]
                break
        else:
            del self.stack[1:]  # no allowed parent open: attach to the root
        parent = self.stack[-1]
        existing = _same_entity(parent, node, spec.key)
        if existing is None:
            parent.children.append(node)
        self.stack.append(existing or node)
        self.table = None  # a new heading ends the table run it interrupted
        self.table_spec = None

    # -- tables -----------------------------------------------------------------------------------------------

    def _table_block(self, block: Block) -> None:
        unclassified: list[Row] = []
        for row in block.rows:
            if self._table_row(row):
                continue
            unclassified.append(row)
        if unclassified:
            self.stack[-1].raw_tables.append(
                Block(kind=BlockKind.TABLE, rows=unclassified, provenance=unclassified[0].provenance)
            )

    def _table_row(self, row: Row) -> bool:
        """Place one row; False when no table spec takes it."""
        spec = classify_header(row, self.grammar, self.stack)
        if spec is not None:
            self._header(row, spec)
            return True
        entity = self._row_entity(row)
        if entity is not None:
            spec_e, fields = entity
            self._open(Node(kind=spec_e.kind, fields=fields, block=_row_as_block(row)), spec_e)
            return True
        if self.table_spec is None or self.table is None:
            return False
        if not _fits_width(row, self.table_spec):
            self.table = None  # another table follows without a header: this one has ended
            self.table_spec = None
            return False
        sub = self.table_spec.subheader_regex
        texts = own_texts(row)
        if texts and ((sub is not None and all(sub.fullmatch(t) for t in texts)) or _under_header(row, self.table)):
            self.table.header_values.append(texts)
            self.table.header_values_at.append(len(self.table.records))
            return True
        if _is_total(row, self.table_spec):
            cells, extra = assign_columns(row, self.table_spec, self.grammar)
            self.table.totals.append(TableRecord(cells=cells, provenance=row.provenance, extra=extra))
            return True
        self._record(row, self.table_spec, self.table)
        return True

    def _row_entity(self, row: Row) -> tuple[EntitySpec, dict[str, str]] | None:
        first = next((c.text for c in row.cells if c.text), "")
        for spec in self.grammar.entities:
            if spec.in_table:
                m = spec.regex.match(" ".join(t for t in row.texts if t))
                if m and first and m.start() == 0 and self._can_open(spec):
                    return spec, _groups(m)
        return None

    def _header(self, row: Row, spec: TableSpec) -> None:
        row.is_header = True
        if self.table is not None and self.table.role == spec.role and self.table_spec == spec:
            self.table.repeated_headers += 1  # repeated after a page break: the same logical table goes on
            return
        owner = self._owner(spec)
        self.table = LogicalTable(role=spec.role, header=[row], provenance=row.provenance)
        self.table_spec = spec
        owner.tables.append(self.table)

    def _owner(self, spec: TableSpec) -> Node:
        for node in reversed(self.stack):
            if any(selects(node, s) for s in spec.attach_to):
                return node
        return self.stack[-1]

    def _record(self, row: Row, spec: TableSpec, table: LogicalTable) -> None:
        cells, extra = assign_columns(row, spec, self.grammar)
        table.provenance = table.provenance.merge(row.provenance)
        previous = table.records[-1] if table.records else None
        if previous is not None and (
            (spec.key and not _starts_record(cells, spec, self.grammar)) or _too_short_for_record(row, spec)
        ):
            row.is_continuation = True
            if spec.continuation_columns and _left_packed(row):
                cells, extra = _continuation_cells(row, spec)
            elif spec.line_rows and _left_packed(row) and not _has_gap(row):
                cells, extra = continue_open_columns(row, previous, table, spec, self.grammar, (cells, extra))
            _merge_into(previous, cells, extra, row.provenance, self.glue)
            return
        table.records.append(TableRecord(cells=cells, provenance=row.provenance, extra=extra))


def entity_matches(text: str, kind: BlockKind, grammar: Grammar):
    """Every entity pattern of the grammar that matches a text line, in grammar order, with its captured fields."""
    for spec in grammar.entities:
        if spec.block_kinds and kind.value not in spec.block_kinds:
            continue
        m = spec.regex.match(text)
        if m:
            yield spec, _groups(m)


def classify_header(row: Row, grammar: Grammar, open_nodes: list[Node] | None = None) -> TableSpec | None:
    """The table spec whose header fingerprint this row matches best, if any reaches its threshold.

    Among specs that reach their threshold, the one with the most keywords found wins, then the higher share: a
    short fingerprint (``ตัวชี้วัด (KPI) | ค่าเป้าหมาย``) must not take the header of a wider table that contains
    the same words.  A spec with ``exclude`` keywords found in the row is no candidate.  A spec restricted to a
    context (``within``) is a candidate only while a node it names is open, and then wins a tie against specs
    without one (the same header means a different table inside a Part 2 development issue).  Ties keep grammar
    order.  Only the row's own cells count (``own_texts``): inherited copies of spanning cells are not its words.
    """
    best, best_rank = None, (0, 0.0, False)
    texts = own_texts(row)
    for spec in grammar.tables:
        score = header_score(texts, spec.header)
        if score < spec.min_score or score <= 0:
            continue
        if spec.exclude and header_score(texts, spec.exclude) > 0:
            continue
        if _holds_typed_value(row, spec, grammar):
            continue  # a cell holds a value of a typed column (a KPI code, an amount): a data row, not a header
        in_context = bool(spec.within) and any(selects(n, s) for n in open_nodes or () for s in spec.within)
        if spec.within and not in_context:
            continue
        rank = (round(score * len(spec.header)), score, in_context)
        if rank > best_rank:
            best, best_rank = spec, rank
    return best


def own_texts(row: Row) -> list[str]:
    """The non-empty texts a row writes itself: cells ``inherited`` from a row-spanning cell above are copies (a PDF
    grid repeats a two-row header's spanned ``ตัวชี้วัด (KPI)`` in its year row), so they neither make the row a
    header nor stop it from being a subheader row."""
    return [c.text for c in row.cells if c.text and not c.inherited]


def _under_header(row: Row, table: LogicalTable) -> bool:
    """Whether the row still lies under the header's row-spanning cells: it inherits copies of header cells (a
    month row under ``ขั้นตอนการปฏิบัติงาน | เนื้องาน | …`` that span two rows).  Such a row is part of the header
    even when its own labels are not read as such (a scan's months ``WH.`` for พ.ย.); a data row never inherits a
    header cell."""
    inherited = {c.text for c in row.cells if c.inherited and c.text}
    return bool(inherited) and inherited <= {c.text for c in table.header[0].cells if c.text}


def _holds_typed_value(row: Row, spec: TableSpec, grammar: Grammar) -> bool:
    """Whether a row has a cell of one of the spec's column content types.  Header cells are labels, never codes or
    amounts; a long data row can still contain most of the header's words (a KPI sheet's definition cell)."""
    regexes = [grammar.content_regexes[c.content] for c in spec.columns if c.content]
    return any(r.search(cell.text) for r in regexes for cell in row.cells if cell.text)


def selects(node: Node, selector: str) -> bool:
    """Whether a node fits a kind selector of a grammar (``parents``, ``attach_to``, ``within``): a kind
    (``part``), or a kind with one captured field value (``part:number=2``, Thai and ASCII digits alike)."""
    kind, _, condition = selector.partition(":")
    if node.kind != kind:
        return False
    if not condition:
        return True
    name, _, value = condition.partition("=")
    return _fold_digits(node.fields.get(name, "")) == _fold_digits(value)


def _fold_digits(text: str) -> str:
    return " ".join(text.translate(_THAI_DIGITS).split())


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def assign_columns(row: Row, spec: TableSpec, grammar: Grammar) -> tuple[dict[str, Cell], list[Cell]]:
    """Cells of a row placed in the spec's columns.

    Typed columns (a content type is declared) take the cell of their type nearest to their position; the other
    columns take the remaining non-empty cells in order.  When the row has exactly one cell per column and the
    types agree, this is plain positional assignment.
    """
    if spec.positional:
        return _positional(row, spec)
    if spec.ordered:
        return align_columns(row, spec, grammar)
    regexes = grammar.content_regexes
    cells = [c for c in row.cells]
    taken: set[int] = set()
    placed: dict[str, Cell] = {}
    for index, column in enumerate(spec.columns):
        if column.content is None:
            continue
        pattern = regexes[column.content]
        candidates = [i for i, c in enumerate(cells) if i not in taken and c.text and pattern.search(c.text)]
        if candidates:
            chosen = min(candidates, key=lambda i: (abs(i - index), i))
            placed[column.name] = cells[chosen]
            taken.add(chosen)
    if len(cells) == len(spec.columns):
        for index, column in enumerate(spec.columns):
            if column.name not in placed and index not in taken and cells[index].text:
                placed[column.name] = cells[index]
                taken.add(index)
        return placed, [c for i, c in enumerate(cells) if i not in taken and c.text]
    free = [c for i, c in enumerate(cells) if i not in taken and c.text]
    open_columns = [c.name for c in spec.columns if c.name not in placed and c.content is None]
    for name, cell in zip(open_columns, free):
        placed[name] = cell
    return placed, free[len(open_columns) :]


def _positional(row: Row, spec: TableSpec) -> tuple[dict[str, Cell], list[Cell]]:
    """Cells placed by position alone (``positional`` tables): empty cells keep their column, a cell spanning
    columns (a PDF grid's ``รวม`` label over two) takes its first one and moves the next cells along, overflow is
    extra."""
    width = len(spec.columns)
    placed: dict[str, Cell] = {}
    extra: list[Cell] = []
    position = 0
    for cell in row.cells:
        if cell.text:
            if position < width:
                placed[spec.columns[position].name] = cell
            else:
                extra.append(cell)
        position += max(cell.col_span, 1)
    return placed, extra


@dataclass(slots=True)
class CellLineTable:
    """A table written one cell per line, regrouped: its header lines as one header row, then rows of values."""

    spec: TableSpec
    header: Row
    rows: list[Row]
    consumed: int  # how many blocks of the flow it spans


def read_cell_lines(blocks: list[Block], start: int, grammar: Grammar) -> CellLineTable | None:
    """The cell-per-line table (a spec with ``cells_per_row``) whose header starts at ``blocks[start]``, if any.

    Web-page scrapes flatten an HTML table to one cell per line: a header written over a few lines, then each row's
    values one per line.  The header is the run of text lines before the first line that fits the first column's
    content type (at most ``max_header_lines``); it must reach the spec's header score, and must need its first line
    (a title line just before the header is not part of it).  Rows are then read ``cells_per_row`` lines at a time,
    each line fitting its column's content type; the first line that does not fit ends the table.  A row cut short
    is kept with the cells it has (the builder reports the missing ones), so no value line is lost.
    """
    for spec in grammar.tables:
        if spec.cells_per_row:
            found = _cell_line_table(blocks, start, spec, grammar)
            if found is not None:
                return found
    return None


def _cell_line_table(blocks: list[Block], start: int, spec: TableSpec, grammar: Grammar) -> CellLineTable | None:
    first = spec.columns[0]
    limit = min(start + (spec.max_header_lines or 2 * len(spec.columns)), len(blocks) - 1)
    end = None
    for index in range(start, limit + 1):
        if not _is_cell_line(blocks[index]):
            return None
        if index > start and _fits(blocks[index], first.content, grammar):
            end = index
            break
    if end is None:
        return None
    header_texts = [b.text for b in blocks[start:end]]
    score = header_score(header_texts, spec.header)
    if score < spec.min_score or (end - start > 1 and header_score(header_texts[1:], spec.header) >= score):
        return None
    rows, index = [], end
    while index < len(blocks) and _is_cell_line(blocks[index]) and _fits(blocks[index], first.content, grammar):
        cells = [_line_cell(blocks[index])]
        index += 1
        for column in spec.columns[1:]:
            if index >= len(blocks) or not _is_cell_line(blocks[index]):
                break
            if not _fits(blocks[index], column.content, grammar):
                break
            cells.append(_line_cell(blocks[index]))
            index += 1
        rows.append(Row(cells=cells, provenance=cells[0].provenance.merge(cells[-1].provenance)))
    header_cells = [_line_cell(b) for b in blocks[start:end]]
    header = Row(cells=header_cells, provenance=header_cells[0].provenance.merge(header_cells[-1].provenance))
    return CellLineTable(spec=spec, header=header, rows=rows, consumed=index - start)


def _is_cell_line(block: Block) -> bool:
    return not block.is_table and block.kind is not BlockKind.IMAGE and bool(block.text)


def _fits(block: Block, content: str | None, grammar: Grammar) -> bool:
    return content is None or bool(grammar.content_regexes[content].search(block.text))


def _line_cell(block: Block) -> Cell:
    return Cell(text=block.text, raw=block.raw.strip(), provenance=block.provenance, repairs=block.repairs)


def _is_total(row: Row, spec: TableSpec) -> bool:
    first = next((t for t in row.texts if t), "")
    return spec.total_regex is not None and bool(first) and spec.total_regex.match(first) is not None


def _fits_width(row: Row, spec: TableSpec) -> bool:
    """Whether a row has a width this table's rows can have (``min_cells``/``max_cells``, empty cells counted)."""
    width = len(row.cells)
    return (spec.min_cells is None or width >= spec.min_cells) and (spec.max_cells is None or width <= spec.max_cells)


def _too_short_for_record(row: Row, spec: TableSpec) -> bool:
    """A row with fewer non-empty cells than ``record_min_cells`` continues the record above."""
    return spec.record_min_cells is not None and sum(1 for c in row.cells if c.text) < spec.record_min_cells


def _left_packed(row: Row) -> bool:
    """Whether a row's text is written from its first cell (pipe dumps drop the empty cells before it), so its
    positions say nothing about the columns it continues."""
    return bool(row.cells) and bool(row.cells[0].text)


def _continuation_cells(row: Row, spec: TableSpec) -> tuple[dict[str, Cell], list[Cell]]:
    """A left-packed continuation row's cells placed in the spec's ``continuation_columns``, in order."""
    written = [c for c in row.cells if c.text]
    placed = dict(zip(spec.continuation_columns, written))
    return placed, written[len(spec.continuation_columns) :]


# Scores of a wrapped line placed in a column still being written (continue_open_columns): a line that breaks its
# column's content type is unlikely, one that has the type itself is likely, one much wider than the column is unlikely.
_TYPE_BROKEN, _TYPE_KEPT, _TOO_WIDE = -4.0, 1.0, -2.0
_WIDTH_SLACK, _WIDTH_MARGIN = 1.25, 2


def continue_open_columns(
    row: Row,
    record: TableRecord,
    table: LogicalTable,
    spec: TableSpec,
    grammar: Grammar,
    fallback: tuple[dict[str, Cell], list[Cell]],
) -> tuple[dict[str, Cell], list[Cell]]:
    """A wrapped line of a ``line_rows`` table placed in the columns of the record above that are still written.

    A pipe dump of a PDF grid writes one visual line per row and drops the empty cells, so the row's cells are the
    next lines of some of the record's cells, in column order.  A cell that has ended does not start again, so the
    candidates are the columns the previous line wrote (``open_columns``).  Among the order-preserving choices, the
    one that keeps typed columns of their type (``สยป. ระดับ`` is no list of unit abbreviations; ``ระดับ`` suits a
    unit-text column), and puts no line much wider than its column's widest line (column width is a property of
    the grid), wins; on a tie the columns on the left go on (short cells on the right end first).  A row with more
    cells than open columns keeps the ``fallback`` placement; a row that keeps its empty cells (a real grid) is not
    sent here, its positions say where its cells go.
    """
    open_names = record.open_columns
    if open_names is None:
        open_names = [c.name for c in spec.columns if record.cells.get(c.name) and record.cells[c.name].text]
    written = [c for c in row.cells if c.text]
    if not written or len(written) > len(open_names):
        record.open_columns = list(open_names)
        return fallback
    widths = _column_widths(table)
    types = {c.name: grammar.content_regexes[c.content] for c in spec.columns if c.content}
    best, best_score = None, float("-inf")
    for chosen in combinations(range(len(open_names)), len(written)):  # lexicographic: leftmost columns first
        names = [open_names[i] for i in chosen]
        value = sum(_line_score(cell, record.text(n), types.get(n), widths.get(n)) for cell, n in zip(written, names))
        if value > best_score:
            best, best_score = names, value
    record.open_columns = best
    return dict(zip(best, written)), []


def _line_score(cell: Cell, so_far: str, pattern, width: int | None) -> float:
    """How well a wrapped line continues a column: its content type kept (or broken), its width within the column's."""
    score = 0.0
    if pattern is not None:
        if pattern.search(f"{so_far} {cell.text}".strip()) is None:
            score += _TYPE_BROKEN
        elif pattern.search(cell.text):
            score += _TYPE_KEPT
    if width and display_width(cell.text) > _WIDTH_SLACK * width + _WIDTH_MARGIN:
        score += _TOO_WIDE
    return score


def _column_widths(table: LogicalTable) -> dict[str, int]:
    """The widest line each column has held so far (display width)."""
    widths: dict[str, int] = {}
    for record in table.records:
        for name, cell in record.cells.items():
            widths[name] = max(widths.get(name, 0), _widest_line(record, name))
    return widths


def _widest_line(record: TableRecord, column: str) -> int:
    """The widest source line of a record's column (its merged text may glue lines together)."""
    return record.widest_lines.get(column) or _line_width(record.text(column))


def _line_width(text: str) -> int:
    return max(map(display_width, text.split("\n")))


def display_width(text: str) -> int:
    """Columns a text takes on a line: Thai vowels and tone marks above or below a letter take none."""
    return sum(1 for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn")


def _starts_record(cells: dict[str, Cell], spec: TableSpec, grammar: Grammar) -> bool:
    """Whether a row's key cell starts a record.  In ``ordered`` tables a typed key must also hold its content type
    (a real grid may put a wrapped tail in the key column: the row then continues the previous record)."""
    cell = cells.get(spec.key or "")
    if cell is None or not cell.text:
        return False
    column = next(c for c in spec.columns if c.name == spec.key)
    if not spec.ordered or column.content is None:
        return True
    return grammar.content_regexes[column.content].search(cell.text) is not None


# Scores of the order-preserving alignment (align_columns): a cell of a column's content type is strong evidence, a
# cell of another typed column's content type in an untyped column is doubtful, an unplaced cell is a loss.
_TYPED_MATCH, _PLAIN, _DOUBTFUL, _TYPE_CLAIMED, _UNPLACED, _SAME_POSITION = 3.0, 1.0, -1.0, -2.0, -4.0, 0.25


def align_columns(row: Row, spec: TableSpec, grammar: Grammar) -> tuple[dict[str, Cell], list[Cell]]:
    """Cells of an ``ordered`` table row placed in columns by an order-preserving alignment.

    Pipe dumps drop empty cells or push them to the row end, so a cell's position says little, but the cells that
    are written keep their column order.  The non-empty cells are aligned to the columns in order (dynamic
    programming), scoring content types: a typed column takes a cell of its type; it takes plain text only when no
    cell of the row surely has its type (a cell matching one type only: ``12`` is a row number or an amount), as a
    wrapped tail does, and a typed key column never does (the row then continues the
    previous record).  When the row shows a real grid (an empty cell before a non-empty one: TAB dumps keep their
    empty cells) and has one cell per column, cells stay where they are.
    """
    cells = row.cells
    if _has_gap(row) and len(cells) == len(spec.columns):
        return {column.name: cell for column, cell in zip(spec.columns, cells) if cell.text}, []
    regexes = grammar.content_regexes
    written = [(i, c) for i, c in enumerate(cells) if c.text]
    types = [{t for t in _spec_types(spec) if regexes[t].search(c.text)} for _, c in written]
    in_row = {t for cell_types in types if len(cell_types) == 1 for t in cell_types}  # types a cell surely claims
    columns = spec.columns

    def score(k: int, j: int) -> float:
        column, cell_types = columns[j], types[k]
        bonus = _SAME_POSITION if written[k][0] == j else 0.0
        if column.content is None:
            return (_DOUBTFUL if cell_types else _PLAIN) + bonus
        if column.content in cell_types:
            return _TYPED_MATCH + bonus
        if column.name == spec.key:
            return float("-inf")
        return (_TYPE_CLAIMED if column.content in in_row else _PLAIN) + bonus

    n, m = len(written), len(columns)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for k in range(n + 1):
        for j in range(m + 1):
            if k == 0 and j == 0:
                continue
            options = []  # on a tie the first wins: leave a later column empty (cells are packed to the left)
            if j:
                options.append((best[k][j - 1], "skip"))
            if k and j:
                options.append((best[k - 1][j - 1] + score(k - 1, j - 1), "place"))
            if k:
                options.append((best[k - 1][j] + _UNPLACED, "extra"))
            best[k][j], move[k][j] = max(options, key=lambda o: o[0])
    placed: dict[str, Cell] = {}
    extra: list[Cell] = []
    k, j = n, m
    while k or j:
        step = move[k][j]
        if step == "place":
            placed[columns[j - 1].name] = written[k - 1][1]
            k, j = k - 1, j - 1
        elif step == "skip":
            j -= 1
        else:
            extra.append(written[k - 1][1])
            k -= 1
    return placed, extra[::-1]


def _has_gap(row: Row) -> bool:
    """Whether a row shows a real grid: an empty cell before a non-empty one (TAB dumps and PDF grids keep their
    empty cells; pipe dumps drop them or push them to the row end)."""
    cells = row.cells
    return any(not a.text and any(b.text for b in cells[i + 1 :]) for i, a in enumerate(cells))


def _spec_types(spec: TableSpec) -> set[str]:
    return {c.content for c in spec.columns if c.content}


def _merge_into(
    record: TableRecord, cells: dict[str, Cell], extra: list[Cell], prov: Provenance, glue: Glue | None
) -> None:
    for name, cell in cells.items():
        if not cell.text:
            continue
        old = record.cells.get(name)
        if old is None or not old.text:
            record.cells[name] = cell
            continue
        joint = glue(old.text, cell.text) if glue else "\n"
        record.widest_lines[name] = max(_widest_line(record, name), _line_width(cell.text))
        record.cells[name] = Cell(
            text=f"{old.text}{joint}{cell.text}",
            raw=f"{old.raw}{joint}{cell.raw}" if joint else old.raw.rstrip() + cell.raw.lstrip(),
            provenance=old.provenance.merge(cell.provenance),
            repairs=old.repairs + cell.repairs,
        )
    record.extra.extend(extra)
    record.continued += 1
    record.provenance = record.provenance.merge(prov)


def _same_entity(parent: Node, node: Node, key: str | None) -> Node | None:
    if key is None or key not in node.fields:
        return None
    for child in reversed(parent.children):
        if child.kind == node.kind and child.fields.get(key) == node.fields[key]:
            return child
    return None


def _row_as_block(row: Row) -> Block:
    text = " ".join(t for t in row.texts if t)
    return Block(kind=BlockKind.PARAGRAPH, text=text, raw=text, provenance=row.provenance)


def _groups(match) -> dict[str, str]:
    return {k: " ".join(v.split()) for k, v in match.groupdict().items() if v is not None}

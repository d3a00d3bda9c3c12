"""Front matter of a plan: cover, foreword (คำนำ), table of contents (สารบัญ) and the plan summary (สาระสำคัญ:
general information, SWOT, vision, missions, goals, key KR/KPI list).

The sections are nodes the grammar opened (``grammars/bma-2567/05-front-matter.toml``); this module reads their
paragraphs and tables.  List items are numbered lines; an unnumbered line right below an item continues it
(a wrapped line, or a sub-line such as the sub-strategy under a goal), an unnumbered line after a blank line starts
an item of its own, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import regex as re

from extractor.blocks import Block, BlockKind, Cell, Provenance
from extractor.grammar.builders.common import join_lines, source_of
from extractor.grammar.engine import Glue, LogicalTable, Node, TableRecord
from extractor.grammar.values import arabic_digits, page_label
from extractor.model.base import Finding, Severity, Source
from extractor.model.front_matter import (
    FrontMatter,
    KeyIndicator,
    NumberedText,
    RawTable,
    SwotItem,
    TocEntry,
)

# A paragraph this long, before any section heading, is prose: the untitled foreword, not a cover line.
PROSE_MIN_LENGTH = 120

SWOT_CATEGORIES = {  # Thai category word → canonical category
    "จุดแข็ง": "strength",
    "จุดอ่อน": "weakness",
    "โอกาส": "opportunity",
    "อุปสรรค": "threat",
    "ภัยคุกคาม": "threat",
}
SWOT_LETTERS = {"strength": "S", "weakness": "W", "opportunity": "O", "threat": "T"}

_NUMBERED = re.compile(r"^\s*(?:[-•]\s*)?(?P<number>[0-9๐-๙]+(?:\.[0-9๐-๙]+)*)(?:[.)]\s*|\s+)(?P<text>\S.*)$")
_SUB_LINE = re.compile(r"^\s*(?:ยุทธศาสตร์|กลยุทธ์|KR|KPI|OKR|[-•])")
_CATEGORY_CELL = re.compile(r"^\s*(?P<word>จุดแข็ง|จุดอ่อน|โอกาส|อุปสรรค|ภัยคุกคาม)")
# the English gloss the template writes after the category word (โอกาส (Opportunity)): it names the category when
# the Thai word is unreadable (a scan's OCR read โอกาส as ``Tamia``)
_CATEGORY_GLOSS = re.compile(r"^[^|]{0,20}?\(\s*(?P<gloss>Strengt?hs?|Weakness(?:es)?|Opportunit(?:y|ies)|Threats?)\s*\)\s*$", re.I)
_GLOSS_CATEGORY = {"s": "strength", "w": "weakness", "o": "opportunity", "t": "threat"}
_SWOT_CODE = re.compile(r"(?<![A-Za-z])(?P<letter>[SWOT])\s?(?P<number>\d{1,2})\s+")
_TOC_LINE = re.compile(r"^(?P<title>.*?\S)\s+(?P<page>[0-9๐-๙]{1,3}|\([ก-ฮ0-9๐-๙]{1,3}\))\s*$")
_TOC_SUB_SPLIT = re.compile(r"\s+-(?!\s*[0-9๐-๙])\s*")
_INDICATOR = re.compile(r"(?<![A-Za-z])(?P<kind>OKR|KPI|KR)\s*(?P<code>\d+(?:\.\d+)*)\s*:?\s*")
_STRATEGY = re.compile(r"(?:ยุทธศาสตร์ที่|(?<![x])x{13}(?!x))\s*(?P<number>\d+)")
# a scan may put a space after the dot (ยุทธศาสตร์ย่อยที่ ๓. ๑): the number is read without it (``_sub_number``)
_SUB_STRATEGY = re.compile(r"(?:ยุทธศาสตร์|(?<![x])x{10})ย่อยที่\s*(?P<number>\d+\.\s?\d+)")
_SUPPORTING = re.compile(r"\s*\(\s*สนับสนุน\s*\)\s*$")
_ETC = re.compile(r"^\s*ฯลฯ\s*$")


def front_matter(tree: Node, findings: list[Finding]) -> FrontMatter:
    """The front matter of a plan tree (empty sections stay empty)."""
    cover, untitled_foreword = split_cover(tree)
    indicators, open_ended = key_indicators(_nodes(tree, "key_indicators"), tree.glue, findings)
    swot, environment_text = swot_items(_nodes(tree, "environment_analysis"), findings)
    general = _nodes(tree, "general_information")
    return FrontMatter(
        cover=[b.text for b in cover],
        foreword=[b.text for b in untitled_foreword] + _texts(_nodes(tree, "foreword")),
        table_of_contents=table_of_contents(_nodes(tree, "toc")),
        general_information=_texts(general),
        general_information_tables=[_raw_table(t) for node in general for t in node.raw_tables],
        environment_analysis=environment_text,
        swot=swot,
        vision=_joined(_paragraphs(_nodes(tree, "vision"))) or None,
        missions=numbered_items(_paragraphs(_nodes(tree, "missions"))),
        goals=numbered_items(_paragraphs(_nodes(tree, "goals"))),
        key_indicators=indicators,
        key_indicators_open_ended=open_ended,
    )


# -- cover and foreword ---------------------------------------------------------------------------------------


def split_cover(tree: Node) -> tuple[list[Block], list[Block]]:
    """The lines before the first section: cover lines, then (from the first prose paragraph on) an untitled
    foreword.  Image placeholders are neither."""
    lines = [b for b in tree.paragraphs if b.kind is not BlockKind.IMAGE and b.text.strip()]
    for index, block in enumerate(lines):
        if len(block.text) >= PROSE_MIN_LENGTH:
            return lines[:index], lines[index:]
    return lines, []


# -- table of contents ----------------------------------------------------------------------------------------


def table_of_contents(nodes: list[Node]) -> list[TocEntry]:
    """TOC entries from the สารบัญ section: text lines ending in a page label, or a two-column table."""
    entries: list[TocEntry] = []
    for node in nodes:
        for block in node.paragraphs:
            entries.extend(_toc_text_line(block.text, block.provenance))
        for table in node.raw_tables:
            for row in table.rows:
                entries.extend(_toc_row([c.text for c in row.cells], row.provenance))
    return entries


def _toc_text_line(text: str, prov: Provenance) -> list[TocEntry]:
    m = _TOC_LINE.match(text)
    title, page = (m.group("title"), m.group("page")) if m else (text, "")
    return _toc_entries(title, page, prov)


def _toc_row(cells: list[str], prov: Provenance) -> list[TocEntry]:
    texts = [c for c in cells if c.strip()]
    if not texts or all(t.strip() in ("หน้า", "page", "Page") for t in texts):
        return []  # the page-column header
    page = texts[-1] if len(texts) > 1 and page_label(texts[-1]) else ""
    title = " ".join(texts[:-1]) if page else " ".join(texts)
    return _toc_entries(title, page, prov)


def _toc_entries(title: str, page: str, prov: Provenance) -> list[TocEntry]:
    """One entry per line of the title; sub-entries written inline (' - a - b') become level-2 entries."""
    parts: list[str] = []
    for index, line in enumerate(title.split("\n")):
        pieces = _TOC_SUB_SPLIT.split(line)
        if index > 0 or line.lstrip().startswith("-"):
            parts.extend("-" + p.lstrip("- ") for p in pieces if p.strip("- "))
        else:
            parts.append(pieces[0])
            parts.extend("-" + p.lstrip("- ") for p in pieces[1:] if p.strip("- "))
    entries = []
    label = page_label(page) if page else None
    for index, part in enumerate(parts):
        level = 2 if part.startswith("-") else 1
        entry = TocEntry(title=part.lstrip("- ").strip(), level=level, source=source_of(prov))
        if index == 0 and label:
            entry.page, entry.page_raw = label
        entries.append(entry)
    return entries


# -- lists ----------------------------------------------------------------------------------------------------


def numbered_items(blocks: list[Block]) -> list[NumberedText]:
    """Numbered list items; unnumbered lines continue the item above them when they follow it directly."""
    items: list[NumberedText] = []
    previous: Block | None = None
    for block in blocks:
        m = _NUMBERED.match(block.text)
        if m:
            items.append(_item(arabic_digits(m.group("number")), m.group("text"), block))
        elif items and items[-1].number is not None and _adjacent(previous, block):
            _continue(items[-1], block)
        else:
            items.append(_item(None, block.text.strip(), block))
        previous = block
    return items


def _item(number: str | None, text: str, block: Block) -> NumberedText:
    return NumberedText(number=number, text=text.strip(), source=source_of(block.provenance))


def _continue(item: NumberedText | KeyIndicator, block: Block, glue: Glue | None = None) -> None:
    """Append a line to an item: a sub-line (a strategy, tactic, KR or dash line) on a line of its own, a wrapped
    line with nothing where the document writes the phrase across the break as one (``glue``), else a space."""
    if _SUB_LINE.match(block.text):
        item.text = f"{item.text}\n{block.text.strip()}"
    else:
        item.text = join_lines([item.text, block.text], glue)
    item.source = _merge_source(item.source, block.provenance)


def _adjacent(previous: Block | None, block: Block) -> bool:
    """The block directly follows the previous one (no blank line between); PDF blocks have no line numbers and
    count as adjacent."""
    if previous is None:
        return False
    end, start = previous.provenance.line_end, block.provenance.line_start
    return end is None or start is None or start == end + 1


def _merge_source(source: Source | None, prov: Provenance) -> Source:
    """The source span of an item grown by one more line."""
    if source is None:
        return Source.of(prov)
    span = Provenance(line_start=source.line_start, line_end=source.line_end, page=source.page).merge(prov)
    return source.model_copy(update={"line_start": span.line_start, "line_end": span.line_end})


# -- key KR/KPI list ------------------------------------------------------------------------------------------


def key_indicators(
    nodes: list[Node], glue: Glue | None = None, findings: list[Finding] | None = None
) -> tuple[list[KeyIndicator], bool]:
    """The key KR/KPI list: items naming a KR/KPI/OKR (with the strategy and sub-strategy they sit under), or,
    in lists that name none, every numbered line.  Unnumbered lines between items are the list's group headings.
    Returns the items and whether the list ends with ฯลฯ (et cetera)."""
    blocks = _paragraphs(nodes)
    marked = any(_INDICATOR.search(arabic_digits(b.text)) for b in blocks)
    context = _IndicatorContext([] if findings is None else findings)
    items: list[KeyIndicator] = []
    open_ended = False
    previous: Block | None = None
    for block in blocks:
        if _ETC.match(block.text):
            open_ended = True
        elif (item := context.item(block, marked)) is not None:
            items.append(item)
        elif items and _adjacent(previous, block) and not context.is_heading(block) and not _NUMBERED.match(block.text):
            _continue(items[-1], block, glue)
        else:
            context.heading(block)
        previous = block
    return items, open_ended


class _IndicatorContext:
    """What the key-indicator list has said so far: the strategy, sub-strategy and group heading above an item."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.strategy: str | None = None
        self.sub_strategy: str | None = None
        self.group: str | None = None

    def is_heading(self, block: Block) -> bool:
        folded = arabic_digits(block.text)
        return bool(_STRATEGY.search(folded) or _SUB_STRATEGY.search(folded))

    def heading(self, block: Block) -> None:
        """A heading line of the list: a strategy/sub-strategy line sets them; any other heading clears them
        (a new group of items, e.g. the district's development issues)."""
        folded = arabic_digits(block.text)
        strategy, sub = _STRATEGY.search(folded), _SUB_STRATEGY.search(folded)
        if strategy:
            self.strategy, self.sub_strategy = strategy.group("number"), None
        if sub:
            self.sub_strategy = _sub_number(sub)
            self.strategy = self.strategy if strategy else self.sub_strategy.split(".")[0]
        if not strategy and not sub:
            self.strategy = self.sub_strategy = None
        self.group = self._without_code_space(block, sub).strip().lstrip("-• ").strip()

    def _without_code_space(self, block: Block, sub: re.Match | None) -> str:
        """The heading's text with a scan's space after the dot of its sub-strategy number taken out (no code
        has one: ๓. ๑ is ๓.๑; finding ``numbering.space_removed``).  Digit folding keeps the positions."""
        if sub is None or not any(ch.isspace() for ch in sub.group("number")):
            return block.text
        start, end = sub.span("number")
        number = "".join(block.text[start:end].split())
        self.findings.append(_finding("numbering.space_removed", f"sub-strategy number {block.text[start:end]!r} "
                                      f"read with a space after its dot: read {number!r}", block.provenance,
                                      subject=number))
        return block.text[:start] + number + block.text[end:]

    def item(self, block: Block, marked: bool) -> KeyIndicator | None:
        folded = arabic_digits(block.text)
        numbered = _NUMBERED.match(block.text)
        indicator = _INDICATOR.search(folded)
        if indicator is None and (marked or not numbered):
            return None
        number = arabic_digits(numbered.group("number")) if numbered and _numbers_item(numbered, indicator) else None
        text = block.text[indicator.end() :] if indicator else numbered.group("text")
        strategy, sub = _STRATEGY.search(folded), _SUB_STRATEGY.search(folded)
        sub_number = _sub_number(sub) if sub else None
        supporting = bool(_SUPPORTING.search(text))
        return KeyIndicator(
            number=number,
            kind=indicator.group("kind") if indicator else None,
            code=indicator.group("code") if indicator else None,
            text=_SUPPORTING.sub("", text).strip(),
            strategy=strategy.group("number") if strategy else _strategy_of(sub_number) or self.strategy,
            sub_strategy=sub_number or self.sub_strategy,
            group=self.group,
            supporting=supporting,
            source=source_of(block.provenance),
        )


def _sub_number(match: re.Match) -> str:
    """The sub-strategy number of a ``_SUB_STRATEGY`` match, without a scan's space after the dot."""
    return "".join(match.group("number").split())


def _strategy_of(sub_strategy: str | None) -> str | None:
    """The strategy a sub-strategy number belongs to ('5.2' → '5')."""
    return sub_strategy.split(".")[0] if sub_strategy else None


def _numbers_item(numbered: re.Match, indicator: re.Match | None) -> bool:
    """The leading number is the item's own number, not the start of its KR/KPI code."""
    return indicator is None or numbered.start("number") < indicator.start()


# -- SWOT -----------------------------------------------------------------------------------------------------


def swot_items(nodes: list[Node], findings: list[Finding]) -> tuple[list[SwotItem], list[str]]:
    """SWOT items from the environment-analysis sections: a SWOT matrix table (category column, one column per
    domain, items coded S1…T6) or category headings with numbered lists.  Other text is returned apart."""
    items: list[SwotItem] = []
    text: list[str] = []
    for node in nodes:
        for sub in node.walk():
            for table in sub.tables:
                if table.role == "swot":
                    items.extend(_swot_table(table, findings))
            if sub.kind == "swot_category":
                category = _heading_category(sub, findings)
                for entry in numbered_items(sub.paragraphs):
                    items.append(SwotItem(category=category, number=entry.number, text=entry.text, source=entry.source))
            else:
                text.extend(b.text for b in sub.paragraphs)
    return items, text


def _heading_category(node: Node, findings: list[Finding]) -> str:
    """The category of a SWOT heading: its Thai word, or its English gloss where a scan misread the word."""
    if "category" in node.fields:
        return SWOT_CATEGORIES[node.fields["category"]]
    category = _GLOSS_CATEGORY[node.fields["gloss"][0].lower()]
    heading = node.block.text if node.block else ""
    findings.append(_finding("swot.category_by_gloss", f"the category heading {heading!r} has no category word; its "
                             f"English gloss names the {category} category", node.provenance, severity=Severity.INFO))
    return category


def _swot_table(table: LogicalTable, findings: list[Finding]) -> list[SwotItem]:
    header = [t for t in table.header[0].texts if t.strip()] if table.header else []
    domains = header[1:] or [None]
    rows = _swot_rows(table, findings)
    items: list[SwotItem] = []
    for row, columns in zip(rows, _domain_columns(rows, len(domains), findings)):
        if len(row.cells) > len(domains):
            findings.append(_finding("swot.cells_beyond_header", f"the row has {len(row.cells)} domain cells and the "
                                     f"header names {len(domains)} domain(s): the cells beyond it are read without "
                                     "a domain", row.provenance, severity=Severity.WARNING))
        for column, cell in zip(columns, row.cells):
            _swot_cell(cell, row.category, domains[column] if column < len(domains) else None, items, findings)
    return items


@dataclass
class _SwotRow:
    category: str
    cells: list[Cell]  # the domain cells written, in order (the source may have packed them to the left)
    provenance: Provenance

    def codes(self, cell: Cell) -> list[int]:
        """The numbers of the cell's codes of this row's category (S1 S2 → [1, 2])."""
        letter = SWOT_LETTERS[self.category]
        return [int(m.group("number")) for m in _SWOT_CODE.finditer(cell.text) if m.group("letter") == letter]


def _swot_rows(table: LogicalTable, findings: list[Finding]) -> list[_SwotRow]:
    """The table's rows with their category (a row without a category cell is under the category above)."""
    rows: list[_SwotRow] = []
    category: str | None = None
    for record in table.records:
        cells = _record_cells(record)
        if cells and (m := _CATEGORY_CELL.match(cells[0].text)):
            category = SWOT_CATEGORIES[m.group("word")]
            cells = cells[1:]
        elif cells and (m := _CATEGORY_GLOSS.match(cells[0].text)):
            category = _GLOSS_CATEGORY[m.group("gloss")[0].lower()]
            findings.append(_finding("swot.category_by_gloss", f"the category cell {cells[0].text.strip()!r} has no "
                                     f"category word; its English gloss names the {category} category",
                                     record.provenance, severity=Severity.INFO))
            cells = cells[1:]
        if category is None:
            findings.append(_finding("swot.no_category", "a SWOT row comes before any category", record.provenance))
            continue
        rows.append(_SwotRow(category, cells, record.provenance))
    return rows


# Reading orders a SWOT matrix numbers its items in: row by row (S1 S2 | S3, then the next row), or domain by domain.
_ORDERS = {"rows": lambda row, column: (row, column), "domains": lambda row, column: (column, row)}


def _domain_columns(rows: list[_SwotRow], width: int, findings: list[Finding]) -> list[tuple[int, ...]]:
    """The domain column of each written cell of each row.

    A row with a cell per domain is read in place.  A row with fewer cells (the source packed them to the left) is
    placed by the code sequence: the placements that keep the codes increasing in a reading order the full rows
    follow are possible; where exactly one is, it is taken (``swot.domain_inferred``), otherwise the cells are read
    as the first domains (``swot.domain_ambiguous``).  Row-by-row numbering never settles a row with one cell."""
    known: list[tuple[str, int, int, int]] = []  # category, row, column, code of the cells read in place
    for index, row in enumerate(rows):
        if len(row.cells) == width:
            known += [(row.category, index, column, code) for column, cell in enumerate(row.cells)
                      for code in row.codes(cell)]
    orders = {name for name, key in _ORDERS.items() if _increasing(known, key)}
    result = []
    for index, row in enumerate(rows):
        if not 0 < len(row.cells) < width or width < 2:
            result.append(tuple(range(len(row.cells))))
            continue
        possible = [
            columns for columns in combinations(range(width), len(row.cells))
            if any(_increasing(known + _placed(row, index, columns), _ORDERS[name]) for name in orders)
        ]
        coded = any(row.codes(cell) for cell in row.cells)
        if coded and len(possible) == 1:
            known += _placed(row, index, possible[0])
            result.append(possible[0])
            findings.append(_domain_finding(row, width, possible[0], settled=True))
        else:
            result.append(tuple(range(len(row.cells))))
            findings.append(_domain_finding(row, width, None, settled=False))
    return result


def _placed(row: _SwotRow, index: int, columns: tuple[int, ...]) -> list[tuple[str, int, int, int]]:
    return [(row.category, index, column, code) for column, cell in zip(columns, row.cells) for code in row.codes(cell)]


def _increasing(entries: list[tuple[str, int, int, int]], key) -> bool:
    """Whether, category by category, the codes increase in the reading order ``key`` (row, column) → sort key."""
    by_category: dict[str, list[tuple]] = {}
    for category, row, column, code in entries:
        by_category.setdefault(category, []).append((*key(row, column), code))
    for values in by_category.values():
        codes = [v[-1] for v in sorted(values)]
        if any(a >= b for a, b in zip(codes, codes[1:])):
            return False
    return True


def _domain_finding(row: _SwotRow, width: int, columns: tuple[int, ...] | None, *, settled: bool) -> Finding:
    codes = ", ".join(f"{SWOT_LETTERS[row.category]}{n}" for cell in row.cells for n in row.codes(cell)) or "no codes"
    if settled:
        where = ", ".join(str(c + 1) for c in columns)
        return _finding("swot.domain_inferred", f"the row has {len(row.cells)} of {width} domain cells ({codes}); "
                        f"the code sequence places them in domain column(s) {where}", row.provenance,
                        severity=Severity.INFO)
    return _finding("swot.domain_ambiguous", f"the row has {len(row.cells)} of {width} domain cells ({codes}); the "
                    "source packed them to the left and the code sequence does not settle their domain, so they are "
                    "read as the first domain(s)", row.provenance, severity=Severity.INFO)


def _record_cells(record: TableRecord) -> list[Cell]:
    """A record's non-empty cells in column order (category, domains), then the cells no column took."""
    names = [n for n in record.cells if n == "category"] + sorted(n for n in record.cells if n.startswith("domain_"))
    ordered = [record.cells[name] for name in names if record.cells[name].text.strip()]
    return ordered + [c for c in record.extra if c.text.strip()]


def _swot_cell(cell: Cell, category: str, domain: str | None, items: list[SwotItem], findings: list[Finding]) -> None:
    """Items of one cell: 'factor label S1 text S2 text'; a cell with no code continues the domain's last item."""
    text = cell.text.strip()
    matches = list(_SWOT_CODE.finditer(text))
    if not matches:
        previous = next((i for i in reversed(items) if i.domain == domain and i.category == category), None)
        if previous is not None:
            previous.text = f"{previous.text} {text}"
        else:
            items.append(SwotItem(category=category, text=text, domain=domain, source=source_of(cell)))
        return
    factor = text[: matches[0].start()].strip() or None
    for m, following in zip(matches, matches[1:] + [None]):
        code = f"{m.group('letter')}{m.group('number')}"
        body = text[m.end() : following.start() if following else len(text)].strip()
        if m.group("letter") != SWOT_LETTERS[category]:
            findings.append(
                _finding("swot.code_category", f"SWOT item {code} sits under the {category} category", cell.provenance,
                         subject=code)
            )
        items.append(
            SwotItem(category=category, code=code, factor=factor, text=body, domain=domain, source=source_of(cell))
        )


def _codes(text: str) -> list[str]:
    return [f"{m.group('letter')}{m.group('number')}" for m in _SWOT_CODE.finditer(text)]


# -- helpers --------------------------------------------------------------------------------------------------


def _nodes(tree: Node, kind: str) -> list[Node]:
    return tree.find(kind)


def _paragraphs(nodes: list[Node]) -> list[Block]:
    return [b for node in nodes for b in node.paragraphs if b.text.strip()]


def _texts(nodes: list[Node]) -> list[str]:
    return [b.text for b in _paragraphs(nodes)]


def _joined(blocks: list[Block]) -> str:
    """Lines of one statement: wrapped lines joined with a space, lines after a blank line with a newline."""
    out = ""
    previous = None
    for block in blocks:
        if out:
            out += " " if _adjacent(previous, block) else "\n"
        out += block.text.strip()
        previous = block
    return out


def _raw_table(block: Block) -> RawTable:
    return RawTable(rows=[[c.text for c in row.cells] for row in block.rows], source=source_of(block.provenance))


def _finding(code: str, message: str, prov: Provenance, *, severity: Severity = Severity.WARNING,
             subject: str | None = None) -> Finding:
    return Finding(code=code, severity=severity, message=message, subject=subject, source=Source.of(prov))

"""Pages → the block flow of a document, in reading order.

Per page: ruled tables first (their glyphs leave the text flow), then lines of the remaining glyphs, borderless
tables among them, furniture and footnotes set apart, text blocks; everything ordered top to bottom.  Across
pages: running headers/footers recognised by repetition, tables continued on the next page stitched, and a
paragraph cut by a page break joined to its first part.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractor.blocks import Block, BlockKind, Provenance
from extractor.layout.borderless import find_borderless_tables
from extractor.layout.furniture import BAND, NumberSlot, footnote_start, is_furniture, number_slots, running_keys
from extractor.layout.lines import build_lines
from extractor.layout.paragraphs import (
    LineOpenings,
    Margins,
    continues_on_next_page,
    footnote_blocks,
    join_across_pages,
    merge_segments,
    text_block,
    text_groups,
)
from extractor.layout.stitch import compatible, stitch
from extractor.layout.rulings import merge_rulings
from extractor.layout.tables import CellEnds, TableRegion, find_ruled_tables, line_breaks, line_rows, region_block
from extractor.layout.types import PageModel, Ruling, TextLine

Finding = tuple[str, str, Provenance]
MIN_IMAGE = 12.0  # images smaller than this (points) in either direction are decoration


@dataclass(slots=True)
class PageLayout:
    """One page analysed: its tables and its full text lines (segments of a row merged)."""

    page: PageModel
    tables: list[TableRegion] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)

    def all_lines(self) -> list[TextLine]:
        """The text lines and the lines of every table cell."""
        return [*self.lines, *(ln for table in self.tables for row in table.rows for cell in row for ln in cell.lines)]


def analyse_page(page: PageModel) -> PageLayout:
    """Tables and text lines of one page (no cross-page knowledge yet)."""
    ruled, rest = find_ruled_tables(page)
    segments = build_lines(rest)
    borderless, loose = find_borderless_tables(segments)
    lines = [merge_segments(row) for row in line_rows(loose)]
    layout = PageLayout(page, ruled + borderless, lines)
    if page.from_image:
        for ln in layout.all_lines():
            ln.ink_widths = True
    return layout


def layout_document(pages: list[PageModel]) -> tuple[list[Block], list[Finding]]:
    """The block flow of the pages (in page order) and the layout findings."""
    layouts = [analyse_page(p) for p in pages]
    return assemble(layouts)


def keeps_line_end_spaces(layouts: list[PageLayout]) -> bool:
    """The document's text layer keeps the space glyph at the end of a line wrapped at a space: some line of a
    text-layer page ends with one.  A producer's convention, so it holds on every text-layer page of the document
    (a table whose lines all wrap between Thai letters shows no space glyph of its own)."""
    return any(ln.ends_with_space for pl in layouts if not pl.page.from_image for ln in pl.all_lines())


def line_openings(layouts: list[PageLayout], spaces_kept: bool = False) -> LineOpenings:
    """The document's evidence of the phrases its table cells open lines with (``paragraphs.LineOpenings``)."""
    breaks = [
        pair
        for pl in layouts
        for table in pl.tables
        for pair in line_breaks(table, spaces_kept and not pl.page.from_image)
    ]
    return LineOpenings(breaks, [ln for pl in layouts for ln in pl.all_lines()])


@dataclass(slots=True)
class _PageBlocks:
    """A page's blocks, with what joining across the page break needs: the margins and each text block's ends."""

    number: int  # page number
    blocks: list[Block]
    removed: int  # furniture lines
    margins: Margins
    ends: dict[int, tuple[TextLine, TextLine]]  # id(text block) → its first and last line


def assemble(layouts: list[PageLayout]) -> tuple[list[Block], list[Finding]]:
    findings: list[Finding] = []
    running = running_keys([(pl.page.height, pl.lines) for pl in layouts])
    slots = number_slots([(pl.page.width, pl.page.height, pl.lines) for pl in layouts])
    body = _body_size(layouts)
    blocks: list[Block] = []
    edges: dict[int, list[float]] = {}
    reach: dict[int, int] = {}  # id(table block) → the last page it runs onto (stitched parts included)
    cell_ends: dict[int, CellEnds] = {}  # id(cell) → its first and last lines (joining a row across pages)
    removed = 0
    previous: _PageBlocks | None = None
    spaces_kept = keeps_line_end_spaces(layouts)
    openings = line_openings(layouts, spaces_kept)
    for pl in layouts:
        slot = {key[1]: v for key, v in slots.items() if key[0] == round(pl.page.width)}
        page = _page_blocks(pl, (running, slot), body, edges, cell_ends, openings, spaces_kept and not pl.page.from_image)
        removed += page.removed
        _append_page(blocks, page, previous, edges, reach, cell_ends, findings)
        previous = page
    if removed:
        findings.append(("layout.furniture_removed", f"{removed} running header/footer/page-number line(s)", Provenance()))
    return blocks, findings


def _body_size(layouts: list[PageLayout]) -> float:
    counts: Counter[float] = Counter()
    for pl in layouts:
        for ln in pl.lines:
            counts[round(ln.size, 1)] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 12.0


def _page_blocks(
    pl: PageLayout,
    furniture: tuple[set[str], dict[bool, NumberSlot]],
    body: float,
    edges: dict[int, list[float]],
    cell_ends: dict[int, CellEnds],
    openings: LineOpenings | None = None,
    spaces_kept: bool = False,
) -> _PageBlocks:
    page = pl.page
    running, slots = furniture  # running header/footer texts; the page-number slot of each band (top: True)
    content = [ln for ln in pl.lines
               if not is_furniture(ln, page.height, running, slots.get(ln.y1 <= BAND * page.height))]
    removed = len(pl.lines) - len(content)
    notes_y = footnote_start(content, _free_rulings(page, pl.tables), page.width, page.height, body)
    notes = [ln for ln in content if ln.y0 >= notes_y]
    content = [ln for ln in content if ln.y0 < notes_y]
    items: list[tuple[float, int, list[Block]]] = []
    for table in pl.tables:
        block = region_block(table, page.number, cell_ends, openings, spaces_kept)
        edges[id(block)] = table.col_edges
        items.append((table.bbox[1], 0, [block]))
    left = min((ln.x0 for ln in content), default=0.0)
    for box in page.images:
        if box[2] - box[0] >= MIN_IMAGE and box[3] - box[1] >= MIN_IMAGE:  # logos and figures, not specks
            items.append((box[1], 2, [Block(BlockKind.IMAGE, provenance=Provenance(page=page.number, bbox=box))]))
    right = max(max((ln.x1 for ln in content), default=page.width), page.width - left)  # margins are symmetric
    ends: dict[int, tuple[TextLine, TextLine]] = {}
    for run in _runs_between_tables(content, pl.tables):
        run_blocks = []
        for group in text_groups(run, right, left):
            block = text_block(group, page.number, body, spaces_kept)
            ends[id(block)] = (group[0], group[-1])
            run_blocks.append(block)
        if run_blocks:
            items.append((run[0].y0, 1, run_blocks))
    items.sort(key=lambda item: (item[0], item[1]))
    out = [b for _, _, group in items for b in group]
    out.extend(footnote_blocks(notes, page.number, spaces_kept))
    return _PageBlocks(page.number, out, removed, (left, right), ends)


def _free_rulings(page: PageModel, tables: list[TableRegion]) -> list[Ruling]:
    """Horizontal rules drawn outside every table: a table's edges (drawn one cell at a time, so each piece is
    short) are not footnote separators."""
    out = []
    for r in merge_rulings([r for r in page.rulings if r.horizontal]):
        if not any(t.bbox[1] - 2 <= r.pos <= t.bbox[3] + 2 and r.start < t.bbox[2] and r.end > t.bbox[0] for t in tables):
            out.append(r)
    return out


def _runs_between_tables(lines: list[TextLine], tables: list[TableRegion]) -> list[list[TextLine]]:
    """Split the text lines where a table sits between them, so a paragraph never joins across a table."""
    cuts = sorted(t.bbox[1] for t in tables)
    runs: list[list[TextLine]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        runs[sum(1 for c in cuts if ln.y0 > c)].append(ln)
    return runs


def _append_page(
    blocks: list[Block],
    page: _PageBlocks,
    previous: _PageBlocks | None,
    edges: dict[int, list[float]],
    reach: dict[int, int],
    cell_ends: dict[int, CellEnds],
    findings: list,
) -> None:
    """Append a page's blocks, joining its opening table or paragraph onto the one closing the previous page."""
    page_blocks = page.blocks
    last = next((b for b in reversed(blocks) if b.kind is not BlockKind.FOOTNOTE), None)
    first = next((b for b in page_blocks if b.kind is not BlockKind.FOOTNOTE), None)
    if last is not None and first is not None and last.is_table and first.is_table and _next_page(last, first, reach):
        if compatible(last, first, edges.get(id(last), []), edges.get(id(first), [])):
            stitch(last, first, findings, cell_ends)
            reach[id(last)] = page.number
            page_blocks = [b for b in page_blocks if b is not first]
    elif last is not None and first is not None and previous is not None and _paragraph_continues(last, first, previous, page):
        join_across_pages(last, first, previous.ends[id(last)][1].ends_with_space)
        findings.append(("layout.paragraph_joined", "paragraph continued across a page break joined", first.provenance))
        page.ends[id(last)] = (previous.ends[id(last)][0], page.ends.pop(id(first))[1])  # it may go on again
        page_blocks = [b for b in page_blocks if b is not first]
    blocks.extend(page_blocks)


def _paragraph_continues(last: Block, first: Block, previous: _PageBlocks, page: _PageBlocks) -> bool:
    if id(last) not in previous.ends or id(first) not in page.ends or page.number != previous.number + 1:
        return False
    closing, opening = previous.ends[id(last)][1], page.ends[id(first)][0]
    return continues_on_next_page(last, closing, previous.margins, first, opening, page.margins)


def _next_page(last: Block, first: Block, reach: dict[int, int]) -> bool:
    """The table opening this page follows directly on the page where the other one ends (a row it merged from a
    later page keeps the provenance of its first part: ``reach`` knows the last page of a stitched table)."""
    end = last.rows[-1].provenance.page if last.rows else last.provenance.page
    end = max(end or 0, reach.get(id(last), 0)) or None
    return end is not None and first.provenance.page == end + 1

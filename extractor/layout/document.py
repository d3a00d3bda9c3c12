"""Pages → the block flow of a document, in reading order.

Per page: ruled tables first (their glyphs leave the text flow), then lines of the remaining glyphs, borderless
tables among them, furniture and footnotes set apart, text blocks; everything ordered top to bottom.  Across
pages: running headers/footers recognised by repetition, and tables continued on the next page stitched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractor.blocks import Block, BlockKind, Provenance
from extractor.layout.borderless import find_borderless_tables
from extractor.layout.furniture import footnote_start, is_furniture, running_keys
from extractor.layout.lines import build_lines
from extractor.layout.paragraphs import footnote_blocks, merge_segments, text_blocks
from extractor.layout.stitch import compatible, stitch
from extractor.layout.tables import TableRegion, find_ruled_tables, line_rows, region_block
from extractor.layout.types import PageModel, TextLine

Finding = tuple[str, str, Provenance]
MIN_IMAGE = 12.0  # images smaller than this (points) in either direction are decoration


@dataclass(slots=True)
class PageLayout:
    """One page analysed: its tables and its full text lines (segments of a row merged)."""

    page: PageModel
    tables: list[TableRegion] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)


def analyse_page(page: PageModel) -> PageLayout:
    """Tables and text lines of one page (no cross-page knowledge yet)."""
    ruled, rest = find_ruled_tables(page)
    segments = build_lines(rest)
    borderless, loose = find_borderless_tables(segments)
    lines = [merge_segments(row) for row in line_rows(loose)]
    return PageLayout(page, ruled + borderless, lines)


def layout_document(pages: list[PageModel]) -> tuple[list[Block], list[Finding]]:
    """The block flow of the pages (in page order) and the layout findings."""
    layouts = [analyse_page(p) for p in pages]
    return assemble(layouts)


def assemble(layouts: list[PageLayout]) -> tuple[list[Block], list[Finding]]:
    findings: list[Finding] = []
    running = running_keys([(pl.page.height, pl.lines) for pl in layouts])
    body = _body_size(layouts)
    blocks: list[Block] = []
    edges: dict[int, list[float]] = {}
    removed = 0
    for pl in layouts:
        page_blocks, n_removed = _page_blocks(pl, running, body, edges)
        removed += n_removed
        _append_page(blocks, page_blocks, edges, findings)
    if removed:
        findings.append(("layout.furniture_removed", f"{removed} running header/footer/page-number line(s)", Provenance()))
    return blocks, findings


def _body_size(layouts: list[PageLayout]) -> float:
    counts: Counter[float] = Counter()
    for pl in layouts:
        for ln in pl.lines:
            counts[round(ln.size, 1)] += len(ln.text)
    return counts.most_common(1)[0][0] if counts else 12.0


def _page_blocks(pl: PageLayout, running: set[str], body: float, edges: dict[int, list[float]]) -> tuple[list[Block], int]:
    page = pl.page
    content = [ln for ln in pl.lines if not is_furniture(ln, page.height, running)]
    removed = len(pl.lines) - len(content)
    notes_y = footnote_start(content, page.rulings, page.width, page.height, body)
    notes = [ln for ln in content if ln.y0 >= notes_y]
    content = [ln for ln in content if ln.y0 < notes_y]
    items: list[tuple[float, int, list[Block]]] = []
    for table in pl.tables:
        block = region_block(table, page.number)
        edges[id(block)] = table.col_edges
        items.append((table.bbox[1], 0, [block]))
    left = min((ln.x0 for ln in content), default=0.0)
    for box in page.images:
        if box[2] - box[0] >= MIN_IMAGE and box[3] - box[1] >= MIN_IMAGE:  # logos and figures, not specks
            items.append((box[1], 2, [Block(BlockKind.IMAGE, provenance=Provenance(page=page.number, bbox=box))]))
    right = max(max((ln.x1 for ln in content), default=page.width), page.width - left)  # margins are symmetric
    for run in _runs_between_tables(content, pl.tables):
        if run:
            items.append((run[0].y0, 1, text_blocks(run, page.number, body, right, left)))
    items.sort(key=lambda item: (item[0], item[1]))
    out = [b for _, _, group in items for b in group]
    out.extend(footnote_blocks(notes, page.number))
    return out, removed


def _runs_between_tables(lines: list[TextLine], tables: list[TableRegion]) -> list[list[TextLine]]:
    """Split the text lines where a table sits between them, so a paragraph never joins across a table."""
    cuts = sorted(t.bbox[1] for t in tables)
    runs: list[list[TextLine]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        runs[sum(1 for c in cuts if ln.y0 > c)].append(ln)
    return runs


def _append_page(blocks: list[Block], page_blocks: list[Block], edges: dict[int, list[float]], findings: list) -> None:
    """Append a page's blocks, stitching its opening table onto the previous page's closing table."""
    last = next((b for b in reversed(blocks) if b.kind is not BlockKind.FOOTNOTE), None)
    first = next((b for b in page_blocks if b.kind is not BlockKind.FOOTNOTE), None)
    if last is not None and first is not None and last.is_table and first.is_table and _next_page(last, first):
        if compatible(last, first, edges.get(id(last), []), edges.get(id(first), [])):
            stitch(last, first, findings)
            page_blocks = [b for b in page_blocks if b is not first]
    blocks.extend(page_blocks)


def _next_page(last: Block, first: Block) -> bool:
    """The table opening this page follows directly on the page where the other one ends."""
    end = last.rows[-1].provenance.page if last.rows else last.provenance.page
    return end is not None and first.provenance.page == end + 1

"""Table overlays from the block flow: one box per drawn cell with its spans, one region per page of a table."""

from __future__ import annotations

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.emit.review.sources import table_overlays


def cell(text: str, page: int, bbox, **kw) -> Cell:
    return Cell(text=text, raw=text, provenance=Provenance(page=page, bbox=bbox), **kw)


def test_a_row_spanning_cell_is_drawn_once_with_its_spans() -> None:
    rows = [
        Row([cell("ตัวชี้วัด", 1, (0, 0, 50, 40), row_span=2), cell("2566", 1, (50, 0, 90, 20))]),
        Row([cell("ตัวชี้วัด", 1, (0, 0, 50, 40), inherited=True), cell("2567", 1, (50, 20, 90, 40))]),
    ]
    (table,) = table_overlays([Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=1, bbox=(0, 0, 90, 40)))])
    assert [(c["text"], c["row"], c["row_span"]) for c in table["cells"]] == [
        ("ตัวชี้วัด", 0, 2), ("2566", 0, 1), ("2567", 1, 1)]


def test_a_table_continued_on_the_next_page_has_a_region_on_each_page() -> None:
    rows = [Row([cell("a", 3, (10, 700, 100, 720))]), Row([cell("b", 4, (10, 60, 100, 80))], is_continuation=True)]
    block = Block(BlockKind.TABLE, rows=rows, provenance=Provenance(page=3, bbox=(10, 700, 100, 720)))
    (table,) = table_overlays([block, Block(BlockKind.PARAGRAPH, text="x")])
    assert table["regions"] == [{"page": 3, "bbox": [10, 700, 100, 720]}, {"page": 4, "bbox": [10, 60, 100, 80]}]


def test_dump_cells_without_their_own_provenance_take_their_rows_line() -> None:
    row = Row([Cell("ก", "ก"), Cell("ข", "ข")], provenance=Provenance(line_start=12, line_end=12))
    (table,) = table_overlays([Block(BlockKind.TABLE, rows=[row], provenance=Provenance(line_start=12, line_end=12))])
    assert [c["line_start"] for c in table["cells"]] == [12, 12] and table["regions"] == []
    assert (table["line_start"], table["line_end"]) == (12, 12)

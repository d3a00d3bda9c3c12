"""Reader for legacy text exports of plan documents ("dumps").

A dump has no geometry, so this reader emits the block flow directly, one source line at a time:

- a line containing ``|`` cells (pipe tables) or TAB-separated cells is a table row; consecutive rows form one table
  block (a blank line or a non-table line ends it);
- markdown headings (``#``), bold (``**…**``) and list items (``-``, ``1)``) become heading candidates, bold flags and
  list items; their levels are hints only, the grammar decides what a line is;
- HTML inside a line or cell (``<p>``, ``<ul><li>``, ``<b>``, ``<math>``) is parsed with lxml into plain text, one
  paragraph or list item per line, so nothing is lost;
- image placeholders (``image(…) removed``) become image blocks.

Text is kept as written here (``raw``: the line or cell, markup included; the only change is SARA AM that the
export kept as the two glyphs a font draws it with, composed by ``thai.written.as_written``, so raw agrees with
what a PDF of the same text reads); Thai repair is the next stage.  Provenance is the 1-based source line.
"""

from __future__ import annotations

import regex as re

from extractor.blocks import Block, BlockKind, Cell, Provenance, Row
from extractor.ingest.html_text import html_to_text
from extractor.thai.written import as_written

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*]\s+|\(?\d{1,2}\)\s*|\d{1,2}\.\s+(?=\S))")
_IMAGE = re.compile(r"image\((?P<alt>.*)\)\s*removed")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def read_dump_text(text: str) -> list[Block]:
    """Turn the text of a dump into blocks (tables grouped, every line kept)."""
    blocks: list[Block] = []
    table_rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        row = _table_row(line, number)
        if row is not None:
            table_rows.append(row)
            continue
        if table_rows:
            blocks.append(_table_block(table_rows))
            table_rows = []
        block = _line_block(line, number)
        if block is not None:
            blocks.append(block)
    if table_rows:
        blocks.append(_table_block(table_rows))
    return blocks


def split_row_cells(line: str) -> list[str] | None:
    """The raw cell texts of a table line, or None when the line is not a table row.

    Pipe rows end with a closing ``|`` whose empty tail is not a cell; TAB rows keep their empty cells, because
    the position of an empty cell can matter (the grammar decides by content when it does not).
    """
    if "\t" in line:
        return line.split("\t")
    if "|" in line:
        cells = line.split("|")
        if cells and not cells[-1].strip():
            cells = cells[:-1]
        if line.lstrip().startswith("|") and cells and not cells[0].strip():
            cells = cells[1:]
        if all(set(c.strip()) <= set("-: ") for c in cells):
            return []  # markdown separator row |---|---|
        return cells
    return None


def _table_row(line: str, number: int) -> Row | None:
    cells = split_row_cells(line)
    if cells is None:
        return None
    prov = Provenance(line_start=number, line_end=number)
    return Row(cells=[_cell(c, prov) for c in cells], provenance=prov)


def _cell(raw: str, prov: Provenance) -> Cell:
    raw, repairs = as_written(raw)
    return Cell(text=_plain(raw), raw=raw, provenance=prov, repairs=repairs)


def _plain(raw: str) -> str:
    """Cell or line text without markup, whitespace folded (newlines kept between HTML paragraphs)."""
    text = html_to_text(raw) if _HTML_TAG.search(raw) else raw
    text = _BOLD.sub(r"\1", text)
    lines = [" ".join(part.split()) for part in text.split("\n")]
    return "\n".join(part for part in lines if part)


def _table_block(rows: list[Row]) -> Block:
    rows = [r for r in rows if r.cells]  # markdown separator rows carry no content
    prov = rows[0].provenance.merge(rows[-1].provenance) if rows else Provenance()
    return Block(kind=BlockKind.TABLE, rows=rows, provenance=prov)


def _line_block(line: str, number: int) -> Block | None:
    stripped = line.strip()
    if not stripped:
        return None
    prov = Provenance(line_start=number, line_end=number)
    line, repairs = as_written(line)
    stripped = line.strip()
    image = _IMAGE.search(stripped)
    if image:
        return Block(kind=BlockKind.IMAGE, text=image.group("alt"), raw=line, provenance=prov)
    heading = _MD_HEADING.match(stripped)
    if heading:
        text = _plain(heading.group(2))
        return Block(
            kind=BlockKind.HEADING, text=text, raw=line, provenance=prov, level=len(heading.group(1)), repairs=repairs
        )
    bold = bool(_BOLD.fullmatch(stripped)) or stripped.startswith("**")
    kind = BlockKind.LIST_ITEM if _LIST_ITEM.match(stripped) else BlockKind.PARAGRAPH
    return Block(kind=kind, text=_plain(stripped), raw=line, provenance=prov, bold=bold, repairs=repairs)

"""Text lines → heading, paragraph, list item and footnote blocks.

Lines are joined into one paragraph only when the earlier line runs to the right margin (it wrapped), the style is
the same and the next line is not a new list item; the join uses the Thai wrap rules.  A heading is only a
candidate (bold or larger text); the grammar decides what it really is.
"""

from __future__ import annotations

import regex as re

from extractor.blocks import Block, BlockKind, Provenance, Repair
from extractor.layout.text import joined_text
from extractor.layout.types import TextLine

_LIST_MARK = re.compile(r"^(?:[\d๐-๙]{1,2}[.)]\s|\([\d๐-๙]{1,2}\)|[-•●▪■◦○–]\s?|[ก-ฮ][.)]\s)")
WRAP_MARGIN = 0.85  # a line reaching this fraction of the text width wrapped
HEADING_SIZE = 1.15  # text this much larger than the body is a heading candidate


def merge_segments(row: list[TextLine]) -> TextLine:
    """One full line from the segments of a row (left to right), footnote marks re-based."""
    if len(row) == 1:
        return row[0]
    text_parts: list[str] = []
    marks = []
    offset = 0
    for seg in row:
        if text_parts:
            text_parts.append(" ")
            offset += 1
        for m in seg.marks:
            m.offset += offset
            marks.append(m)
        text_parts.append(seg.text)
        offset += len(seg.text)
    sizes = max(row, key=lambda t: len(t.text)).size
    bold = sum(len(t.text) for t in row if t.bold) * 2 > sum(len(t.text) for t in row)
    return TextLine(
        "".join(text_parts),
        min(t.x0 for t in row),
        min(t.y0 for t in row),
        max(t.x1 for t in row),
        max(t.y1 for t in row),
        sizes,
        bold,
        marks,
    )


def text_blocks(lines: list[TextLine], page: int, body_size: float, right: float, left: float) -> list[Block]:
    """Blocks of the text lines of one page region (already in reading order)."""
    blocks: list[Block] = []
    group: list[TextLine] = []
    for ln in lines:
        if group and _continues(group[-1], ln, right, left):
            group.append(ln)
            continue
        if group:
            blocks.append(_block(group, page, body_size))
        group = [ln]
    if group:
        blocks.append(_block(group, page, body_size))
    return blocks


def footnote_blocks(lines: list[TextLine], page: int) -> list[Block]:
    """Footnotes: a new one starts at each line opening with a note mark; the lines after it wrap it."""
    groups: list[list[TextLine]] = []
    for ln in lines:
        if groups and not re.match(r"^(?:[\d๐-๙]{1,2}|\*+)\s*\S", ln.text):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    blocks: list[Block] = []
    for group in groups:
        text, raw, repairs = joined_text(group)
        blocks.append(Block(BlockKind.FOOTNOTE, text, raw, provenance=_provenance(group, page), repairs=repairs))
    return blocks


def _provenance(group: list[TextLine], page: int) -> Provenance:
    bbox = (min(t.x0 for t in group), min(t.y0 for t in group), max(t.x1 for t in group), max(t.y1 for t in group))
    return Provenance(page=page, bbox=bbox)


def _continues(prev: TextLine, ln: TextLine, right: float, left: float) -> bool:
    if prev.bold != ln.bold or abs(prev.size - ln.size) > 0.6:
        return False
    if ln.y0 - prev.y1 > 0.6 * prev.height or ln.y0 < prev.y1 - 0.3 * prev.height:
        return False
    if prev.x1 < left + WRAP_MARGIN * (right - left) or _LIST_MARK.match(ln.text):
        return False
    return ln.x0 >= left - 2 and ln.x0 <= prev.x0 + 0.5 * (right - left)


def _block(group: list[TextLine], page: int, body_size: float) -> Block:
    text, raw, repairs = joined_text(group)
    marks = [Repair("layout.footnote_ref", m.offset, m.text, "") for ln in group for m in ln.marks]
    first = group[0]
    bold = all(t.bold for t in group)
    if (bold or first.size >= HEADING_SIZE * body_size) and len(text) < 200:
        kind = BlockKind.HEADING
    elif _LIST_MARK.match(text):
        kind = BlockKind.LIST_ITEM
    else:
        kind = BlockKind.PARAGRAPH
    return Block(kind, text, raw, provenance=_provenance(group, page), bold=bold, repairs=tuple(marks) + repairs)

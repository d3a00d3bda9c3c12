"""Flow → pages → PDF bytes, deterministically.

Geometry is computed here, never by MuPDF's layout: lines are broken by ``fonts.break_lines``, each text box is then
drawn with a MuPDF Story (HarfBuzz shaping, so the TLWG fonts emit their private-use positional glyphs the way real
Thai PDFs do) at a position fixed in advance.  Ruled tables are drawn as line segments (one per cell edge, shared
edges drawn once); their header rows are repeated on every page; a row that does not fit is split between its
lines when its first cell fits the first part (the continuation then opens with an empty first cell, as word
processors print it), else moved to the next page.  Content stays out of the top and bottom 10% of the page, where
readers look for running furniture; the page number (``- n -``) sits in the top band.

Determinism: no clock, no random ids: metadata dates are fixed and the PDF is saved with ``no_new_id``.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from itertools import groupby

import pymupdf

from corpus.render import flow as fl
from corpus.render.fonts import SYMBOL_FONT, TLWG_DIR, break_lines, family_of, metrics, needs_symbol_font

A4 = (595.0, 842.0)
SIDE = 56.0  # left/right margins
BAND = 0.10  # content stays out of this fraction of the page at top and bottom
PAD = 3.0  # cell padding
LINE_PITCH = 1.45  # line distance as a multiple of the font size (readers see glyph boxes about one size high)
RULE = 0.6
FIXED_DATE = "D:20240101000000Z"


@dataclass
class TextOp:
    x: float
    y: float
    width: float
    lines: list[str]
    size: float
    bold: bool
    align: str


@dataclass
class Page:
    width: float
    height: float
    texts: list[TextOp] = field(default_factory=list)
    segments: set[tuple[float, float, float, float]] = field(default_factory=set)
    notes: list[TextOp] = field(default_factory=list)


class Typesetter:
    """Places flow items on pages; ``pages`` is the result."""

    def __init__(self, family: str) -> None:
        family_of(family)
        self.family = family
        self.pages: list[Page] = []
        self.landscape = False
        self.y = 0.0
        self.notes_height = 0.0

    # ---- page geometry ------------------------------------------------------------------------------------------
    def pitch(self, size: float, bold: bool = False) -> float:
        return size * LINE_PITCH

    def measure(self, size: float, bold: bool):
        m = metrics(self.family, bold)
        return lambda s: m.width(s, size)

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def left(self) -> float:
        return SIDE

    @property
    def right(self) -> float:
        return self.page.width - SIDE

    @property
    def bottom(self) -> float:
        return self.page.height * (1 - BAND) - 4 - self.notes_height

    def new_page(self) -> None:
        w, h = A4
        self.pages.append(Page(h, w) if self.landscape else Page(w, h))
        self.y = self.page.height * BAND + 6
        self.notes_height = 0.0

    def ensure(self, height: float) -> None:
        if not self.pages or (self.y + height > self.bottom and self.y > self.page.height * BAND + 6):
            self.new_page()

    # ---- items --------------------------------------------------------------------------------------------------
    def run(self, items: list[fl.Item]) -> list[Page]:
        for item in items:
            if isinstance(item, fl.Section):
                self.landscape = item.landscape
                self.new_page()
            elif isinstance(item, fl.PageBreak):
                self.new_page()
            elif isinstance(item, fl.Text):
                self.text(item)
            elif isinstance(item, fl.Table):
                self.table(item)
            elif isinstance(item, fl.Footnote):
                self.footnote(item)
        return self.pages

    def text(self, item: fl.Text) -> None:
        width = self.right - self.left if self.pages else A4[0] - 2 * SIDE
        lines = break_lines(item.text, width, self.measure(item.size, item.bold))
        pitch = self.pitch(item.size, item.bold)
        gap = item.gap * pitch
        if item.bold:  # a heading is kept on one page, as word processors keep a heading's lines together
            self.ensure(gap + pitch * len(lines))
        while lines:
            self.ensure(gap + pitch)
            self.y += gap
            fit = max(1, int((self.bottom - self.y) // pitch))
            chunk, lines = lines[:fit], lines[fit:]
            self.page.texts.append(TextOp(self.left, self.y, self.right - self.left, chunk, item.size, item.bold, item.align))
            self.y += pitch * len(chunk)
            gap = 0.0

    def footnote(self, item: fl.Footnote) -> None:
        if not self.pages:
            self.new_page()
        width = self.right - self.left
        lines = break_lines(f"{item.mark} {item.text}", width, self.measure(fl.NOTE, False))
        pitch = self.pitch(fl.NOTE)
        self.page.notes.append(TextOp(self.left, 0.0, width, lines, fl.NOTE, False, "left"))
        self.notes_height += pitch * len(lines) + (8 if len(self.page.notes) == 1 else 0)

    def table(self, item: fl.Table) -> None:
        layout = TableLayout(self, item)
        header_h = sum(layout.header_heights)
        groups = layout.groups()
        self.ensure(header_h + (layout.group_height(groups[0]) if groups else 0) + 6)
        self.y += 6
        layout.draw_header()
        for group in groups:
            layout.place_group(group)


class TableLayout:
    """One table's columns, wrapped cells and row heights, and its placement across pages."""

    def __init__(self, ts: Typesetter, table: fl.Table) -> None:
        self.ts, self.table = ts, table
        if not ts.pages:
            ts.new_page()
        total = ts.right - ts.left
        scale = total / sum(table.widths)
        self.xs = [ts.left]
        for w in table.widths:
            self.xs.append(self.xs[-1] + w * scale)
        self.pitch = ts.pitch(table.size)
        self._covered: dict[int, int] = {}
        self.header = [self._grid_row(r) for r in table.header]
        self._covered = {}
        self.rows = [self._grid_row(r) for r in table.rows]
        self.header_heights = self._heights(self.header)
        self.heights = self._heights(self.rows)

    # cells placed on the column grid: (col, cell, lines); rowspans tracked so later rows skip covered columns
    def _grid_row(self, row: tuple[fl.Cell, ...]) -> list[tuple[int, fl.Cell, list[str]]]:
        out, col = [], 0
        covered = self._covered
        placed = []
        for cell in row:
            while covered.get(col, 0) > 0:
                col += 1
            width = self.xs[col + cell.colspan] - self.xs[col] - 2 * PAD
            lines = break_lines(cell.text, width, self.ts.measure(self.table.size, cell.bold)) if cell.text else []
            out.append((col, cell, lines))
            placed.append((col, cell))
            col += cell.colspan
        self._covered = {c: n - 1 for c, n in covered.items() if n > 1}
        for c, cell in placed:
            if cell.rowspan > 1:
                for k in range(cell.colspan):
                    self._covered[c + k] = cell.rowspan - 1
        return out

    def _need(self, lines: list[str]) -> float:
        return max(1, len(lines)) * self.pitch + 2 * PAD

    def _heights(self, rows) -> list[float]:
        heights = [max((self._need(l) for _, c, l in row if c.rowspan == 1), default=self._need([])) for row in rows]
        for i, row in enumerate(rows):
            for _, cell, lines in row:
                if cell.rowspan > 1:
                    span = range(i, min(i + cell.rowspan, len(rows)))
                    short = self._need(lines) - sum(heights[j] for j in span)
                    if short > 0:
                        heights[span[-1]] += short
        return heights

    def groups(self) -> list[list[int]]:
        """Row indexes bound together by row spans (kept on one page when they fit)."""
        groups: list[list[int]] = []
        end = -1
        for i, row in enumerate(self.rows):
            if i > end:
                groups.append([])
            groups[-1].append(i)
            end = max([end, i] + [i + c.rowspan - 1 for _, c, _ in row])
        return groups

    def group_height(self, group: list[int]) -> float:
        return sum(self.heights[i] for i in group)

    # ---- drawing ------------------------------------------------------------------------------------------------
    def draw_header(self) -> None:
        self._draw_rows(self.header, self.header_heights, range(len(self.header)))

    def page_break(self) -> None:
        self.ts.new_page()
        self.draw_header()

    def place_group(self, group: list[int]) -> None:
        height = self.group_height(group)
        if self.ts.y + height <= self.ts.bottom:
            self._draw_rows(self.rows, self.heights, group)
            return
        fresh = self.ts.bottom - (self.ts.page.height * BAND + 6) - sum(self.header_heights)
        if len(group) == 1 and self._split_row(group[0]):
            return
        if height <= fresh or len(group) == 1:
            self.page_break()
            if len(group) == 1 and self.ts.y + height > self.ts.bottom and self._split_row(group[0]):
                return
            self._draw_rows(self.rows, self.heights, group)
            return
        for i in group:  # a spanned group taller than a page: break between its rows
            if self.ts.y + self.heights[i] > self.ts.bottom:
                self.page_break()
            self._draw_rows(self.rows, self.heights, [i])

    def _split_row(self, index: int) -> bool:
        """Split a plain row at a line boundary; False when its first cell would not fit the first part."""
        row = self.rows[index]
        if any(c.rowspan > 1 for _, c, _ in row):
            return False
        fit = int((self.ts.bottom - self.ts.y - 2 * PAD) // self.pitch)
        first_cell_lines = len(row[0][2]) if row else 0
        if fit < 2 or first_cell_lines > fit:
            return False
        head = [(col, cell, lines[:fit]) for col, cell, lines in row]
        tail = [(col, cell, lines[fit:]) for col, cell, lines in row]
        self._draw_rows([head], [self.ts.bottom - self.ts.y], [0])
        self.page_break()
        rest = [tail]
        height = self._heights(rest)
        while self.ts.y + height[0] > self.ts.bottom:  # still too tall: keep splitting
            fit = int((self.ts.bottom - self.ts.y - 2 * PAD) // self.pitch)
            part = [[(c, cell, lines[:fit]) for c, cell, lines in rest[0]]]
            self._draw_rows(part, [self.ts.bottom - self.ts.y], [0])
            self.page_break()
            rest = [[(c, cell, lines[fit:]) for c, cell, lines in rest[0]]]
            height = self._heights(rest)
        self._draw_rows(rest, height, [0])
        return True

    def _draw_rows(self, rows, heights, indexes) -> None:
        indexes = list(indexes)
        top = self.ts.y
        ys = {i: top + sum(heights[j] for j in indexes[: k]) for k, i in enumerate(indexes)}
        bottom = top + sum(heights[i] for i in indexes)
        last = indexes[-1] if indexes else -1
        for i in indexes:
            for col, cell, lines in rows[i]:
                x0, x1 = self.xs[col], self.xs[col + cell.colspan]
                y0 = ys[i]
                y1 = min(ys.get(i + cell.rowspan, bottom), bottom) if i + cell.rowspan - 1 <= last else bottom
                self._box(x0, y0, x1, y1)
                if lines:
                    op = TextOp(x0 + PAD, y0 + PAD, x1 - x0 - 2 * PAD, lines, self.table.size, cell.bold, cell.align)
                    self.ts.page.texts.append(op)
        self.ts.y = bottom

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        r = lambda v: round(v, 2)  # noqa: E731
        segs = self.ts.page.segments
        segs.update({(r(x0), r(y0), r(x1), r(y0)), (r(x0), r(y1), r(x1), r(y1))})
        segs.update({(r(x0), r(y0), r(x0), r(y1)), (r(x1), r(y0), r(x1), r(y1))})


# ---- PDF output ---------------------------------------------------------------------------------------------------
def _css(family: str, size_rules: str = "") -> str:
    fam = family_of(family)
    return (
        f"@font-face {{font-family: T; src: url({fam.regular});}}"
        f"@font-face {{font-family: T; src: url({fam.bold}); font-weight: bold;}}"
        f"@font-face {{font-family: S; src: url({SYMBOL_FONT.name});}}"
        "body, div {margin: 0; padding: 0;} div {font-family: T; white-space: pre;}" + size_rules
    )


def _story_html(op: TextOp, pitch: float, family: str) -> str:
    weight = "bold" if op.bold else "normal"
    style = f"font-size: {op.size}pt; line-height: {pitch:.3f}pt; font-weight: {weight}; text-align: {op.align}"
    body = "".join(f"<div>{_line_html(line, family) or '&#160;'}</div>" for line in op.lines)
    return f'<div style="{style}">{body}</div>'


def _line_html(line: str, family: str) -> str:
    """A line as HTML, runs of characters the TLWG font lacks set in the symbol font (``S``)."""
    out: list[str] = []
    for symbol, run in groupby(line, key=lambda ch: needs_symbol_font(family, ch)):
        text = html.escape("".join(run))
        out.append(f'<span style="font-family: S">{text}</span>' if symbol else text)
    return "".join(out)


def write_pdf(pages: list[Page], family: str, title: str) -> bytes:
    """Draw the pages: text with MuPDF Stories, then rulings and page numbers; fixed metadata."""
    archive = pymupdf.Archive(str(TLWG_DIR))
    if SYMBOL_FONT.exists():
        archive.add(str(SYMBOL_FONT.parent))
    css = _css(family)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    ts = Typesetter(family)
    for number, page in enumerate(pages, start=1):
        dev = writer.begin_page(pymupdf.Rect(0, 0, page.width, page.height))
        number_op = TextOp(0, page.height * 0.035, page.width, [f"- {number} -"], fl.BODY, False, "center")
        for op in [number_op, *page.texts, *_placed_notes(page, ts)]:
            pitch = ts.pitch(op.size, op.bold)
            story = pymupdf.Story(_story_html(op, pitch, family), user_css=css, archive=archive)
            story.place(pymupdf.Rect(op.x, op.y, op.x + op.width + 1, op.y + pitch * len(op.lines) + pitch))
            story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    for page, pdf_page in zip(pages, doc):
        _draw_segments(pdf_page, sorted(page.segments) + _note_rule(page, ts))
    _fix_to_unicode(doc)
    doc.set_metadata(
        {"title": title, "author": "", "subject": "", "keywords": "", "creator": "corpus.render",
         "producer": "corpus.render", "creationDate": FIXED_DATE, "modDate": FIXED_DATE}
    )
    out = io.BytesIO()
    doc.save(out, garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return out.getvalue()


_WIDE_UNICODE = re.compile(rb"<([0-9a-fA-F]{5,6})>")


def _fix_to_unicode(doc: pymupdf.Document) -> None:
    """MuPDF writes a code point outside the BMP (🞨 U+1F7A8, 𝐴 U+1D434, drawn with its Noto fallback) into a
    ToUnicode CMap as five hex digits, which readers cut to 16 bits (U+1F7A): written as the UTF-16 surrogate pair
    the CMap format wants (the text layer says what was drawn, as a conforming writer's would)."""
    done: set[int] = set()
    for page in doc:
        for font in page.get_fonts():
            kind, value = doc.xref_get_key(font[0], "ToUnicode")
            if kind != "xref" or font[0] in done:
                continue
            done.add(font[0])
            xref = int(value.split()[0])
            stream = doc.xref_stream(xref)
            fixed = _WIDE_UNICODE.sub(lambda m: b"<" + _utf16_hex(int(m.group(1), 16)) + b">", stream)
            if fixed != stream:
                doc.update_stream(xref, fixed)


def _utf16_hex(code: int) -> bytes:
    return chr(code).encode("utf-16-be").hex().encode()


def _placed_notes(page: Page, ts: Typesetter) -> list[TextOp]:
    """Footnotes stacked up from the bottom of the content area."""
    y = page.height * (1 - BAND) - 4 - sum(ts.pitch(n.size) * len(n.lines) for n in page.notes)
    placed = []
    for note in page.notes:
        placed.append(TextOp(note.x, y, note.width, note.lines, note.size, note.bold, note.align))
        y += ts.pitch(note.size) * len(note.lines)
    return placed


def _note_rule(page: Page, ts: Typesetter) -> list[tuple[float, float, float, float]]:
    if not page.notes:
        return []
    y = page.height * (1 - BAND) - 4 - sum(ts.pitch(n.size) * len(n.lines) for n in page.notes) - 3
    return [(SIDE, round(y, 2), SIDE + 0.3 * (page.width - 2 * SIDE), round(y, 2))]


def _draw_segments(page: pymupdf.Page, segments: list[tuple[float, float, float, float]]) -> None:
    if not segments:
        return
    shape = page.new_shape()
    for x0, y0, x1, y1 in segments:
        shape.draw_line((x0, y0), (x1, y1))
    shape.finish(width=RULE, color=(0, 0, 0))
    shape.commit()

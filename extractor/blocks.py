"""The block flow: what readers and the layout stage hand to the grammar stage.

Every reader (text dump, born-digital PDF, scanned PDF) ends in the same flow of typed blocks, so the grammars and
the canonical model are shared by all input formats.  A block is either a line of text (heading candidate, paragraph,
list item, footnote, ...) or a table made of rows of cells.  Every block and every cell carries its provenance: page
and bounding box for PDFs, a 1-based source line span for text dumps.

These are plain frozen dataclasses, not pydantic models: they are created per line and per cell on the hot path.
"""

from __future__ import annotations

from collections.abc import Callable

from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to source text by a repair function (``extractor.thai``)."""

    code: str  # e.g. "thai.sara_am_composed", "thai.pua_glyph"
    position: int  # offset in the text *before* the repair
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class WrapJoin:
    """A place where the layout joined two lines of a text with nothing between them (a wrap between two Thai
    letters, no space glyph at the line end): the Thai letters just before and just after it.

    A reading, not the writer's evidence: a line break after a full line may be a wrap inside a phrase, a wrap at a
    space whose glyph the text layer dropped, or a break the author wrote, and the geometry tells none of them
    apart.  The Thai stage therefore does not count the phrase across it as written joined
    (``thai.WrapEvidence``).  ``space_unseen``: the source shows no space glyph at the end of any of its wrapped
    lines (OCR reads none; some text layers drop them), so this join may have stood at a space, which the Thai
    stage puts back where the document writes the phrase apart.
    """

    before: str
    after: str
    space_unseen: bool = False


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a block or cell came from.  Rendering-dependent: kept apart from content in the canonical JSON."""

    line_start: int | None = None  # 1-based source line (text dumps)
    line_end: int | None = None
    page: int | None = None  # 1-based page number (PDFs)
    bbox: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1 in PDF points, top-left origin

    def merge(self, other: Provenance) -> Provenance:
        """The span covering both (used when continuation rows or wrapped lines are joined)."""
        return Provenance(
            line_start=_min_opt(self.line_start, other.line_start),
            line_end=_max_opt(self.line_end, other.line_end),
            page=self.page if self.page is not None else other.page,
            bbox=_union_bbox(self.bbox, other.bbox) if self.page == other.page else self.bbox,
        )


class BlockKind(str, Enum):
    HEADING = "heading"  # a heading candidate: markdown '#', bold line, or large/bold font in a PDF
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    FOOTNOTE = "footnote"
    TABLE = "table"
    IMAGE = "image"  # an image placeholder, kept so nothing is silently lost


@dataclass(slots=True)
class Cell:
    """One table cell.

    ``raw`` is the text as the document says it, ``text`` the repaired reading of it.  Encoding artefacts of the
    source are not content and are undone before ``raw`` (PDF: private-use positional glyphs, legacy font codes,
    fake-bold duplicates, SARA AM split by shaping into NIKHAHIT + SARA AA, hyphen variants drawn with one glyph);
    a line wrap inside the cell becomes what it stood for (nothing between two Thai letters with no space at the
    end of the line, else one space); a line break the author wrote (the next word would have fitted, as in the
    paragraphs of a definition cell) is a newline, as a text export's cell keeps it.  Repairs that interpret the text (mark order, spaces
    cutting a Thai word, dictionary evidence) change ``text`` only and are listed in ``repairs``.
    """

    text: str  # repaired text (whitespace folded, Thai repaired)
    raw: str  # text as written in the source (see above)
    row_span: int = 1
    col_span: int = 1
    inherited: bool = False  # True where the value is copied from a row-spanning cell above
    provenance: Provenance = field(default_factory=Provenance)
    repairs: tuple[Repair, ...] = ()
    wrap_joins: tuple[WrapJoin, ...] = ()  # where the layout joined two lines at a wrap (see ``WrapJoin``)


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    provenance: Provenance = field(default_factory=Provenance)
    is_header: bool = False
    is_continuation: bool = False  # the row continues the previous one (its leading cells are empty)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Block:
    """One block of the flow; ``raw`` follows the rule of ``Cell.raw`` (wrapped lines of a paragraph joined)."""

    kind: BlockKind
    text: str = ""  # repaired text of a non-table block
    raw: str = ""  # text as written in the source
    rows: list[Row] = field(default_factory=list)  # table blocks only
    provenance: Provenance = field(default_factory=Provenance)
    level: int | None = None  # heading level hint (markdown '#' count); a hint only, never trusted alone
    bold: bool = False
    repairs: tuple[Repair, ...] = ()
    wrap_joins: tuple[WrapJoin, ...] = ()  # where the layout joined two lines at a wrap (see ``WrapJoin``)

    @property
    def is_table(self) -> bool:
        return self.kind is BlockKind.TABLE


@dataclass(slots=True)
class PageInfo:
    """What the reader knows of one page (PDF inputs); dumps have none."""

    number: int
    width: float
    height: float
    route: str = "text"  # "text" (text layer) or "ocr"
    route_reason: str = ""


@dataclass(slots=True)
class SourceDocument:
    """A read input: the block flow plus what the reader knows of the source."""

    blocks: list[Block]
    input_format: str  # "text-dump", "pdf", "pdf-ocr", ...
    pages: list[PageInfo] = field(default_factory=list)
    sha256: str = ""
    reader_findings: list[tuple[str, str, Provenance]] = field(default_factory=list)  # (code, message, where)
    # the reader already ran repair_text on every text (line by line) and kept its repairs on each text
    texts_repaired: bool = False
    # set by the Thai stage: what stands between two rows' texts of one cell (``WrapEvidence.glue``), for the grammar
    continuation_glue: Callable[[str, str], str] | None = None


def _min_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _max_opt(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _union_bbox(a, b):
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))

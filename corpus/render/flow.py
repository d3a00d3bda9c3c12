"""The typesetting flow: what the writers (canonical model → flow) hand to the typesetter (flow → PDF pages).

The flow says what a plan page shows, in reading order, without any geometry: lines and paragraphs, ruled tables
with header rows (repeated on every page the table runs onto) and spanning cells, footnotes, page breaks and
sections (portrait or landscape).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BODY = 12.0  # body text size (points)
HEADING = 14.0
TABLE = 10.5
NOTE = 9.0


@dataclass(frozen=True)
class Text:
    """A paragraph: one line, or wrapped to the text width.  ``gap`` is extra space above, in lines."""

    text: str
    size: float = BODY
    bold: bool = False
    align: str = "left"  # left | center
    gap: float = 0.8


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: str = "left"


@dataclass(frozen=True)
class Table:
    """A ruled table.  ``widths`` are relative column widths; ``header`` rows repeat on every page."""

    widths: tuple[float, ...]
    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    size: float = TABLE


@dataclass(frozen=True)
class Footnote:
    """A note printed at the foot of the page where the flow stands when it comes (mark, then text)."""

    mark: str
    text: str


@dataclass(frozen=True)
class Section:
    """Starts a new page; ``landscape`` turns the pages of the section (A4 either way)."""

    landscape: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


Item = Text | Table | Footnote | Section | PageBreak


@dataclass
class Flow:
    """What a writer produces: the items in reading order, plus the document title for the PDF metadata."""

    title: str = ""
    items: list[Item] = field(default_factory=list)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

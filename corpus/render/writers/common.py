"""Small helpers the writers share: header rows, raw-or-normalised values, labelled lines."""

from __future__ import annotations

from collections.abc import Iterable

from corpus.render.flow import HEADING, Cell, Flow, Table, Text

# Space above a line that must stay a paragraph of its own, in lines: PDF readers start a new paragraph only where
# the vertical gap exceeds about 0.6 of a line box, and TLWG line boxes are nearly as tall as the line pitch.
PARA = 1.0


def header(*rows: Iterable[str | Cell]) -> tuple[tuple[Cell, ...], ...]:
    """Header rows of bold centred cells (a ``Cell`` is kept as given, for spans)."""
    return tuple(
        tuple(c if isinstance(c, Cell) else Cell(c, bold=True, align="center") for c in row) for row in rows
    )


def raw(value: object | None) -> str:
    """A value as printed: the ``raw`` of a Number/Budget/Target, a string as is, '' for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return getattr(value, "raw", None) or ""


def first(*texts: str | None) -> str:
    """The first non-empty text (``name_raw or name``)."""
    return next((t for t in texts if t), "")


def heading(flow: Flow, text: str, *, size: float = HEADING, gap: float = 0.8, center: bool = False) -> None:
    flow.add(Text(text, size=size, bold=True, gap=gap, align="center" if center else "left"))


def lines(flow: Flow, text: str | None, *, gap: float = PARA, bold: bool = False) -> None:
    """A text that may hold line breaks: one paragraph per line, the first after ``gap``, the rest directly below."""
    if not text:
        return
    for index, line in enumerate(text.split("\n")):
        flow.add(Text(line, gap=gap if index == 0 else 0.5, bold=bold))


def table(widths: tuple[float, ...], head: tuple[tuple[Cell, ...], ...], rows: Iterable[Iterable[str | Cell]],
          size: float | None = None) -> Table:
    """A ruled table; plain strings become left-aligned cells."""
    body = tuple(tuple(c if isinstance(c, Cell) else Cell(c) for c in row) for row in rows)
    return Table(widths, head, body) if size is None else Table(widths, head, body, size)

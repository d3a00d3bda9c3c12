"""Text of lines and cells: raw text as the document says it, and the repaired text beside it.

The repair rules themselves live in ``extractor.thai``; this module decides what text goes in (one line, or the
lines of a wrapped cell or paragraph) and what ``raw`` holds.

``raw`` is the text as the document says it, not as the text layer encodes it: encoding artefacts of the PDF are
undone before it (private-use positional glyphs, legacy font codes and fake-bold duplicates by ``repair_glyphs``
in the reader; hyphen variants by the page reader; marks of one base in drawing order by the line builder; NFC and
SARA AM that shaping split into NIKHAHIT + SARA AA by ``thai.written.as_written``), and a
wrap becomes what it stood for (nothing between two Thai letters with no space glyph at the end of the line — unless
the document sets the conjunction it opens off by a space — a space otherwise); a line break the author wrote inside
a table cell stays a newline (``paragraphs.broke_early``; after a full line, ``paragraphs.LineOpenings``).
Everything that interprets the text — mark order, spaces cutting a Thai word (``join_wrapped``),
dictionary evidence — goes into ``text`` only, with its repairs.
"""

from __future__ import annotations

from collections.abc import Callable

from extractor.blocks import Repair, WrapJoin
from extractor.layout.types import TextLine
from extractor.thai import join_wrapped, repair_text
from extractor.thai.written import as_written

__all__ = ["joined_text", "line_text", "thai_letter", "wrap_glue", "wrap_joins"]

JOIN_CONTEXT = 12  # Thai letters kept on each side of a wrap join (as many as the Thai stage's wrap evidence reads)


def line_text(raw: str) -> tuple[str, tuple[Repair, ...]]:
    """One visual line (already as written), repaired."""
    text, repairs = repair_text(raw)
    return text, tuple(repairs)


def joined_text(
    lines: list[TextLine],
    hard_break: Callable[[TextLine, TextLine], bool] | None = None,
    spaced: Callable[[TextLine, TextLine], bool] | None = None,
    spaces_kept: bool = True,
) -> tuple[str, str, tuple[Repair, ...], tuple[WrapJoin, ...]]:
    """(text, raw, repairs, joins) of lines that wrap inside one cell or paragraph.

    A line break between two Thai letters with no space glyph at the end of the line is a wrap at a word boundary
    (Thai typesetting breaks lines between words without a space), so the lines are joined directly; any other
    wrap becomes a space.  A break ``hard_break(line, next_line)`` says the author wrote (a new paragraph inside a
    table cell) stays a newline; a wrap ``spaced(line, next_line)`` says stood at a space (the text layer keeps no
    space glyph at a line end) becomes a space.  That is ``raw``; the text is then repaired, and ``join_wrapped``
    removes the spaces that cut a Thai word.  ``joins``: the places two lines were joined with nothing between
    them, which the geometry does not prove written joined (``blocks.WrapJoin``); ``spaces_kept``: the source keeps
    the space glyph at the end of a line wrapped at a space, so a join cannot have stood at one; where it does not
    (OCR), a space read at a line end is no wrap's either (a gap before a speck): the line joins like any other and
    the Thai stage decides from the document's own spelling (``thai.WrapEvidence``).
    """
    kept = [ln for ln in lines if ln.text]
    if not kept:
        return "", "", (), ()
    repairs: list[Repair] = []
    written: list[str] = []
    for ln in kept:
        line, line_repairs = as_written(ln.text)
        repairs.extend(line_repairs)
        written.append(line)
    if len(kept) == 1:
        text, text_repairs = line_text(written[0])
        return text, written[0], tuple(repairs) + text_repairs, ()
    raw_parts: list[str] = []
    parts: list[str] = []
    joins: list[WrapJoin] = []
    for index, (ln, line) in enumerate(zip(kept, written)):
        text, line_repairs = repair_text(line)
        repairs.extend(line_repairs)
        if parts:
            before = kept[index - 1]
            if hard_break is not None and hard_break(before, ln):
                raw_parts.append("\n")
                parts.append("\n")
            else:
                # a source that shows no wrap's space (OCR) reads a space at a line end only before a speck
                space_seen = (spaces_kept and before.ends_with_space) or (spaced is not None and spaced(before, ln))
                raw_parts.append(wrap_glue(raw_parts[-1], line, space_seen))
                parts.append(wrap_glue(parts[-1], text, space_seen))
                joins.extend(wrap_joins(parts[-2], parts[-1], text, not spaces_kept))
        raw_parts.append(line)
        parts.append(text)
    joined, wrap_repairs = join_wrapped("".join(parts))  # never across a written line break
    repairs.extend(wrap_repairs)
    return joined, "".join(raw_parts), tuple(repairs), tuple(joins)


def wrap_joins(before: str, glue: str, after: str, space_unseen: bool = False) -> tuple[WrapJoin, ...]:
    """The join of ``before`` and ``after`` at a wrap with ``glue`` (``wrap_glue``) between them, if it joined
    them with nothing: the Thai letters on each side of it (``space_unseen``: see ``WrapJoin``)."""
    if glue or not (thai_letter(before[-1:]) and thai_letter(after[:1])):
        return ()
    head = len(before)
    while head > 0 and len(before) - head < JOIN_CONTEXT and thai_letter(before[head - 1]):
        head -= 1
    tail = 0
    while tail < min(len(after), JOIN_CONTEXT) and thai_letter(after[tail]):
        tail += 1
    return (WrapJoin(before[head:], after[:tail], space_unseen),)


def wrap_glue(before: str, after: str, space_seen: bool = False) -> str:
    """What a wrap between ``before`` and ``after`` stood for: nothing inside Thai text, else a space."""
    return "" if not space_seen and thai_letter(before[-1:]) and thai_letter(after[:1]) else " "


def thai_letter(ch: str) -> bool:
    """A Thai letter or mark (a word can continue across it), not a digit or the paiyannoi/mai yamok signs."""
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e" and ch not in "\u0e2f\u0e46"

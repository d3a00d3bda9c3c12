"""Text of lines and cells: Thai repair applied, raw text kept beside it.

The repair rules themselves live in ``extractor.thai``; this module only decides what text goes in (one line, or
the lines of a wrapped cell) and keeps the raw text and the repairs made.
"""

from __future__ import annotations

from extractor.blocks import Repair
from extractor.layout.types import TextLine
from extractor.thai import join_wrapped, repair_text


def line_text(raw: str) -> tuple[str, tuple[Repair, ...]]:
    """One visual line, repaired."""
    text, repairs = repair_text(raw)
    return text, tuple(repairs)


def joined_text(lines: list[TextLine]) -> tuple[str, str, tuple[Repair, ...]]:
    """(text, raw, repairs) of lines that wrap inside one cell or paragraph.

    Raw keeps the line breaks as read.  In the text, a line break between two Thai letters with no space glyph at
    the end of the line is a wrap at a word boundary (Thai typesetting breaks lines between words without a space),
    so the lines are joined directly; any other break becomes a space, and ``join_wrapped`` then removes the spaces
    that cut a Thai word.
    """
    kept = [ln for ln in lines if ln.text]
    raw = "\n".join(ln.text for ln in kept)
    if not kept:
        return "", "", ()
    if len(kept) == 1:
        text, repairs = line_text(kept[0].text)
        return text, raw, repairs
    repairs: list[Repair] = []
    parts: list[str] = []
    for index, ln in enumerate(kept):
        text, line_repairs = repair_text(ln.text)
        repairs.extend(line_repairs)
        if parts:
            prev = kept[index - 1]
            parts.append(wrap_glue(parts[-1], text, prev.ends_with_space))
        parts.append(text)
    joined, wrap_repairs = join_wrapped("".join(parts))
    repairs.extend(wrap_repairs)
    return joined, raw, tuple(repairs)


def wrap_glue(before: str, after: str, space_seen: bool = False) -> str:
    """What a wrap between ``before`` and ``after`` stood for: nothing inside Thai text, else a space."""
    return "" if not space_seen and _thai_letter(before[-1:]) and _thai_letter(after[:1]) else " "


def _thai_letter(ch: str) -> bool:
    """A Thai letter or mark (a word can continue across it), not a digit or the paiyannoi/mai yamok signs."""
    return bool(ch) and "\u0e01" <= ch <= "\u0e4e" and ch not in "\u0e2f\u0e46"

"""Text of lines and cells: Thai repair applied, raw text kept beside it.

The repair rules themselves live in ``extractor.thai``; this module only decides what text goes in (one line, or
the lines of a wrapped cell) and keeps the raw text and the repairs made.
"""

from __future__ import annotations

from extractor.blocks import Repair
from extractor.layout.types import TextLine
from extractor.layout.thai_bridge import join_wrapped, repair_text


def line_text(raw: str) -> tuple[str, tuple[Repair, ...]]:
    """One visual line, repaired."""
    text, repairs = repair_text(raw)
    return text, tuple(repairs)


def joined_text(lines: list[TextLine]) -> tuple[str, str, tuple[Repair, ...]]:
    """(text, raw, repairs) of lines that wrap inside one cell or paragraph.

    Raw keeps the line breaks as read; the text joins the lines with Thai-aware wrap rules (a space inserted by a
    wrap inside a Thai word is removed, a space between words is kept).
    """
    raws = [ln.text for ln in lines if ln.text]
    raw = "\n".join(raws)
    if not raws:
        return "", "", ()
    if len(raws) == 1:
        text, repairs = line_text(raws[0])
        return text, raw, repairs
    repaired = [repair_text(r) for r in raws]
    joined, wrap_repairs = join_wrapped(" ".join(t for t, _ in repaired))
    repairs: list[Repair] = [rep for _, reps in repaired for rep in reps]
    repairs.extend(wrap_repairs)
    return joined, raw, tuple(repairs)

"""A table's row of month abbreviations restored on OCR text: the work-step tables of the plans (ตาราง จ) head their
month columns with the twelve months of the fiscal year (``ต.ค.`` … ``ก.ย.``), and Tesseract's English model wins on
several of these short words (``ก.พ.`` read ``aw``, ``พ.ค.`` ``wa.``, ``ก.ค.`` ``na.``, ``ก.ย.`` ``fe.``).  A
grammar takes such a row as a sub-header only when every cell is a month: one misread month makes it a step.

The evidence is the row itself: a run of short cells of which at least ``MIN_READ`` are month abbreviations standing
where the calendar order puts them (the same offset from their column); the other cells of the run are the months
that order puts there.  A run holds at most twelve months and stops at an empty, long or spanned-over cell.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# the months' abbreviations in calendar order (also how grammar.values dates a report text)
MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MIN_READ = 4  # months read right, in calendar order, for a row to be a month row
MAX_CELL = 8  # characters (spaces left out) of a cell that may be a misread month
MIN_SHARE = 1 / 3  # ... and at least this share of the run's cells


@dataclass(frozen=True, slots=True)
class MonthFix:
    index: int  # the cell's index in the row
    before: str
    after: str


def restore_month_row(texts: list[str | None]) -> tuple[list[MonthFix], str]:
    """The month cells of a row to correct, and the evidence, when the row is a run of months (``texts``: the cells'
    texts, None for a cell the row does not write itself: spanned over from the row above)."""
    compact = ["".join(t.split()) if t is not None else None for t in texts]
    votes = Counter((MONTHS.index(m) - i) % 12 for i, t in enumerate(compact) for m in _months_in(t))
    if not votes:
        return [], ""
    offset, read = votes.most_common(1)[0]
    hits = [i for i, t in enumerate(compact) if _month_at(i, offset) in _months_in(t)]
    start, end = _run(compact, hits[0], hits[-1])
    if read < MIN_READ or read < MIN_SHARE * (end - start) or end - start > len(MONTHS):
        return [], ""
    fixes = [MonthFix(i, texts[i] or "", _month_at(i, offset)) for i in range(start, end) if compact[i] != _month_at(i, offset)]
    evidence = f"{read} of the row's {end - start} cells read as months in calendar order ({_month_at(start, offset)} … {_month_at(end - 1, offset)})"
    return fixes, evidence


def _month_at(index: int, offset: int) -> str:
    return MONTHS[(index + offset) % 12]


def _months_in(text: str | None) -> list[str]:
    """The month a cell is, or ends with (a letter of the cell on its left read into it: ``ารต.ค.``)."""
    if not text or len(text) > MAX_CELL:
        return []
    return [m for m in MONTHS if text == m or (text.endswith(m) and text[-len(m) - 1] != ".")]


def _run(compact: list[str | None], first: int, last: int) -> tuple[int, int]:
    """[start, end) of the cells from ``first`` to ``last`` widened over the short cells next to them."""
    start, end = first, last + 1
    while start > 0 and _short(compact[start - 1]) and end - start < len(MONTHS):
        start -= 1
    while end < len(compact) and _short(compact[end]) and end - start < len(MONTHS):
        end += 1
    return start, end


def _short(text: str | None) -> bool:
    return bool(text) and len(text) <= MAX_CELL

"""Fuzzy header fingerprints: is this row the header of that table type?

Header rows are noisy: wrapped words carry spaces, footnote numbers are glued on (``วัตถุประสงค์หลัก1``,
``ค่าเป้าหมาย ³``), letters are dropped (``คำเป้าหมาย``).  A row matches when most of the spec's keywords are found in
its folded text.  A keyword can list variants separated by ``|``.
"""

from __future__ import annotations

import regex as re

_NOISE = re.compile(r"[\s\d๐-๙¹²³⁰-⁹\^().:*\-–/]+")


def fold(text: str) -> str:
    """Text reduced to its letters: no spaces, digits, superscripts or punctuation; Latin lower-cased."""
    return _NOISE.sub("", text).lower()


def header_score(cells: list[str], keywords: list[str]) -> float:
    """Share of keywords found in the row's folded text (0 when the row has no letters)."""
    if not keywords:
        return 0.0
    folded = fold(" ".join(cells))
    if not folded:
        return 0.0
    hits = sum(1 for k in keywords if any(fold(v) in folded for v in k.split("|")))
    return hits / len(keywords)

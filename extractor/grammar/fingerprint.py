"""Fuzzy header fingerprints: is this row the header of that table type?

Header rows are noisy: wrapped words carry spaces, footnote numbers are glued on (``วัตถุประสงค์หลัก1``,
``ค่าเป้าหมาย ³``), letters are dropped (``คำเป้าหมาย``).  A row matches when most of the spec's keywords are found in
its folded text.  A keyword can list variants separated by ``|``.  A variant written ``re:PATTERN`` (no ``|`` in
it) is a regular expression that one whole cell must match, unfolded (spaces collapsed): for a label whose letters
a scan may lose while its shape stays (``ตัวชี้วัด (KPI)`` read ``ตัวชี้วัด (657)``), where the folded word alone
(``ตัวชี้วัด``) is a word of running text.
"""

from __future__ import annotations

from functools import lru_cache

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
    hits = sum(1 for k in keywords if any(_found(v, folded, cells) for v in k.split("|")))
    return hits / len(keywords)


def _found(variant: str, folded: str, cells: list[str]) -> bool:
    if variant.startswith("re:"):
        pattern = _cell_pattern(variant[3:])
        return any(pattern.fullmatch(" ".join(c.split())) for c in cells)
    return fold(variant) in folded


@lru_cache(maxsize=None)
def _cell_pattern(pattern: str) -> re.Pattern:
    return re.compile(pattern)

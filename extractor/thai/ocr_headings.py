"""Heading keywords restored on OCR text: the numbered headings of the plans (``มิติที่ 1``, ``ยุทธศาสตร์ย่อยที่
4.1``, ``ส่วนที่ 2``) open the grammar's sections, and Tesseract loses the stacked marks of bold text first
(``มิติที่ 1`` read ``มตท 1``): one lost heading drops a whole section.

The keywords are the grammars' own: the Thai literal that opens an entity pattern and is followed by a number
(``grammars/**/*.toml``).  A text (a block or a cell) that opens with a keyword's *skeleton* (its letters without
combining marks: ``มตท`` for ``มิติที่``), maybe with spaces OCR put inside it, followed by a number, gets the keyword
back.  Only at the start of a text and only before a number, where the grammar would read a heading: a skeleton
alone says nothing of which marks a word had.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

import regex as re

GRAMMAR_DIR = Path(__file__).resolve().parents[2] / "grammars"
COMBINING = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
# a pattern that opens with Thai letters, then optional spaces and a number (a named group or a digit class)
_NUMBERED = re.compile(r"^\^?(?:\\s\*)?([\u0e01-\u0e4e]+)(?:\\s[*+])?(?:\(\?P<\w+>)?(?:\[0-9|\\d)")
_NUMBER = re.compile(r"\s*[0-9๐-๙]")


@dataclass(frozen=True, slots=True)
class KeywordFix:
    before: str
    after: str


def skeleton(text: str) -> str:
    """``text`` without combining marks and spaces."""
    return "".join(ch for ch in text if ch not in COMBINING and not ch.isspace())


@functools.lru_cache(maxsize=1)
def numbered_keywords(directory: Path = GRAMMAR_DIR) -> tuple[str, ...]:
    """The keywords that open numbered headings in the grammars, longest first."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            m = _NUMBERED.match(value)
            if m and skeleton(m.group(1)) != m.group(1):
                found.add(m.group(1))

    for path in sorted(directory.rglob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return tuple(sorted(found, key=lambda k: (-len(k), k)))


def restore_keyword(text: str, keywords: tuple[str, ...] | None = None) -> tuple[str, KeywordFix | None]:
    """``text`` with the heading keyword it opens with restored (and the fix), or unchanged and None."""
    keywords = numbered_keywords() if keywords is None else keywords
    lead = len(text) - len(text.lstrip())
    for keyword in keywords:
        end = _skeleton_prefix_end(text, lead, skeleton(keyword))
        if end is None or not _NUMBER.match(text, end):
            continue
        before = text[lead:end]
        if before == keyword:
            return text, None
        return text[:lead] + keyword + text[end:], KeywordFix(before, keyword)
    return text, None


def _skeleton_prefix_end(text: str, start: int, target: str) -> int | None:
    """The end of the shortest stretch of ``text`` from ``start`` whose skeleton is ``target`` (marks after the last
    letter included), or None."""
    i, matched = start, 0
    while i < len(text) and matched < len(target):
        ch = text[i]
        if ch in COMBINING or ch == " ":
            i += 1
            continue
        if ch != target[matched]:
            return None
        matched += 1
        i += 1
    if matched < len(target):
        return None
    while i < len(text) and text[i] in COMBINING:
        i += 1
    return i

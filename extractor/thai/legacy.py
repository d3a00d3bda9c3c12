"""Legacy Thai fonts whose shifted tone-mark glyphs sit at Latin-1 code points (``ทีÉ`` = ``ที่``).

The table (``data/legacy_latin1.tsv``, per font family) was measured from real PDFs by ``tools/derive_legacy.py``.
Glyph-level callers know the font family and use its table; text-level callers do not, so a Latin-1 letter
right after a Thai letter is mapped through the union of the tables when all families agree on it, and otherwise
inferred from context: the Thai mark that turns the surrounding token into a dictionary word.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from extractor.thai import dictionary
from extractor.thai.chars import COMBINING, THAI_LETTER_CLASS
from extractor.thai.edits import EditLog

TABLE_PATH = Path(__file__).parent / "data" / "legacy_latin1.tsv"
# Latin-1 letters (and C1 controls) right after a Thai letter; not × ÷, not NBSP, not digits' neighbours.
_LATIN1 = "\u0080-\u009f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
LATIN1_IN_THAI_RE = re.compile(f"(?<=[{THAI_LETTER_CLASS}])[{_LATIN1}]")
_LATIN1_RUN_IN_THAI_RE = re.compile(f"(?<=[{THAI_LETTER_CLASS}])[{_LATIN1}]+")
_WINDOW = 12


@functools.lru_cache(maxsize=1)
def family_tables() -> dict[str, dict[str, str]]:
    """{font family: {Latin-1 char: Thai char}}."""
    tables: dict[str, dict[str, str]] = {}
    for line in TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        family, latin, thai = line.split("\t")[:3]
        tables.setdefault(family, {})[chr(int(latin, 16))] = chr(int(thai, 16))
    return tables


@functools.lru_cache(maxsize=1)
def agreed_table() -> dict[str, str]:
    """Latin-1 chars every family that maps them maps to the same Thai char (usable without the font)."""
    seen: dict[str, set[str]] = {}
    for table in family_tables().values():
        for latin, thai in table.items():
            seen.setdefault(latin, set()).add(thai)
    return {latin: next(iter(thais)) for latin, thais in seen.items() if len(thais) == 1}


def table_for_font(family: str) -> dict[str, str]:
    return family_tables().get(family, {})


def infer_mark(text: str, index: int, candidates: str = COMBINING) -> str | None:
    """The candidate whose substitution at ``index`` makes the covering ``newmm`` token a dictionary word.

    Returns None when no candidate, or more than one, does (never guess between two readings).
    """
    lo, hi = max(0, index - _WINDOW), min(len(text), index + _WINDOW)
    window, pos = text[lo:hi], index - lo
    found = []
    for mark in candidates:
        candidate = window[:pos] + mark + window[pos + 1 :]
        start = 0
        for token in dictionary.tokenize(candidate):
            if start <= pos < start + len(token):
                if len(token) >= 3 and dictionary.is_word(token):
                    found.append(mark)
                break
            start += len(token)
    return found[0] if len(found) == 1 else None


def remap_latin1(log: EditLog) -> None:
    """Map Latin-1 letters inside Thai runs to Thai marks (table first, then dictionary inference)."""
    table = agreed_table()

    def replace(m: re.Match) -> str | None:
        out = []
        for k, ch in enumerate(m.group(0)):  # a run: ``ทีÉÉ`` (fake bold) maps both, dedupe removes one
            thai = table.get(ch) or infer_mark(log.text, m.start() + k)
            if thai is None:
                log.note("thai.latin1_unresolved", m.start() + k, ch)
            out.append(thai or ch)
        return "".join(out)

    log.sub(_LATIN1_RUN_IN_THAI_RE, "thai.latin1_remap", replace)

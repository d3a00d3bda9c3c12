"""Text folding and edit distance for the scorer.

Fields are compared after folding what a rendering may change without changing the content: Unicode NFC, Thai
digits to Arabic digits, and runs of whitespace to one space (OCR and typesetting disagree on Thai spacing, which
carries no meaning inside a field).
"""

from __future__ import annotations

import unicodedata

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def fold(value: object) -> str:
    """The comparison form of a leaf value (numbers and booleans by their JSON spelling)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = unicodedata.normalize("NFC", str(value)).translate(_THAI_DIGITS)
    return " ".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of one character)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    """1 − normalised edit distance of two folded strings (1.0: equal, 0.0: nothing in common)."""
    if not a and not b:
        return 1.0
    return 1.0 - edit_distance(a, b) / max(len(a), len(b))


def _bigrams(s: str) -> dict[str, int]:
    grams: dict[str, int] = {}
    for i in range(len(s) - 1):
        grams[s[i : i + 2]] = grams.get(s[i : i + 2], 0) + 1
    return grams


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two strings: a cheap similarity for aligning records."""
    if a == b:
        return 1.0
    ga, gb = _bigrams(a), _bigrams(b)
    total = sum(ga.values()) + sum(gb.values())
    if not total:
        return 0.0
    return 2.0 * sum(min(n, gb.get(k, 0)) for k, n in ga.items()) / total

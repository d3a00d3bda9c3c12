"""Marks moved one consonant to the right, with a space inserted after them (``สัดสว่ นของ`` = ``สัดส่วนของ``).

Some PDF exports draw a syllable's vowel or tone mark over the *next* consonant and break the word after it:
``ดำเนนิ งาน`` (ดำเนินงาน), ``นจี้ ะ`` (นี้จะ), ``ตัวชวี้ ัด`` (ตัวชี้วัด), ``การใชง้ าน`` (ใช้งาน).  The shape is
consonant, consonant, marks, space, Thai letter; the repair puts the marks back on the first consonant and removes
the space.  It is made only on dictionary evidence: the moved form must make a dictionary word of at least
``MIN_WORD`` letters where the first consonant now stands, and strictly fewer letters outside dictionary words
than the text as written (so ``คนที่ มา``, ``สวนนี้ จะ``, all words already, stay).  Each repair is reported (``thai.misplaced_mark``): it changes
spelling.
"""

from __future__ import annotations

import re

from extractor.thai import dictionary
from extractor.thai.chars import LOWER_VOWELS, TONES, UPPER_VOWELS, WORD_LETTER_CLASS
from extractor.thai.edits import EditLog

_C = "\u0e01-\u0e2e"
_MARKS = UPPER_VOWELS + LOWER_VOWELS + TONES + "\u0e4c"
# (C1)(C2)(marks) space, before (the rest of the word after)
MISPLACED_RE = re.compile(f"([{_C}])([{_C}])([{_MARKS}]+) (?=([{WORD_LETTER_CLASS}]+))")
_RUN_BEFORE_RE = re.compile(f"[{WORD_LETTER_CLASS}]+$")
MIN_WORD = 3


def _token_at(text: str, index: int) -> str:
    at = 0
    for token in dictionary.tokenize(text):
        if at <= index < at + len(token):
            return token
        at += len(token)
    return ""


def _unknown(text: str) -> int:
    return sum(len(t) for t in dictionary.tokenize(text) if not dictionary.is_word(t))


def _moved(before: str, c1: str, c2: str, marks: str, after: str) -> str | None:
    """The repaired letters (``c1 + marks + c2``) when the dictionary confirms them, else None."""
    damaged = before + c1 + c2 + marks
    candidate = before + c1 + marks + c2 + after
    word = _token_at(candidate, len(before))
    if len(word) < MIN_WORD or not dictionary.is_word(word):
        return None
    if _unknown(candidate) >= _unknown(damaged) + _unknown(after):
        return None
    return c1 + marks + c2


def move_misplaced_marks(log: EditLog) -> None:
    """Put marks drawn over the next consonant back where they belong (dictionary-confirmed), dropping the space."""

    def replace(m: re.Match) -> str | None:
        run = _RUN_BEFORE_RE.search(log.text, 0, m.start())
        return _moved(run.group(0) if run else "", *m.groups())

    log.sub(MISPLACED_RE, "thai.misplaced_mark", replace)

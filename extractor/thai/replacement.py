"""Replacement characters (U+FFFD, U+FFFC, U+001A): a glyph the extractor could not map.

Inside a Thai word the lost glyph is usually a mark; where exactly one Thai mark turns the word into a dictionary
word, that mark is restored.  Otherwise the character is removed (it carries no text).  Both are reported.
"""

from __future__ import annotations

import re

from extractor.thai import dictionary
from extractor.thai.chars import THAI_LETTER_CLASS
from extractor.thai.edits import EditLog
from extractor.thai.legacy import infer_mark

REPLACEMENT_RE = re.compile("[\ufffd\ufffc\u001a]")
_THAI_BEFORE_RE = re.compile(f"[{THAI_LETTER_CLASS}]$")


def _token_at(text: str, index: int) -> str:
    """The ``newmm`` token covering ``text[index]`` (tokenising a small window around it)."""
    lo = max(0, index - 12)
    start = 0
    for token in dictionary.tokenize(text[lo : index + 12]):
        if start <= index - lo < start + len(token):
            return token
        start += len(token)
    return ""


def repair_replacement_chars(log: EditLog) -> None:
    def replace(m: re.Match) -> str:
        text, i = log.text, m.start()
        if not _THAI_BEFORE_RE.search(text[:i]):
            return ""
        removed = text[:i] + text[i + 1 :]
        if dictionary.is_word(_token_at(removed, max(0, i - 1))):
            return ""
        return infer_mark(text, i) or ""

    log.sub(REPLACEMENT_RE, "thai.replacement_char", replace)

"""Replacement characters (U+FFFD, U+FFFC, U+001A): a glyph the extractor could not map.

Inside a Thai word the lost glyph is usually a mark; where exactly one Thai mark turns the word into a dictionary
word, that mark is restored.  Otherwise the character is removed (it carries no text).  Both are reported.

Stray glyphs are the same loss under another code point: a letter of Latin Extended-A/B or a geometric shape
(``□``, the "missing glyph" box) *between two Thai letters*, where no Thai text has one (the real 14.pdf prints
``จĞำกัด`` for ``จำกัด``).  Outside Thai words they are left alone (a checkbox, a name in Latin script).
"""

from __future__ import annotations

import re

from extractor.thai import dictionary
from extractor.thai.chars import THAI_LETTER_CLASS
from extractor.thai.edits import EditLog
from extractor.thai.legacy import infer_mark

REPLACEMENT_RE = re.compile("[\ufffd\ufffc\u001a]")
STRAY_GLYPH_RE = re.compile(f"(?<=[{THAI_LETTER_CLASS}])[\u0100-\u024f\u25a0-\u25ff](?=[{THAI_LETTER_CLASS}])")
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


def _lost_glyph(log: EditLog, m: re.Match) -> str:
    """What a lost glyph stood for: nothing where the word is whole without it, else the one mark that makes it."""
    text, i = log.text, m.start()
    if not _THAI_BEFORE_RE.search(text[:i]):
        return ""
    removed = text[:i] + text[i + 1 :]
    if dictionary.is_word(_token_at(removed, max(0, i - 1))):
        return ""
    return infer_mark(text, i) or ""


def repair_replacement_chars(log: EditLog) -> None:
    log.sub(REPLACEMENT_RE, "thai.replacement_char", lambda m: _lost_glyph(log, m))
    log.sub(STRAY_GLYPH_RE, "thai.stray_glyph", lambda m: _lost_glyph(log, m))

"""Combining-mark repairs: SARA AM, mark order, fake-bold duplicates, dangling marks, double SARA E.

All are spelling-level facts of Thai, not guesses: ``ํา`` (NIKHAHIT + SARA AA) is how fonts draw ``ำ``; Thai
stores the vowel before the tone mark on the same consonant; the same mark twice on one consonant never occurs in
correct text (it is a glyph drawn twice for fake bold, ``จ่่าย``); ``เเ`` is the leading vowel ``แ`` typed as two
SARA E.
"""

from __future__ import annotations

import re
import unicodedata

from extractor.thai.chars import COMBINING, LOWER_VOWELS, THAI_LETTER_CLASS, TONES, UPPER_VOWELS
from extractor.thai.edits import EditLog

TONE_LIKE = TONES + "\u0e4c"  # tone marks and THANTHAKHAT sit on top of the vowel
# ํ (+ an optional tone drawn between) + า  →  (tone) + ำ
DECOMPOSED_SARA_AM_RE = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# tone/thanthakhat stored before the vowel of the same consonant (visual order)
TONE_BEFORE_VOWEL_RE = re.compile(f"([{TONE_LIKE}]+)([{UPPER_VOWELS}{LOWER_VOWELS}]+)")
# the same combining mark (or ำ) repeated
DUPLICATE_MARK_RE = re.compile(f"([{COMBINING}\u0e33])\\1+")
_DOUBLE_SARA_AM_RE = re.compile("\u0e33{2,}")
# spaces between a Thai letter and a combining mark: the mark belongs to the letter
SPACE_BEFORE_MARK_RE = re.compile(f"(?<=[{THAI_LETTER_CLASS}])[ \u00a0]+(?=[{COMBINING}])")
# a combining mark with no Thai base (start of text, after a space, digit or Latin letter)
DANGLING_MARK_RE = re.compile(f"(?:^|(?<=[^{THAI_LETTER_CLASS}]))[{COMBINING}]+")
DOUBLE_SARA_E_RE = re.compile("\u0e40\u0e40(?=[\u0e01-\u0e2e])")
# all the combining marks stacked on one base: repaired as a whole, so that a fake-bold copy drawn in visual order
# (``ก่ิ่ิ``: tone, vowel, tone, vowel) becomes one vowel and one tone whatever the interleaving
MARK_CLUSTER_RE = re.compile(f"[{COMBINING}]{{2,}}")


def compose_sara_am(log: EditLog) -> None:
    log.sub(DECOMPOSED_SARA_AM_RE, "thai.sara_am_composed", "\\1\u0e33")


def _storage_rank(mark: str) -> tuple[int, int]:
    """Thai storage order on one base: vowels (and NIKHAHIT) first, then tone marks and THANTHAKHAT.

    Within each group, by canonical combining class, so that the result is already NFC (PHINTHU before SARA U):
    otherwise the NFC of the next run would reorder it again and the chain would not be idempotent.
    """
    return (1 if mark in TONE_LIKE else 0, unicodedata.combining(mark))


def reorder_marks(log: EditLog) -> None:
    """Tone (or THANTHAKHAT) before an upper/lower vowel of the same base → vowel first (stable otherwise)."""
    log.sub(MARK_CLUSTER_RE, "thai.mark_order", lambda m: "".join(sorted(m.group(0), key=_storage_rank)))


def dedupe_marks(log: EditLog) -> None:
    """The same mark twice on one base (adjacent or not), and ``ำ`` twice in a row, are kept once."""
    log.sub(MARK_CLUSTER_RE, "thai.duplicate_mark", lambda m: "".join(dict.fromkeys(m.group(0))))
    log.sub(_DOUBLE_SARA_AM_RE, "thai.duplicate_mark", "\u0e33")


def attach_marks(log: EditLog) -> None:
    """Drop spaces that separate a mark from its base, then drop marks that still have no base."""
    log.sub(SPACE_BEFORE_MARK_RE, "thai.space_before_mark", "")
    log.sub(DANGLING_MARK_RE, "thai.dangling_mark", "")


def fix_double_sara_e(log: EditLog) -> None:
    log.sub(DOUBLE_SARA_E_RE, "thai.double_sara_e", "\u0e41")

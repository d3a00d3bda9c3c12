"""Thai character classes and small helpers shared by the repair functions.

Code points (Unicode Thai block U+0E00–U+0E7F):
- consonants ก–ฮ U+0E01–U+0E2E (พยัญชนะ);
- leading vowels เ แ โ ใ ไ U+0E40–U+0E44 (สระหน้า), written before the consonant they follow in speech;
- above/below combining marks: MAI HAN-AKAT U+0E31, SARA I..UU U+0E34–U+0E3A, MAITAIKHU U+0E47,
  tone marks U+0E48–U+0E4B (วรรณยุกต์), THANTHAKHAT U+0E4C (ทัณฑฆาต), NIKHAHIT U+0E4D, YAMAKKAN U+0E4E.
"""

from __future__ import annotations

import re

THAI_RANGE = "\u0e00-\u0e7f"
CONSONANTS = "".join(chr(c) for c in range(0x0E01, 0x0E2F))
LEADING_VOWELS = "เแโใไ"
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
LOWER_VOWELS = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
THANTHAKHAT = "\u0e4c"  # ์
NIKHAHIT = "\u0e4d"  # ํ
YAMAKKAN = "\u0e4e"
SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
COMBINING = UPPER_VOWELS + LOWER_VOWELS + TONES + THANTHAKHAT + NIKHAHIT + YAMAKKAN
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Characters that carry the spoken core of a Thai word: a repair must never remove one of these.
BASE_LETTERS = CONSONANTS + "ฤฦ"

DECOMPOSED_SARA_AM = NIKHAHIT + SARA_AA  # ``ํา``: how Tesseract and some fonts write ``ำ``

THAI_CHAR_RE = re.compile(f"[{THAI_RANGE}]")
THAI_LETTER_CLASS = "\u0e01-\u0e3a\u0e40-\u0e4e"  # letters and marks (with ฯ and ๆ), not digits or ฿
# letters and marks that can be part of a word: not ฯ (PAIYANNOI) or ๆ (MAIYAMOK), which Thai sets off with spaces
WORD_LETTER_CLASS = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e3a" or "\u0e40" <= ch <= "\u0e4e"


def is_combining(ch: str) -> bool:
    return ch in COMBINING


def composed_sara_am(text: str) -> tuple[str, list[int]]:
    """``text`` with each NIKHAHIT + SARA AA (``ํา``) composed into ``ำ`` as the dictionary spells it, and for each
    character of the result its index in ``text`` (``ำ`` keeps its NIKHAHIT's)."""
    kept = [i for i in range(len(text)) if not (i and text[i - 1 : i + 1] == DECOMPOSED_SARA_AM)]
    return text.replace(DECOMPOSED_SARA_AM, SARA_AM), kept


def thai_letter_count(text: str) -> int:
    """Number of Thai letters and marks (the denominator of every per-1,000 rate)."""
    return sum(1 for ch in text if is_thai_letter(ch))

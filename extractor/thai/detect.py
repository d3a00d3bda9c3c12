"""Detections reported as findings, never silently rewritten: masked spans and keyboard-layout garbage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.thai import dictionary
from extractor.thai.chars import THAI_LETTER_CLASS


@dataclass(frozen=True, slots=True)
class MaskedSpan:
    """``x`` repeated once per code point of hidden text (``สำนักxxxxxxxxxxและ…`` hides ``ยุทธศาสตร์``)."""

    start: int
    end: int
    hidden_code_points: int


@dataclass(frozen=True, slots=True)
class KeyboardGarbage:
    """Thai typed with the keyboard in English layout (Kedmanee): ``c]h;`` reads ``แล้ว``."""

    start: int
    end: int
    text: str
    reading: str


_T = f"[{THAI_LETTER_CLASS}]"
# a run of x not part of a Latin word: touching Thai text, or standing alone with at least 3 x's
MASK_RE = re.compile(f"(?<![A-Za-z])(?:(?<={_T})x{{2,}}|x{{2,}}(?={_T})|x{{3,}})(?![A-Za-z])")
# a token of ASCII letters/punctuation with at least one Kedmanee-only key (; [ ] ' , . / \\) inside or at its end
GARBAGE_CANDIDATE_RE = re.compile(r"(?<![\w/:@.])[A-Za-z;\[\]',./\\\-=`]{2,}(?![\w/@])")
_KEDMANEE_PUNCT = set(";[]',./\\")


def find_masked_spans(text: str) -> list[MaskedSpan]:
    """Every masked span; the hidden text is never guessed, only its length is known."""
    return [MaskedSpan(m.start(), m.end(), m.end() - m.start()) for m in MASK_RE.finditer(text)]


def _reads_as_thai(reading: str) -> bool:
    tokens = [t for t in dictionary.tokenize(reading) if not t.isspace()]
    return bool(tokens) and all(dictionary.is_word(t) for t in tokens) and any(len(t) >= 2 for t in tokens)


def find_keyboard_garbage(text: str) -> list[KeyboardGarbage]:
    """Latin-looking tokens that read as Thai dictionary words on the Kedmanee layout (with the reading)."""
    from pythainlp.util import eng_to_thai

    found = []
    for m in GARBAGE_CANDIDATE_RE.finditer(text):
        token = m.group(0).rstrip(".,")
        if not _KEDMANEE_PUNCT.intersection(token) or token.isalpha():
            continue
        reading = eng_to_thai(token)
        if re.fullmatch(f"{_T}+", reading) and _reads_as_thai(reading):
            found.append(KeyboardGarbage(m.start(), m.start() + len(token), token, reading))
    return found

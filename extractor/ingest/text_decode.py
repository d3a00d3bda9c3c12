"""Decoding text exports: UTF-8 (with or without BOM), UTF-16 with a BOM, or the legacy Thai CP874/TIS-620.

Legacy exports of the plans exist in Windows-874 (a superset of TIS-620).  Every byte string of a single-byte
code page "decodes", so a CP874 reading is accepted only when it reads as Thai: almost every character is ASCII or
Thai, and the Thai follows the writing system's order (a combining vowel or tone mark sits on a Thai letter, a
leading vowel เ แ โ ใ ไ precedes a consonant).  A Windows-1252 or Latin-1 file fails that check (its accented
letters land on Thai marks after Latin letters) and is refused rather than turned into plausible-looking Thai.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from extractor.errors import InputError
from extractor.thai.chars import CONSONANTS, LEADING_VOWELS, is_combining, is_thai

# A plausible text: most of its letters are Thai or ASCII, almost none are other scripts or controls.
_MIN_PLAUSIBLE_SHARE = 0.97
# Thai order: at most this share of combining marks / leading vowels may be misplaced (typos, broken exports).
_MAX_MISPLACED_SHARE = 0.05
_BINARY_WINDOW = 4096  # a NUL byte in the first 4 KiB: a binary file (UTF-16 has a BOM, handled before)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MARK_CARRIERS = frozenset(CONSONANTS + "ฤฦ")  # letters a combining mark may follow (besides another mark)
_CONSONANT_SET = frozenset(CONSONANTS)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-16" or "cp874"

    @property
    def is_legacy(self) -> bool:
        return self.encoding == "cp874"


def decode_text(data: bytes) -> str:
    """Text of a dump, or InputError when the bytes are neither UTF-8/16 nor plausible CP874 Thai text."""
    return decode(data).text


def decode(data: bytes) -> DecodedText:
    """The text of a dump and the encoding it was read in (see the module docstring for the CP874 check)."""
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data)
    if b"\x00" in data[:_BINARY_WINDOW]:
        raise InputError("the input is binary, neither a PDF nor a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return DecodedText(_decode_cp874(data), "cp874")
    if not is_plausible_thai_or_ascii(text):  # short CP874 runs can happen to be valid UTF-8 (E0 A1 A1 …)
        try:
            return DecodedText(_decode_cp874(data), "cp874")
        except InputError:
            pass  # not Thai either way: keep the UTF-8 reading, the grammar stage reports what it finds
    return DecodedText(text, "utf-8")


def is_plausible_thai_or_ascii(text: str) -> bool:
    """Most characters are ASCII or Thai, and the Thai follows Thai character order."""
    return _plausible_share(text) >= _MIN_PLAUSIBLE_SHARE and _misplaced_share(text) <= _MAX_MISPLACED_SHARE


def _decode_utf16(data: bytes) -> DecodedText:
    try:
        return DecodedText(data.decode("utf-16"), "utf-16")
    except UnicodeDecodeError as exc:
        raise InputError("the input starts with a UTF-16 byte order mark but is not UTF-16 text") from exc


def _decode_cp874(data: bytes) -> str:
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError as exc:
        raise InputError("the input is neither UTF-8 nor CP874/TIS-620 text") from exc
    if not any(c in _CONSONANT_SET for c in text) or not is_plausible_thai_or_ascii(text):
        raise InputError("the input is not UTF-8 and does not read as CP874/TIS-620 Thai text; refusing to guess")
    return text


def _plausible_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 1.0  # blank text: nothing implausible (the reader refuses empty input before)
    good = sum(1 for c in letters if c.isascii() and c.isprintable() or is_thai(c))
    return good / len(letters)


def _misplaced_share(text: str) -> float:
    """Share of combining marks not on a Thai letter, and of leading vowels not followed by a consonant."""
    checked = misplaced = 0
    previous = ""
    for index, ch in enumerate(text):
        if is_combining(ch):
            checked += 1
            misplaced += not (previous in _MARK_CARRIERS or is_combining(previous))
        elif ch in LEADING_VOWELS:
            checked += 1
            misplaced += text[index + 1 : index + 2] not in _CONSONANT_SET
        previous = ch
    return misplaced / checked if checked else 0.0

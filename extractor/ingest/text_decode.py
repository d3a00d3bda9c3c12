"""Decoding text exports: UTF-8 (with or without BOM), or the legacy Thai encodings CP874/TIS-620."""

from __future__ import annotations

from extractor.errors import InputError

# A plausible Thai text: most of its letters are Thai or ASCII, almost none are other scripts or controls.
_MIN_PLAUSIBLE_SHARE = 0.97


def decode_text(data: bytes) -> str:
    """Text of a dump, or InputError when the bytes are neither UTF-8 nor plausible CP874 Thai text."""
    if b"\x00" in data[:4096]:
        raise InputError("the input is binary, neither a PDF nor a text export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError as exc:
        raise InputError("the input is neither UTF-8 nor CP874/TIS-620 text") from exc
    if _plausible_share(text) < _MIN_PLAUSIBLE_SHARE:
        raise InputError("the input decodes as CP874 but does not read as Thai text; refusing to guess")
    return text


def _plausible_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    good = sum(1 for c in letters if c.isascii() and c.isprintable() or "\u0e00" <= c <= "\u0e7f")
    return good / len(letters)

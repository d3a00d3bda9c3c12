"""Thai digits (๐–๙) ↔ Arabic digits, for numbers, codes, years and amounts.

The repair chain never converts digits (prose keeps the source's digits); callers normalise fields such as
budgets, strategy codes (``๖๖๑๐๐๕``), policy codes (``P๒๑๓``) and years with this function.
"""

from __future__ import annotations

_TABLE = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits_to_arabic(s: str) -> str:
    """Every Thai digit of ``s`` replaced by its Arabic digit; nothing else changes."""
    return s.translate(_TABLE)


def arabic_to_thai_digits(s: str) -> str:
    """Every Arabic digit of ``s`` replaced by its Thai digit (a restored code written as the document writes it)."""
    return s.translate(_TO_THAI)

"""Regex substitution that records every change as a ``Repair`` with its offset in the *original* text.

The repair chain runs several substitutions in a row; each keeps ``origin`` (for every character of the current
text, its offset in the original text) so that the reported positions stay meaningful after earlier steps
changed the length of the text.  When a pattern does not match, nothing is copied (fast path).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractor.blocks import Repair

Replacer = Callable[[re.Match], "str | None"]


class EditLog:
    """Text being repaired, its origin map, and the repairs made so far."""

    __slots__ = ("text", "origin", "repairs", "_length")

    def __init__(self, text: str) -> None:
        self.text = text
        self.origin: list[int] | None = None  # None while no edit changed a length (identity map)
        self.repairs: list[Repair] = []
        self._length = len(text)

    def position(self, index: int) -> int:
        if self.origin is None:
            return index
        return self.origin[index] if index < len(self.origin) else self._length

    def sub(self, pattern: re.Pattern, code: str, replace: Replacer | str) -> None:
        """Replace every match of ``pattern``; ``replace`` returns the new text, or None to keep the match."""
        if not pattern.search(self.text):
            return
        pieces: list[str] = []
        origin: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = m.expand(replace) if isinstance(replace, str) else replace(m)
            if new is None or new == m.group(0):
                continue
            pieces.append(self.text[last : m.start()])
            origin.extend(self.position(i) for i in range(last, m.start()))
            start = self.position(m.start())
            pieces.append(new)
            origin.extend([start] * len(new))
            self.repairs.append(Repair(code, start, m.group(0), new))
            last = m.end()
        if not pieces:
            return
        pieces.append(self.text[last:])
        origin.extend(self.position(i) for i in range(last, len(self.text)))
        self.text = "".join(pieces)
        self.origin = origin

    def note(self, code: str, index: int, text: str) -> None:
        """Record a detection that changed nothing (an unresolved character), so it is never silent."""
        self.repairs.append(Repair(code, self.position(index), text, text))

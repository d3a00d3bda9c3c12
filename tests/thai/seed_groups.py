"""Strings of a seed that occur more than once and differ only in spacing (seed003.md §5.3 describes them).

Cells (TAB- or pipe-separated), split further at HTML tags and `` - `` bullets, stripped of ``*`` flags; grouped by the
text with all whitespace removed.  A space present in every form of a group is genuine (it survived every
rendering); a space present in only some forms is wrap noise.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_SPLIT = re.compile(r"\t|\||<[^>]+>|^- | - ")
_THAI = re.compile("[\u0e01-\u0e4e]")


def space_groups(seed_name_prefix: str) -> list[list[str]]:
    path = next(CORPUS.glob(f"{seed_name_prefix}_*.txt"))
    groups: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        for piece in _SPLIT.split(line):
            piece = re.sub(r"\s+", " ", piece.strip(" *"))
            if _THAI.search(piece):
                groups[re.sub(r"\s+", "", piece)].add(piece)
    return [sorted(forms) for forms in groups.values() if len(forms) > 1]


def common_space_slots(forms: list[str]) -> set[int]:
    """Positions (in the whitespace-free key) before which every form has a space."""
    slots = None
    for form in forms:
        here, k = set(), 0
        for ch in form:
            if ch == " ":
                here.add(k)
            else:
                k += 1
        slots = here if slots is None else slots & here
    return slots or set()


def space_slots(text: str) -> set[int]:
    return common_space_slots([text])


_WRAP_HYPHEN = re.compile("(?<=[\u0e01-\u0e4e])-(?=[\u0e01-\u0e4e])")


def output_forms(key: str, texts: list[str]) -> set[str]:
    """Every place where ``texts`` contain ``key`` (ignoring whitespace, and with its hyphens between Thai letters
    or without them: a wrap hyphen joined away), as written there (whitespace folded)."""
    forms = set()
    for text in texts:
        positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        squeezed = "".join(text[i] for i in positions)
        for needle in {key, _WRAP_HYPHEN.sub("", key)}:
            at = squeezed.find(needle)
            while at != -1:
                written = text[positions[at] : positions[at + len(needle) - 1] + 1]
                forms.add(re.sub(r"\s+", " ", written))
                at = squeezed.find(needle, at + 1)
    return forms

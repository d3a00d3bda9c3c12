"""The text of the golden files, for tests that prove an OCR corrector leaves correct plan Thai alone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


def strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, str):
        yield value


def golden_texts() -> dict[str, list[str]]:
    """Each golden file's name and its strings, in document order."""
    return {path.name: list(strings(json.loads(path.read_text(encoding="utf-8")))) for path in sorted(GOLDEN.glob("*.json"))}

"""The text of the golden files, for tests that prove an OCR corrector leaves correct plan Thai alone."""

from __future__ import annotations

import json
from pathlib import Path

from extractor.thai.ocr_headings import strings_in

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


def golden_texts() -> dict[str, list[str]]:
    """Each golden file's name and its strings, in document order."""
    return {path.name: list(strings_in(json.loads(path.read_text(encoding="utf-8")))) for path in sorted(GOLDEN.glob("*.json"))}

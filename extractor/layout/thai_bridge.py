"""TEMPORARY bridge to extractor.thai while that package is being written (removed once it lands)."""

from __future__ import annotations

from extractor.thai.glyphs import Glyph  # noqa: F401  (re-exported)

try:
    from extractor.thai import is_text_layer_damaged, join_wrapped, repair_glyphs, repair_text
except ImportError:  # pragma: no cover - transitional

    def repair_glyphs(glyphs):  # type: ignore[no-redef]
        return glyphs, []

    def repair_text(text):  # type: ignore[no-redef]
        return text.replace("\u0e4d\u0e32", "\u0e33"), []

    def join_wrapped(text):  # type: ignore[no-redef]
        return text, []

    def is_text_layer_damaged(text):  # type: ignore[no-redef]
        return False, ""

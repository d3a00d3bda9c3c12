"""Thai text repair: pure functions, damaged text (or glyphs) in, repaired text plus the list of repairs out.

Public API (other stages call these by name):
- ``repair_text(text)``: the text-level chain (PUA glyphs, legacy Latin-1 remaps, replacement characters,
  SARA AM, marks drawn over the next consonant, mark order and attachment, fake-bold duplicate marks, double SARA E);
- ``join_wrapped(text)``: wrap-inserted spaces / hyphens inside Thai words (cells, wrapped lines);
- ``restore_sara_am(texts)``: lost SARA AM (``สาคัญ``), on a page whose text shows the loss;
- ``join_document_wraps(texts)``: wrap spaces a whole document shows to be wraps (the same phrase written without);
  ``WrapEvidence(texts)`` keeps that evidence for later stages (``glue``: what stood between two rows of a cell);
- ``normalise_document_spacing(texts)``: canonical spaces around ``ๆ``, ``ฯลฯ``, ``:``, ``/``, brackets and
  abbreviations, so copies of one phrase spaced differently come out identical;
- ``repair_glyphs(glyphs)``: glyph-level repairs that need positions and font names;
- ``find_masked_spans``, ``find_keyboard_garbage``: detections for findings (never rewritten);
- ``thai_digits_to_arabic``: for fields (numbers, codes, years, amounts); prose keeps its digits;
- ``quality_metrics``, ``is_text_layer_damaged``: measurement and OCR routing.
"""

from extractor.thai.chain import repair_text
from extractor.thai.detect import KeyboardGarbage, MaskedSpan, find_keyboard_garbage, find_masked_spans
from extractor.thai.digits import thai_digits_to_arabic
from extractor.thai.document_wrap import WrapEvidence, join_document_wraps
from extractor.thai.glyphs import Glyph, font_family, repair_glyphs
from extractor.thai.quality import ThaiQuality, is_text_layer_damaged, quality_metrics
from extractor.thai.sara_am import restore_sara_am
from extractor.thai.spacing import normalise_document_spacing, normalise_spacing
from extractor.thai.wrap import join_wrapped, match_key

__all__ = [
    "Glyph",
    "KeyboardGarbage",
    "MaskedSpan",
    "ThaiQuality",
    "WrapEvidence",
    "find_keyboard_garbage",
    "find_masked_spans",
    "font_family",
    "is_text_layer_damaged",
    "join_document_wraps",
    "join_wrapped",
    "match_key",
    "normalise_document_spacing",
    "normalise_spacing",
    "quality_metrics",
    "repair_glyphs",
    "repair_text",
    "restore_sara_am",
    "thai_digits_to_arabic",
]

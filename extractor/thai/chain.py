"""The text-level repair chain (``repair_text``): every glyph-ish repair, in dependency order.

Order matters: private-use and Latin-1 glyphs become real marks first, so that SARA AM composition, mark order and
duplicate removal see them; marks drawn over the next consonant are moved back before spaces before marks are
dropped; spaces before marks go before dangling-mark removal.  The chain is idempotent (a
second run changes nothing) and never applies NFKC (it would decompose ``ำ``); NFC only.
Word-wrap joining is separate (``join_wrapped``): it changes spacing, which callers decide about.
"""

from __future__ import annotations

import unicodedata

from extractor.blocks import Repair
from extractor.thai.edits import EditLog
from extractor.thai.legacy import remap_latin1
from extractor.thai.marks import attach_marks, compose_sara_am, dedupe_marks, fix_double_sara_e, reorder_marks
from extractor.thai.misplaced import move_misplaced_marks
from extractor.thai.pua import map_pua
from extractor.thai.replacement import repair_replacement_chars

STEPS = (
    map_pua,
    repair_replacement_chars,  # before the Latin-1 step: removing one can put a Latin-1 mark next to its letter
    remap_latin1,
    compose_sara_am,
    dedupe_marks,  # before the move: it asks the dictionary about the marks it moves, and a doubled mark is no word's
    move_misplaced_marks,  # before attach_marks: ``ตัวชวี้ ัด`` has a space before a mark that is not a stray
    attach_marks,
    reorder_marks,
    dedupe_marks,
    compose_sara_am,  # a duplicate removed between ํ and า can expose a new pair
    fix_double_sara_e,
)


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """Repair Thai text damaged by PDF text layers or OCR; returns the text and every change made."""
    repairs: list[Repair] = []
    if not unicodedata.is_normalized("NFC", text):
        normalized = unicodedata.normalize("NFC", text)
        repairs.append(Repair("text.nfc", 0, text, normalized))
        text = normalized
    log = EditLog(text)
    for step in STEPS:
        step(log)
    return log.text, repairs + sorted(log.repairs, key=lambda r: r.position)

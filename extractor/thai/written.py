"""Text as written, not as encoded (``as_written``): the encoding artefacts every reader undoes before ``raw``.

A font draws ``ำ`` (SARA AM) as two glyphs, NIKHAHIT and SARA AA; a text layer (and a text export made from one)
maps the first glyph to ``ํ`` (``ํา``) or, in fonts whose ToUnicode gives it the whole vowel, to ``ำ`` itself
(``ำา``, never Thai spelling).  Both are how the text was encoded, not what the author typed, so ``raw`` holds
``ำ``; so does NFC.  Everything that interprets the text goes into the repaired text, not here.
"""

from __future__ import annotations

import re
import unicodedata

from extractor.blocks import Repair
from extractor.thai.edits import EditLog
from extractor.thai.marks import compose_sara_am

_NIKHAHIT = "\u0e4d"
_SARA_AM = "\u0e33"
_SARA_AM_TAIL = re.compile("\u0e33([\u0e48-\u0e4b]?)\u0e32")  # ำ mapped from the NIKHAHIT glyph, then SARA AA


def as_written(text: str) -> tuple[str, tuple[Repair, ...]]:
    """``text`` in NFC with SARA AM encoded as two characters composed; the repairs made."""
    repairs: tuple[Repair, ...] = ()
    if not unicodedata.is_normalized("NFC", text):
        normalized = unicodedata.normalize("NFC", text)
        repairs, text = (Repair("text.nfc", 0, text, normalized),), normalized
    if _NIKHAHIT not in text and _SARA_AM not in text:
        return text, repairs
    log = EditLog(text)
    compose_sara_am(log)
    log.sub(_SARA_AM_TAIL, "thai.sara_am_composed", "\\1\u0e33")
    return log.text, repairs + tuple(log.repairs)
